// runSync against the real local stack: the Node blocking HTTP client → the REST stand-in (a child process) →
// embedded PostgreSQL with the migrations and seed, one fresh database per test. Assertions read the DATABASE.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { type DbDay } from '../../support/db-production';
import { canonicalDecimal } from '../../../src/core/month-hash';
import { isMonthTab, parseMonthTab } from '../../../src/core/sheet/month-tab';
import type { HttpClient, SheetTab } from '../../../src/core/ports';
import { createPostgrestClient, type PostgrestClient } from '../../../src/core/postgrest/postgrest-client';
import type { RpcCaller } from '../../../src/core/postgrest/rpc-caller';
import { runSync, type SyncOptions, type SyncRunResult } from '../../../src/core/sync/run-sync';
import { memoryUserLock } from '../../../src/core/sync/user-lock';
import { createNodeHttpClient } from '../../../tools/lib/node-http-client';
import { spawnPostgrestStandin, type SpawnedPostgrestStandin } from '../../../tools/postgrest-standin/spawn';
import { createTestDatabase, type TestDatabase } from '../../support/db';
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

export { dbDays, integrity, reseedNow, type DbDay } from '../../support/db-production';
