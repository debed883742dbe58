// The local Apps Script runtime: in-memory fakes of the services the add-on uses, a sandbox with ONLY Apps Script's
// globals, and loadBundle() to run the built dist/Code.js in it. Tests and tools (npm start) both use it.
//
//   const runtime = createGasRuntime({ activeSpreadsheet: seed, http: handler });
//   const bundle = loadBundle(runtime);           // dist/Code.js through gas-local
//   bundle.onHomepage(event);  runtime.callCounts();
//
// A runtime is one execution of the add-on by one user. Two runtimes given the same `sharedState` are two
// executions (card click and hourly trigger, two users) that share property stores, caches, locks and triggers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCardServiceFake } from './card-service';
import { createCallCounter } from './call-counter';
import { createCacheService } from './cache-service';
import { MESSAGES } from './error-messages';
import type { ExecutionContext, FakeContext } from './fake-context';
import { createHtmlService } from './html-service';
import { createLockService, releaseExecutionLocks } from './lock-service';
import { createConsole, createLogger, type ConsoleEntry } from './logger';
import { createManualClock, type RuntimeClock } from './manual-clock';
import { createPropertiesService, seedPropertyStore } from './properties-service';
import { createSandboxRealm } from './sandbox-realm';
import { createScriptApp, timeDrivenEvent, type AuthorizationStatusName } from './script-app';
import { createSession } from './session';
import { createSharedState, type SharedState } from './shared-state';
import { createSheetsAdvancedService } from './sheets-advanced-service';
import { createSpreadsheetApp } from './spreadsheet-app';
import { createUrlFetchApp, type HttpRoute } from './url-fetch-app';
import { createUtilities } from './utilities';
import { buildSpreadsheet, type SpreadsheetModel, type SpreadsheetSeed } from './workbook-model';

export { createManualClock, systemClock, type ManualClock, type RuntimeClock } from './manual-clock';
export { createSharedState, type SharedState } from './shared-state';
export type { SpreadsheetSeed, SheetSeed, SeedValue } from './workbook-model';
export type { FetchFault, FetchRequestRecord, HttpHandler, HttpRoute, HttpRouteResponse, ServerRoute } from './url-fetch-app';
export type { ExecutionContext } from './fake-context';
export type { ConsoleEntry } from './logger';
export { MESSAGES } from './error-messages';
export { syncHttpRequest, closeSyncHttp, SyncHttpError } from './sync-http';

/** The card callback limit and the script runtime limit (DESIGN.md limits table). */
export const EXECUTION_LIMIT_MS: Record<ExecutionContext, number> = { card: 30_000, trigger: 6 * 60_000 };

export interface RuntimeOptions {
  userEmail?: string; // default 'user@example.com'
  /** What Session.getActiveUser() reports; defaults to userEmail ('' simulates the cross-domain blank). */
  activeUserEmail?: string;
  scriptTimeZone?: string; // default 'America/Chicago'
  /** 'card': a homepage/button execution with the open document; 'trigger': a time-driven run, no document. */
  context?: ExecutionContext;
  activeSpreadsheet?: SpreadsheetSeed | null;
  /** Other spreadsheets by id, reachable only through the Sheets advanced service with a drive.file grant. */
  spreadsheets?: SpreadsheetSeed[];
  /** Ids of files the user granted drive.file access to. */
  driveFileGrants?: string[];
  /** Let the Sheets advanced service read the active document without a drive.file grant (off: see its header). */
  sheetsApiReadsActiveDocument?: boolean;
  properties?: { user?: Record<string, string>; script?: Record<string, string>; document?: Record<string, string> };
  /** Container-bound script: document properties, cache and lock exist. A Workspace add-on is not (default false). */
  documentScoped?: boolean;
  http?: HttpRoute;
  /** urlFetchWhitelist prefixes from appsscript.json; enforced when given. */
  urlFetchWhitelist?: string[];
  clock?: RuntimeClock; // default: a manual clock at 2024-11-01T15:00Z
  authorization?: AuthorizationStatusName; // default NOT_REQUIRED
  sharedState?: SharedState;
  isAddOn?: boolean; // default true: add-on trigger rules apply
  echoConsole?: boolean;
  /** Service calls after this much clock time throw "Exceeded maximum execution time"; null disables. */
  executionLimitMs?: number | null;
  scriptId?: string;
  /** The manifest's oauthScopes, for fakes whose methods depend on a scope (CardService's file-scope request). */
  oauthScopes?: readonly string[];
}

