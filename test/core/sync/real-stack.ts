// runSync against the real local stack: the Node blocking HTTP client → the REST stand-in (a child process) →
// embedded PostgreSQL with the migrations and seed, one fresh database per test. Assertions read the DATABASE.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { canonicalDecimal } from '../../../src/core/month-hash';
import { isMonthTab, parseMonthTab } from '../../../src/core/sheet/month-tab';
import type { HttpClient, SheetTab } from '../../../src/core/ports';
import { createPostgrestClient, type PostgrestClient } from '../../../src/core/postgrest/postgrest-client';
import type { RpcCaller } from '../../../src/core/postgrest/rpc-caller';
import { runSync, type SyncOptions, type SyncRunResult } from '../../../src/core/sync/run-sync';
import { memoryUserLock } from '../../../src/core/sync/user-lock';
import { createNodeHttpClient } from '../../../tools/lib/node-http-client';
import { spawnPostgrestStandin, type SpawnedPostgrestStandin } from '../../../tools/postgrest-standin/spawn';
import { createTestDatabase, sql, type TestDatabase } from '../../support/db';
import { DEMO_TOKEN } from '../../support/db-payloads';
import { CountingStore, FakeSource, MemoryLogger, fakeUnderstand, nodeHasher, workbook } from './fakes';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Blocks the thread like Utilities.sleep (the sync loop is synchronous). */
export const nodeSleeper = { sleep: (ms: number) => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, ms)) };

export interface RealStack {
  db: TestDatabase;
  standin: SpawnedPostgrestStandin;
  client: PostgrestClient;
  stop(): Promise<void>;
}

export async function startRealStack(options: { wrapHttp?: (inner: HttpClient) => HttpClient } = {}): Promise<RealStack> {
  const keys = { publishable: `sb_publishable_${randomBytes(12).toString('base64url')}`, secret: `sb_secret_${randomBytes(12).toString('base64url')}` };
  const db = await createTestDatabase();
  let standin: SpawnedPostgrestStandin;
  try {
    standin = await spawnPostgrestStandin({ databaseUrl: db.authenticatorUrl, keys });
  } catch (e) {
    await db.drop();
    throw e;
  }
  const client = createPostgrestClient({
    restUrl: standin.restUrl,
    apiKey: keys.publishable,
    http: (options.wrapHttp ?? ((h) => h))(createNodeHttpClient({ timeoutMs: 20_000 })),
    sleeper: nodeSleeper,
    clock: { now: () => Date.now() },
    retry: { baseDelayMs: 20, maxDelayMs: 100, maxTotalMs: 5_000 },
  });
  return {
    db,
    standin,
    client,
    async stop() {
      await standin.stop();
      await db.drop();
    },
  };
}

/** One user's add-on state against the stack: the User store, the lock and the workbook persist across runs. */
export function addOn(stack: RealStack, spreadsheetId: string, tabs: SheetTab[], holderId = 'user-a@device-1') {
  const store = new CountingStore();
  const source = new FakeSource(workbook(spreadsheetId, 'Dr. Obi production', tabs));
  const logger = new MemoryLogger();
  const lock = memoryUserLock();
  let api: RpcCaller = stack.client;
  const sync = (options: SyncOptions = {}): SyncRunResult =>
    runSync(
      { api, token: DEMO_TOKEN, store, source, understand: fakeUnderstand().understand, hasher: nodeHasher, clock: { now: () => Date.now() }, lock, holderId, addonVersion: '0.1.0-real-stack', logger },
      { bindIfUnbound: true, provider_code: 'obinna_ezeji', ...options },
    );
  /** Wrap the caller (e.g. to reseed before a given call). */
  const intercept = (wrap: (inner: RpcCaller) => RpcCaller) => {
    api = wrap(stack.client);
  };
  return { store, source, logger, sync, intercept };
}

export interface DbDay {
  provider_code: string;
  location_code: string;
  work_date: string;
  verified_production: string | null;
  hours_worked: string | null;
  source_tab: string;
  source_row: number;
}

export async function dbDays(db: TestDatabase): Promise<DbDay[]> {
  return sql(
    db,
    `select p.provider_code, l.location_code, d.work_date::text as work_date,
            trim_scale(d.verified_production)::text as verified_production, trim_scale(d.hours_worked)::text as hours_worked,
            d.source_tab, d.source_row
       from public.production_days d
       join public.providers p on p.id = d.provider_id
       join public.locations l on l.id = d.location_id
      order by 1, 2, 3`,
  );
}

/** What the sheet says, in the same shape (the fake layout: date, office, production, hours). */
export function sheetDays(tabs: SheetTab[], provider = 'obinna_ezeji'): DbDay[] {
  const out: DbDay[] = [];
  for (const t of tabs.filter((x) => isMonthTab(parseMonthTab(x.name))))
    t.values.slice(1).forEach((r, i) => {
      const date = r[0] as { date: string } | null;
      if (!date) return;
      out.push({
        provider_code: provider,
        location_code: String(r[1]),
        work_date: date.date,
        verified_production: canonicalDecimal(String(r[2])),
        hours_worked: canonicalDecimal(String(r[3])),
        source_tab: t.name,
        source_row: i + 2,
      });
    });
  return out.sort((a, b) => (a.location_code + a.work_date < b.location_code + b.work_date ? -1 : a.location_code + a.work_date > b.location_code + b.work_date ? 1 : 0));
}

/** Rows on an id the directory no longer has, and (provider, office, day) keys stored more than once. */
export async function integrity(db: TestDatabase): Promise<{ stale: number; duplicates: number }> {
  const [stale] = await sql(
    db,
    `select count(*)::int as n from public.production_days d
      where not exists (select 1 from public.providers p where p.id = d.provider_id)
         or not exists (select 1 from public.locations l where l.id = d.location_id)`,
  );
  const [dups] = await sql(
    db,
    `select count(*)::int as n from (select provider_id, location_id, work_date from public.production_days group by 1, 2, 3 having count(*) > 1) x`,
  );
  return { stale: stale.n, duplicates: dups.n };
}

/** The legacy-style reseed, run synchronously in a child process so it can happen between two calls of one run. */
export function reseedNow(db: TestDatabase, keepData: boolean): void {
  const args = ['--require', require.resolve('tsx/cjs'), path.join(REPO_ROOT, 'tools', 'reseed.ts'), '--database-url', db.url, ...(keepData ? ['--keep-data'] : [])];
  const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`reseed failed (${r.status}): ${r.stderr}`);
}
