// The built add-on against the REAL local stack, for test/bundle/sync-*.test.ts: this file's own database (a copy
// of the migrated, seeded template), the REST stand-in in a child process (the blocking UrlFetchApp fake cannot be
// served by its own process), and AddonSession users whose UrlFetch calls are forwarded to it. A `hook` sees each
// request before it is forwarded: it may answer instead (a fault), or act between two calls (a reseed, another user).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createManualClock, createSharedState, MESSAGES, syncHttpRequest, type FetchRequestRecord, type HttpRouteResponse, type ManualClock, type RuntimeOptions, type SharedState, type SpreadsheetSeed } from '../../../tools/gas-runtime';
import { AddonSession } from '../../../tools/lib/addon-session';
import { spawnPostgrestStandin, type SpawnedPostgrestStandin } from '../../../tools/postgrest-standin/spawn';
import { createTestDatabase, sql, type TestDatabase } from '../../support/db';
import { DEMO_TOKEN } from '../../support/db-payloads';
import { buildBundle, REPO_ROOT, type BuildResult } from '../build-bundle';

export const SETTINGS_URL = 'https://practice-test.supabase.co/rest/v1';
export const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'appsscript.json'), 'utf8'));

export type Hook = (request: FetchRequestRecord, fn: string) => HttpRouteResponse | void;

export interface SyncStack {
  db: TestDatabase;
  standin: SpawnedPostgrestStandin;
  build: BuildResult;
  publishableKey: string;
  clock: ManualClock;
  /** Runs before each forwarded request; replace it per test. */
  hook: Hook | null;
  user(options: UserOptions): AddonSession;
  stop(): Promise<void>;
}

export interface UserOptions extends Partial<RuntimeOptions> {
  seed?: SpreadsheetSeed | null;
  email?: string;
  sharedState?: SharedState;
  hasFileScope?: boolean;
  /** Save the connection settings through the settings card first (default true). */
  configure?: boolean;
}

export async function startSyncStack(): Promise<SyncStack> {
  const build = buildBundle();
  if (!build.ok) throw new Error(`build failed:\n${build.errors}`);
  const publishableKey = `sb_publishable_${randomBytes(12).toString('base64url')}`;
  const db = await createTestDatabase();
  const standin = await spawnPostgrestStandin({ databaseUrl: db.authenticatorUrl, keys: { publishable: publishableKey, secret: `sb_secret_${randomBytes(12).toString('base64url')}` } });
  const clock = createManualClock(Date.UTC(2024, 11, 2, 15));
  const stack: SyncStack = {
    db,
    standin,
    build,
    publishableKey,
    clock,
    hook: null,
    user(options) {
      let session: AddonSession;
      const route = (request: FetchRequestRecord): HttpRouteResponse => {
        const parsed = new URL(request.url);
        const fn = parsed.pathname.split('/').pop() ?? '';
        const answer = stack.hook?.(request, fn);
        if (answer) return answer;
        request.forwardedTo = `${standin.url}${parsed.pathname}`;
        return syncHttpRequest({ url: request.forwardedTo, method: request.method, headers: request.headers, body: request.payload, timeoutMs: 20_000 });
      };
      session = new AddonSession({
        bundlePath: build.file,
        seed: options.seed,
        userEmail: options.email ?? 'ann@kamdental.example',
        http: route,
        urlFetchWhitelist: manifest.urlFetchWhitelist,
        oauthScopes: manifest.oauthScopes,
        clock,
        ...options,
      });
      if (options.configure !== false) {
        const saved = session.click('onSaveSettings', { rest_url: SETTINGS_URL, publishable_key: publishableKey, sync_token: DEMO_TOKEN });
        if (saved.notification !== 'Production Sync: settings saved.') throw new Error(`settings not saved: ${saved.text}`);
      }
      return session;
    },
    async stop() {
      await standin.stop();
      await db.drop();
      build.cleanup();
    },
  };
  return stack;
}

/** A fault the way UrlFetchApp reports it: an HTTP status, or an exception from the sandbox's realm. */
export function fault(session: AddonSession, kind: 'network' | 'timeout' | 500 | 429, url: string): HttpRouteResponse {
  if (kind === 'network') throw session.runtime.realm.exception(MESSAGES.addressUnavailable(url));
  if (kind === 'timeout') throw session.runtime.realm.exception(MESSAGES.timeout(url));
  const body = kind === 429 ? '{"message":"Too many requests"}' : '{"code":"XX000","message":"internal error","details":null,"hint":null}';
  return { status: kind, headers: { 'Content-Type': 'application/json' }, body };
}

/** Confirm the binding the homepage proposes (its defaults), as a user's click does. */
export function confirmDefaults(session: AddonSession) {
  const home = session.homepage();
  return session.press(home.data, 'Confirm and save');
}

export function ingestCalls(session: AddonSession): number {
  return session.runtime.urlFetch.calls.filter((c) => c.url.endsWith('/rpc/sync_ingest')).length;
}

export async function runs(db: TestDatabase): Promise<{ spreadsheet_id: string; status: string; trigger: string; written: number; self_healed: boolean; message: string }[]> {
  return sql(db, `select spreadsheet_id, status, trigger, written, self_healed, message from public.sync_runs order by recorded_at, started_at`);
}

export { createSharedState };
export { dbDays, integrity, reseedNow, type DbDay } from '../../support/db-production';
