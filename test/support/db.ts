// Per-test-file databases on the run's embedded PostgreSQL (test/support/db-global-setup.ts).
// A template database with bootstrap + migrations + seed is built once per content of those files (named by
// their hash) and copied for each test file, so a fresh migrated database costs a fraction of a second.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import {
  BOOTSTRAP_FILE,
  SEED_FILE,
  createDatabase,
  dropDatabase,
  migrationFiles,
  withClient,
  withDatabase,
} from '../../tools/local-postgres';

export type ApiRole = 'anon' | 'authenticated' | 'service_role';

export interface TestDatabase {
  name: string;
  /** Superuser URL of this database. */
  url: string;
  /** URL of this database as the `authenticator` login (PostgREST's login role). */
  authenticatorUrl: string;
  drop(): Promise<void>;
}

export function clusterUrl(): string {
  const url = process.env.PS_TEST_PG_URL;
  if (!url) throw new Error('PS_TEST_PG_URL is not set: run through jest (globalSetup starts PostgreSQL)');
  return url;
}

function templateName(withSeed: boolean): string {
  const h = createHash('sha256');
  for (const f of [BOOTSTRAP_FILE, ...migrationFiles(), ...(withSeed ? [SEED_FILE] : [])]) h.update(f).update(readFileSync(f));
  return `ps_tpl_${withSeed ? 's' : 'm'}_${h.digest('hex').slice(0, 16)}`;
}

const LOCK_KEY = 7_420_011;

/** A fresh database with bootstrap + migrations (+ seed unless `seed: false`). Drop it in afterAll. */
export async function createTestDatabase(options: { seed?: boolean; migrations?: boolean } = {}): Promise<TestDatabase> {
  const cluster = clusterUrl();
  const name = `ps_test_${randomBytes(6).toString('hex')}`;
  if (options.migrations === false) {
    const url = await createDatabase(cluster, name, {});
    return handle(cluster, name, url);
  }
  const template = templateName(options.seed !== false);
  // Building and copying templates is serialised across jest workers: CREATE DATABASE … TEMPLATE fails while any
  // other session is connected to the template.
  await withClient(cluster, async (c) => {
    await c.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      const exists = await c.query('select 1 from pg_database where datname = $1', [template]);
      if (exists.rowCount === 0) {
        const building = `${template}_build`;
        await dropDatabase(cluster, building);
        await createDatabase(cluster, building, { migrations: true, seed: options.seed !== false });
        await c.query(`alter database ${building} rename to ${template}`);
      }
      await c.query(`create database ${name} template ${template}`);
    } finally {
      await c.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
  return handle(cluster, name, withDatabase(cluster, name));
}

function handle(cluster: string, name: string, url: string): TestDatabase {
  return { name, url, authenticatorUrl: withDatabase(url, name, 'authenticator'), drop: () => dropDatabase(cluster, name) };
}

export async function connect(url: string): Promise<Client> {
  const c = new Client({ connectionString: url });
  await c.connect();
  return c;
}

/**
 * Runs `fn` the way PostgREST runs a request: logged in as authenticator, inside a transaction, `set local role`
 * to the API role and that role's own settings (statement_timeout) applied with `set local`, since ALTER ROLE …
 * SET does not follow SET ROLE. Commits unless `fn` throws.
 */
export async function asRole<T>(db: TestDatabase, role: ApiRole, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = await connect(db.authenticatorUrl);
  try {
    await c.query('begin');
    await c.query(`set local role ${role}`);
    const settings = await c.query<{ name: string; value: string }>(
      `select split_part(s, '=', 1) as name, substr(s, strpos(s, '=') + 1) as value
         from pg_db_role_setting d cross join unnest(d.setconfig) s
        where d.setrole = (select oid from pg_roles where rolname = $1) and d.setdatabase in (0, (select oid from pg_database where datname = current_database()))
        order by d.setdatabase`,
      [role],
    );
    for (const s of settings.rows) await c.query('select set_config($1, $2, true)', [s.name, s.value]);
    try {
      const out = await fn(c);
      await c.query('commit');
      return out;
    } catch (e) {
      await c.query('rollback').catch(() => undefined);
      throw e;
    }
  } finally {
    await c.end();
  }
}

/** Calls public.<fn> with named arguments: `p_…_codes` arrays go as text[], other objects/arrays as JSON. */
export async function callRpc<T = any>(c: Client, fn: string, args: Record<string, unknown>): Promise<T> {
  const names = Object.keys(args);
  const values = names.map((n) => {
    const v = args[n];
    if (v === null || v === undefined) return null;
    if (n.endsWith('_codes')) return v;
    return typeof v === 'object' ? JSON.stringify(v) : v;
  });
  const call = `select public.${fn}(${names.map((n, i) => `${n} => $${i + 1}`).join(', ')}) as result`;
  const res = await c.query(call, values);
  return res.rows[0].result as T;
}

/** One RPC in its own PostgREST-like request as `role`. */
export async function rpcAs<T = any>(db: TestDatabase, role: ApiRole, fn: string, args: Record<string, unknown>): Promise<T> {
  return asRole(db, role, (c) => callRpc<T>(c, fn, args));
}

/** Superuser query on the test database. */
export async function sql<T extends Record<string, any> = any>(db: TestDatabase, text: string, params: unknown[] = []): Promise<T[]> {
  return withClient(db.url, async (c) => (await c.query<T>(text, params)).rows);
}
