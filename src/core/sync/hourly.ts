// The hourly trigger's work: refresh the cached mappings, then visit every spreadsheet the user enrolled, each
// under its own budget, reading through the Sheets batchGet source (a trigger has no active document). Triggers
// keep firing into code they are no longer authorised for and nobody sees their failures (DESIGN limits table):
// so it is gated on an authorisation check, and every outcome is recorded in sync_runs.
import type { SyncRunRecord } from '../api-contract';
import type { SheetSource } from '../ports';
import type { BatchLimits } from './batches';
import { zeroCounts } from './checkpoint';
import { listEnrolled, markVisited, visitOrder } from './enrolment';
import { MappingCache, refreshMappings, type RefreshOutcome } from './mapping-cache';
import { runSync, type SyncDeps, type SyncRunResult, type SyncStatus } from './run-sync';
import { redactSecrets } from './settings';
import { createSyncApi, failureMessage } from './sync-api';

/** runSync's dependencies, except that the source is opened per spreadsheet. */
export interface HourlyDeps extends Omit<SyncDeps, 'source'> {
  /** The background source (Sheets batchGet) for one spreadsheet; may throw when the file is gone or not granted. */
  sourceFor: (spreadsheetId: string) => SheetSource;
  /** The add-on's authorization info (getAuthorizationInfo in Apps Script) says no authorisation is required (the adapter decides). */
  isAuthorized: () => boolean;
}

export interface HourlyOptions {
  perSheetBudgetMs?: number;
  /** Of the 6-minute execution limit, what the whole visit may use. */
  totalBudgetMs?: number;
  /** A sheet is not started with less than this left. */
  minSheetBudgetMs?: number;
  batch?: Partial<BatchLimits>;
}

export interface HourlyVisit {
  spreadsheet_id: string;
  title: string;
  status: SyncStatus;
  message: string;
  run_id: string | null;
  record_error: string | null;
  result: SyncRunResult | null;
}

export interface HourlyResult {
  status: 'not_authorized' | 'nothing_enrolled' | 'done';
  refreshed: RefreshOutcome[];
  visits: HourlyVisit[];
  /** Not visited for lack of time: first in line next hour. */
  deferred: string[];
}

export function runHourly(deps: HourlyDeps, options: HourlyOptions = {}): HourlyResult {
  if (!deps.isAuthorized()) {
    deps.logger.log('hourly: the add-on is no longer authorised for this user; nothing was done');
    return { status: 'not_authorized', refreshed: [], visits: [], deferred: [] };
  }
  const t0 = deps.clock.now();
  const enrolled = visitOrder(listEnrolled(deps.store));
  if (enrolled.length === 0) return { status: 'nothing_enrolled', refreshed: [], visits: [], deferred: [] };

  const secrets = [deps.token, ...(deps.secrets ?? [])];
  const api = createSyncApi(deps.api, deps.token);
  const refreshed = refreshMappings({ api, cache: new MappingCache(deps.store), clock: deps.clock }, enrolled.map((e) => e.spreadsheet_id));
  for (const r of refreshed) if (!r.ok) deps.logger.log(redactSecrets(`hourly: mapping refresh failed for ${r.spreadsheet_id}: ${r.message}`, secrets));

  const total = options.totalBudgetMs ?? 300_000;
  const perSheet = options.perSheetBudgetMs ?? 60_000;
  const minimum = options.minSheetBudgetMs ?? 15_000;
  const visits: HourlyVisit[] = [];
  const deferred: string[] = [];
  for (const e of enrolled) {
    const left = total - (deps.clock.now() - t0);
    if (left < minimum) {
      deferred.push(e.spreadsheet_id);
      continue;
    }
    const budgetMs = Math.min(perSheet, left);
    let source: SheetSource;
    try {
      const opened = deps.sourceFor(e.spreadsheet_id);
      const described = opened.describe(); // opened once here, so a gone file is recorded, and not described twice
      source = { describe: () => described, read: (names) => opened.read(names) };
    } catch (err) {
      visits.push(recordUnreadable(deps, api, e.spreadsheet_id, e.title, err, t0, secrets));
      markVisited(deps.store, e.spreadsheet_id, new Date(deps.clock.now()).toISOString());
      continue;
    }
    const result = runSync({ ...deps, source }, { budgetMs, trigger: 'hourly', batch: options.batch, lockWaitMs: 10_000 });
    visits.push({ spreadsheet_id: e.spreadsheet_id, title: e.title, status: result.status, message: result.message, run_id: result.run_id, record_error: result.record_error, result });
    markVisited(deps.store, e.spreadsheet_id, new Date(deps.clock.now()).toISOString());
  }
  return { status: 'done', refreshed, visits, deferred };
}

function recordUnreadable(
  deps: HourlyDeps,
  api: ReturnType<typeof createSyncApi>,
  spreadsheetId: string,
  title: string,
  err: unknown,
  t0: number,
  secrets: string[],
): HourlyVisit {
  const message = redactSecrets(
    `The hourly sync could not open the spreadsheet (${err instanceof Error ? err.message : String(err)}): it may have been deleted, or the add-on's access to it removed. Open it and sync once to grant access again.`,
    secrets,
  );
  const now = new Date(deps.clock.now()).toISOString();
  const run: SyncRunRecord = {
    started_at: new Date(t0).toISOString(),
    ended_at: now,
    status: 'failed',
    trigger: 'hourly',
    ...zeroCounts(),
    rejects: [],
    totals_check: [],
    addon_version: deps.addonVersion,
    self_healed: false,
    message,
  };
  const recorded = api.recordRun(spreadsheetId, run);
  deps.logger.log(`hourly: ${spreadsheetId}: ${message}`);
  return {
    spreadsheet_id: spreadsheetId,
    title,
    status: 'failed',
    message,
    run_id: recorded.ok ? recorded.value.run_id : null,
    record_error: recorded.ok ? null : redactSecrets(failureMessage(recorded.failure), secrets),
    result: null,
  };
}