export interface FiredTrigger {
  uniqueId: string;
  handlerFunction: string;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export function createGasRuntime(options: RuntimeOptions = {}) {
  const clock = options.clock ?? createManualClock();
  const shared = options.sharedState ?? createSharedState();
  const context: ExecutionContext = options.context ?? 'card';
  const limitMs = options.executionLimitMs === undefined ? EXECUTION_LIMIT_MS[context] : options.executionLimitMs;
  const realm = createSandboxRealm(() => clock.now(), options.scriptTimeZone ?? 'America/Chicago');
  let executionStart = clock.now();
  const counter = createCallCounter(() => {
    if (limitMs !== null && clock.now() - executionStart > limitMs) {
      throw realm.exception(MESSAGES.exceededMaxExecutionTime);
    }
  });

  const active: SpreadsheetModel | null = options.activeSpreadsheet ? buildSpreadsheet(options.activeSpreadsheet) : null;
  const books = new Map<string, SpreadsheetModel>();
  if (active) books.set(active.id, active);
  for (const seed of options.spreadsheets ?? []) books.set(seed.id, buildSpreadsheet(seed));
  const grants = new Set(options.driveFileGrants ?? []);
  if (active && options.sheetsApiReadsActiveDocument) grants.add(active.id);

  const ctx: FakeContext = {
    counter,
    realm,
    clock,
    shared,
    executionId: shared.nextId(),
    userEmail: options.userEmail ?? 'user@example.com',
    scriptTimeZone: options.scriptTimeZone ?? 'America/Chicago',
    context,
    documentId: context === 'card' && active ? active.id : null,
    documentScoped: options.documentScoped ?? false,
  };

  if (options.properties?.user) seedPropertyStore(ctx, 'user', options.properties.user);
  if (options.properties?.script) seedPropertyStore(ctx, 'script', options.properties.script);
  if (options.properties?.document) seedPropertyStore(ctx, 'document', options.properties.document);

  const spreadsheetApp = createSpreadsheetApp(ctx, active);
  const sheets = createSheetsAdvancedService(ctx, { books, driveFileGrants: grants });
  const properties = createPropertiesService(ctx);
  const cache = createCacheService(ctx);
  const lock = createLockService(ctx);
  const urlFetch = createUrlFetchApp(ctx, { route: options.http, urlFetchWhitelist: options.urlFetchWhitelist });
  const scriptApp = createScriptApp(ctx, {
    isAddOn: options.isAddOn ?? true,
    authorization: options.authorization ?? 'NOT_REQUIRED',
    scriptId: options.scriptId ?? 'local-script-id',
  });
  const utilities = createUtilities(ctx);
  const session = createSession(ctx, options.activeUserEmail ?? ctx.userEmail);
  const { logger, lines: logLines } = createLogger(ctx);
  const { console, entries: consoleEntries } = createConsole(options.echoConsole ?? false);
  const cardService = createCardServiceFake({ counter, realm, oauthScopes: options.oauthScopes });

  // Only Apps Script methods reach the bundle: the fakes' test hooks (calls, faults, evictAll) stay outside.
  Object.assign(realm.globals, {
    SpreadsheetApp: spreadsheetApp,
    Sheets: sheets,
    PropertiesService: properties,
    CacheService: pick(cache, ['getUserCache', 'getScriptCache', 'getDocumentCache']),
    LockService: lock,
    UrlFetchApp: pick(urlFetch, ['fetch', 'fetchAll', 'getRequest']),
    ScriptApp: scriptApp,
    Utilities: utilities,
    Session: session,
    Logger: logger,
    console,
    CardService: cardService,
    HtmlService: createHtmlService(realm),
  });

  const runtime = {
    options,
    context,
    clock,
    sharedState: shared,
    realm,
    globals: realm.globals as Record<string, unknown>,
    spreadsheetApp,
    sheets,
    properties,
    cache,
    lock,
    urlFetch,
    scriptApp,
    utilities,
    session,
    logger,
    logLines,
    console,
    consoleEntries: consoleEntries as ConsoleEntry[],
    cardService,
    callCounts: () => counter.snapshot(),
    resetCallCounts: () => counter.reset(),
    /** Restart the execution-time clock (a new card click or trigger run on the same runtime). */
    startExecution() {
      executionStart = clock.now();
    },
    /** The execution is over: its locks are released, as Apps Script does. */
    endExecution() {
      releaseExecutionLocks(ctx);
    },
    /** Run every due time-driven trigger of this user (trigger-context runtimes only), each as its own execution. */
    fireDueTriggers(bundle: Record<string, unknown>): FiredTrigger[] {
      if (context !== 'trigger') throw new Error('gas-runtime: fire triggers from a runtime created with context: "trigger"');
      const fired: FiredTrigger[] = [];
      const now = clock.now();
      for (const t of shared.triggers.filter((x) => x.ownerEmail === ctx.userEmail && x.nextRunAt <= now)) {
        while (t.nextRunAt <= now) t.nextRunAt += t.intervalMs;
        const handler = bundle[t.handlerFunction];
        runtime.startExecution();
        const entry: FiredTrigger = { uniqueId: t.uniqueId, handlerFunction: t.handlerFunction, ok: true };
        try {
          if (typeof handler !== 'function') throw new Error(`Script function not found: ${t.handlerFunction}`);
          entry.result = handler(realm.adopt(timeDrivenEvent(t, now)));
        } catch (e) {
          entry.ok = false;
          entry.error = e instanceof Object && 'message' in e ? String((e as Error).message) : String(e);
        } finally {
          runtime.endExecution();
        }
        fired.push(entry);
      }
      return fired;
    },
  };
  return runtime;
}

export type GasRuntime = ReturnType<typeof createGasRuntime>;

/** Runs the built bundle in the runtime's sandbox through gas-local; returns the sandbox's global object. */
export function loadBundle(runtime: GasRuntime, bundlePath = 'dist/Code.js'): Record<string, any> {
  const file = path.resolve(bundlePath);
  if (!fs.existsSync(file)) throw new Error(`gas-runtime: no bundle at ${file} (run npm run build first)`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const gasLocal = require('gas-local') as {
    require(folder: string, globals: object, options: { filter(f: string): boolean }): Record<string, any>;
  };
  return gasLocal.require(path.dirname(file), runtime.globals, { filter: (f) => path.resolve(f) === file });
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = obj[k];
  return out;
}
