// The sync loop (issue 13): user lock → server lease → mapping (cached) → read month tabs in one call →
// understand → ONE plan call → whole-month batches through sync_ingest under a time budget → release → record.
// Expected failures are data in the result; nothing is lost: a month not sent is reported and the next run's
// plan sends it again. A reseed (new ids, maybe emptied tables) is healed without a manual step (contract 5).
import type { RejectRecord, SyncRunRecord, TotalsCheckRecord, RowOutcome } from '../api-contract';
import type { Clock, Hasher, KeyValueStore, Logger, SheetSource } from '../ports';
import type { RpcCaller } from '../postgrest/rpc-caller';
import { isMonthTab, parseMonthTab } from '../sheet/month-tab';
import type { ProviderDetection, UnderstandWorkbook, WorkbookUnderstanding } from '../understanding';
import { makeBatches, batchRows, type BatchLimits } from './batches';
import { bindSpreadsheet, suggestBinding } from './binding';
import { addCounts, clearCheckpoint, readCheckpoint, saveCheckpoint, zeroCounts, type Checkpoint, type SyncCounts } from './checkpoint';
import { databaseTotalsCheck } from './database-totals';
import { countingCaller, countingStore, newCallCounts, redactingLogger, type CallCounts } from './instrument';
import { getMapping, MappingCache, refreshMapping, type CachedMapping } from './mapping-cache';
import { monthKey, planMonths, type DuplicateMonth, type OrphanMonth, type PlannedMonth } from './plan-months';
import { redactSecrets } from './settings';
import { SnapshotStore } from './store-snapshot';
import { createSyncApi, failureMessage, type IngestMonthOutcome, type SyncApi, type SyncFailure } from './sync-api';
import type { UserLock } from './user-lock';

export type SyncTrigger = SyncRunRecord['trigger'];
export type SyncStatus = SyncRunRecord['status'] | 'needs_binding';

export interface SyncDeps {
  api: RpcCaller;
  token: string;
  /** The USER store (User properties in Apps Script). */
  store: KeyValueStore;
  source: SheetSource;
  understand: UnderstandWorkbook;
  hasher: Hasher;
  clock: Clock;
  lock: UserLock;
  /** Who holds the server lease: stable per user and device, not secret (e.g. a temporary user key). */
  holderId: string;
  addonVersion: string;
  logger: Logger;
  /** More secrets to scrub from every message (the publishable key); the token always is. */
  secrets?: string[];
}

export interface SyncOptions {
  budgetMs?: number;
  trigger?: SyncTrigger;
  batch?: Partial<BatchLimits>;
  /** How long to wait for the user lock. */
  lockWaitMs?: number;
  leaseTtlSeconds?: number;
  /** Assumed duration of a batch before one has been timed: a 3 s statement plus the round trip. */
  initialBatchEstimateMs?: number;
  /** Kept free at the end of the budget for releasing the lease and recording the run. */
  reserveMs?: number;
  /** Backfill flags (contract 10). */
  provider_code?: string;
  location_code?: string;
  /** Bind an unbound spreadsheet when the provider is certain (an explicit provider_code, or high-confidence detection). The add-on leaves this off: its card asks. */
  bindIfUnbound?: boolean;
  maxRecordedRejects?: number;
}

export const DEFAULT_BUDGET_MS = 25_000;

export type TabState = 'sent' | 'unchanged' | 'failed' | 'pending' | 'duplicate' | 'not_synced';

export interface TabReport extends SyncCounts {
  tab: string;
  month: string | null;
  state: TabState;
  rejects: RejectRecord[];
  skipped_rows: { reason: string; count: number }[];
  message: string | null;
}

export interface MonthProblem {
  tab: string;
  month: string;
  message: string;
}

export interface SyncRunResult {
  status: SyncStatus;
  message: string;
  trigger: SyncTrigger;
  spreadsheet_id: string | null;
  title: string | null;
  resumeNeeded: boolean;
  resumedFrom: { run_started_at: string; remaining_count: number; counts: SyncCounts } | null;
  self_healed: boolean;
  counts: SyncCounts;
  tabs: TabReport[];
  /** Rejects not tied to a tab (e.g. an unreadable workbook part). */
  rejects: RejectRecord[];
  totals_check: TotalsCheckRecord[];
  /** After the sync: what the database now holds per office and month sent, against the rows sent (principle 6). */
  database_totals: TotalsCheckRecord[];
  orphaned: OrphanMonth[];
  duplicates: DuplicateMonth[];
  failed_months: MonthProblem[];
  pending_months: { tab: string; month: string }[];
  /** Set when status is needs_binding: what detection saw, for the first-run card. */
  provider: ProviderDetection | null;
  /** Set when the lease is held by someone else. */
  lease: { holder: string | null; expires_at: string | null } | null;
  calls: CallCounts & { ingest: number; source_reads: number };
  batches: { months: number; rows: number; ms: number; outcome: 'ok' | 'failed' | 'split' | 'retried' }[];
  started_at: string;
  ended_at: string;
  elapsed_ms: number;
  run_id: string | null;
  record_error: string | null;
}

interface Run {
  deps: SyncDeps;
  options: SyncOptions;
  trigger: SyncTrigger;
  budgetMs: number;
  t0: number;
  clock: Clock;
  counts: CallCounts;
  sourceReads: number;
  api: SyncApi;
  store: SnapshotStore;
  cache: MappingCache;
  logger: Logger;
  secrets: string[];
  selfHealed: boolean;
  healNotes: string[];
  /** Tab names in the workbook's order: the report lists tabs as the user sees them. */
  tabOrder: string[];
}

export function runSync(deps: SyncDeps, options: SyncOptions = {}): SyncRunResult {
  const counts = newCallCounts();
  const secrets = [deps.token, ...(deps.secrets ?? [])];
  const store = new SnapshotStore(countingStore(deps.store, counts));
  const run: Run = {
    deps,
    options,
    trigger: options.trigger ?? 'manual',
    budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS,
    t0: deps.clock.now(),
    clock: deps.clock,
    counts,
    sourceReads: 0,
    api: createSyncApi(countingCaller(deps.api, counts), deps.token),
    store,
    cache: new MappingCache(store),
    logger: redactingLogger(deps.logger, secrets),
    secrets,
    selfHealed: false,
    healNotes: [],
    tabOrder: [],
  };

  if (!deps.lock.tryLock(options.lockWaitMs ?? 500)) {
    return finish(run, blank(run, null, null), {
      status: 'yielded',
      message: 'Another sync you started (in another tab, or the hourly sync) is still running; this one stepped aside. Try again in a minute.',
    });
  }
  try {
    return syncUnderLock(run);
  } finally {
    deps.lock.release();
  }
}

function syncUnderLock(run: Run): SyncRunResult {
  const { deps } = run;
  let view: SyncRunResult = blank(run, null, null);
  let sid: string;
  let described: Described;
  try {
    described = deps.source.describe();
    sid = described.spreadsheetId;
    run.tabOrder = described.tabs.map((t) => t.name);
    view = blank(run, sid, described.title);
  } catch (e) {
    return finish(run, view, { status: 'failed', message: `Could not open the spreadsheet: ${errorText(e)}` });
  }

  const ttl = leaseTtl(run);
  const taken = run.api.lease(sid, deps.holderId, 'take', ttl);
  if (!taken.ok || !taken.value.held) {
    const f = taken.ok ? null : taken.failure;
    if (taken.ok || (f?.kind === 'api' && f.code === 'LEASE_HELD')) {
      const holder = taken.ok ? taken.value.holder : f?.kind === 'api' ? f.holder : null;
      const until = taken.ok ? taken.value.expires_at : f?.kind === 'api' ? f.expires_at : null;
      view.lease = { holder, expires_at: until };
      const who = holder ? `(${holder}${until ? `, until ${until}` : ''})` : f?.message ? `(${f.message.replace(/\.$/, '')})` : '(another user or device)';
      return record(
        run,
        finish(run, view, {
          status: 'yielded',
          message: `Someone else is syncing this spreadsheet right now ${who}; this run stepped aside. Nothing was lost: the next run sends whatever is still different.`,
        }),
        sid,
      );
    }
    return record(run, finish(run, view, { status: 'failed', message: failureMessage(f as SyncFailure) }), sid);
  }

  let outcome: SyncRunResult;
  try {
    outcome = syncUnderLease(run, view, described);
  } catch (e) {
    run.logger.log(`sync ${sid}: unexpected error: ${errorText(e)}`);
    outcome = finish(run, view, { status: 'failed', message: `Unexpected error; nothing further was sent: ${errorText(e)}` });
  } finally {
    const released = run.api.lease(sid, deps.holderId, 'release', ttl);
    if (!released.ok) run.logger.log(`sync ${sid}: lease release failed (it expires by itself): ${failureMessage(released.failure)}`);
  }
  // An unbound sheet in the card is a question for the user, not a failed run; in a trigger or a backfill
  // nobody is watching, so it is recorded (as failed) like any other outcome.
  return outcome.status === 'needs_binding' && run.trigger === 'manual' ? outcome : record(run, outcome, sid);
}

type Described = ReturnType<SheetSource['describe']>;

function syncUnderLease(run: Run, view: SyncRunResult, described: Described): SyncRunResult {
  const { deps, options } = run;
  const sid = described.spreadsheetId;
  const got = getMapping(run, sid);
  if (!got.ok) return finish(run, view, { status: 'failed', message: failureMessage(got.failure) });
  let mapping = got.value.mapping;
  const checkpoint = readCheckpoint(run.store, sid);
  if (checkpoint) view.resumedFrom = { run_started_at: checkpoint.run_started_at, remaining_count: checkpoint.remaining_count, counts: checkpoint.counts };

  // Month tabs only, read in one call: the engine, not the adapter, decides what a month tab is.
  const monthTabNames: string[] = [];
  for (const t of described.tabs) {
    const parsed = parseMonthTab(t.name);
    if (isMonthTab(parsed)) monthTabNames.push(t.name);
    else view.tabs.push(tabReport(t.name, null, 'not_synced', parsed.skip));
  }
  const sheetTabs = monthTabNames.length > 0 ? (run.sourceReads++, deps.source.read(monthTabNames)) : [];
  const workbook = { spreadsheetId: sid, title: described.title, timeZone: described.timeZone, tabs: sheetTabs };
  const understandWith = (m: CachedMapping): WorkbookUnderstanding =>
    deps.understand(workbook, m.directory, { binding: m.binding, provider_code: options.provider_code, location_code: options.location_code });
  let understanding = understandWith(mapping);

  if (!mapping.binding) {
    const suggestion = suggestBinding(understanding, mapping.directory);
    const explicit = options.provider_code;
    if (options.bindIfUnbound && (explicit || suggestion.kind === 'confident')) {
      const settings =
        explicit !== undefined
          ? { provider_code: explicit, default_location_code: options.location_code ?? null, column_overrides: {} }
          : suggestion.kind === 'confident' && !suggestion.needs_location
            ? suggestion.settings
            : null;
      if (settings) {
        const bound = bindSpreadsheet(run, sid, settings);
        if (!bound.ok) return finish(run, view, { status: 'failed', message: failureMessage(bound.failure) });
        mapping = bound.value.mapping;
        understanding = understandWith(mapping);
      }
    }
    if (!mapping.binding) {
      view.provider = understanding.provider;
      return finish(run, view, {
        status: 'needs_binding',
        message:
          suggestion.kind === 'ask'
            ? `Not synced: this spreadsheet is not bound yet. ${suggestion.reason}`
            : `Not synced: this spreadsheet is not bound yet. It looks like ${understanding.provider.best?.name}'s: confirm to bind it.`,
      });
    }
  }

  let planned = run.api.plan(sid);
  if (!planned.ok && planned.failure.kind === 'api' && planned.failure.code === 'NOT_BOUND') {
    // The cached binding is gone server-side: the cache is never the truth.
    const fresh = refreshMapping(run, sid);
    if (fresh.ok && !fresh.value.binding) {
      view.provider = understandWith(fresh.value).provider;
      return finish(run, view, { status: 'needs_binding', message: 'Not synced: the binding of this spreadsheet was removed in the database. Confirm whose sheet it is to bind it again.' });
    }
    if (fresh.ok) {
      mapping = fresh.value;
      understanding = understandWith(mapping);
      planned = run.api.plan(sid);
    }
  }
  if (!planned.ok) return finish(run, view, { status: 'failed', message: failureMessage(planned.failure) });
  if (planned.value.directory_version !== mapping.directory.version) {
    const healed = heal(run, sid, `the directory changed since it was cached (${mapping.directory.version} → ${planned.value.directory_version})`);
    if (!healed.ok) return finish(run, view, { status: 'failed', message: failureMessage(healed.failure) });
    mapping = healed.value;
    understanding = understandWith(mapping);
  }

  const plan = planMonths(understanding.months, planned.value.months, deps.hasher, understanding.tabs);
  fillUnderstanding(view, understanding);
  view.orphaned = plan.orphaned;
  view.duplicates = plan.duplicates;
  for (const d of plan.duplicates) for (const t of d.tabs) setTab(view, t, d.month, 'duplicate', d.message);
  for (const u of plan.unchanged) {
    const r = setTab(view, u.tab, u.month, 'unchanged', null);
    r.unchanged += u.row_count;
  }
  run.logger.log(`sync ${sid}: ${plan.send.length} month(s) to send, ${plan.unchanged.length} unchanged, ${plan.orphaned.length} only in the database`);

  sendMonths(run, view, sid, plan.send, () => mapping, (m) => (mapping = m));

  const pending = view.pending_months.length > 0;
  const failed = view.failed_months.length > 0;
  const sentSome = view.tabs.some((t) => t.state === 'sent');
  const thisRun = totalCounts(view);
  if (pending) {
    saveCheckpoint(run.store, {
      spreadsheet_id: sid,
      run_started_at: checkpoint?.run_started_at ?? new Date(run.t0).toISOString(),
      saved_at: new Date(deps.clock.now()).toISOString(),
      remaining: view.pending_months.map((p) => monthKey(understanding.months.find((m) => m.tab === p.tab)?.payload.provider_code ?? '', p.month)),
      counts: checkpoint ? addCounts(checkpoint.counts, thisRun) : thisRun,
    });
  } else {
    // Months that failed are not "remaining": the next plan sends them, and they are reported as failed.
    clearCheckpoint(run.store, sid);
  }
  const status: SyncStatus = pending || (failed && (sentSome || plan.unchanged.length > 0)) ? 'partial' : failed ? 'failed' : 'success';
  return finish(run, view, { status, message: summarize(view, plan.send.length, pending, checkpoint) });
}

interface Batch {
  months: PlannedMonth[];
  healed: boolean; // already retried once after a mapping refresh
}

function sendMonths(
  run: Run,
  view: SyncRunResult,
  sid: string,
  send: PlannedMonth[],
  currentMapping: () => CachedMapping,
  setMapping: (m: CachedMapping) => void,
): void {
  const { deps, options } = run;
  const queue: Batch[] = makeBatches(send.map((p) => ({ ...p, payload: p.understanding.payload })), options.batch).map((months) => ({ months, healed: false }));
  const reserve = options.reserveMs ?? 3000;
  let worstBatchMs = options.initialBatchEstimateMs ?? 4000;
  let timed = false;
  let first = true;
  const ttl = leaseTtl(run);

  while (queue.length > 0) {
    const batch = queue[0];
    const elapsed = deps.clock.now() - run.t0;
    // The first batch only needs the reserve to fit: every run that gets this far makes progress, even when
    // reading the sheet was slow (the card's hard limit is 30 s against a 25 s budget).
    if (elapsed + (first ? 0 : worstBatchMs) + reserve > run.budgetMs) {
      run.logger.log(`sync ${sid}: budget reached after ${elapsed} ms; ${queue.reduce((n, b) => n + b.months.length, 0)} month(s) left`);
      break;
    }
    if (!first) {
      const renewed = run.api.lease(sid, deps.holderId, 'renew', ttl);
      if (!renewed.ok && renewed.failure.kind === 'api' && renewed.failure.code === 'LEASE_HELD') {
        run.logger.log(`sync ${sid}: lease lost to another holder; stopping before the next batch`);
        view.lease = { holder: renewed.failure.holder, expires_at: renewed.failure.expires_at };
        break;
      }
      if (!renewed.ok) run.logger.log(`sync ${sid}: lease renewal failed (${failureMessage(renewed.failure)}); going on, ingest is idempotent`);
    }
    first = false;
    queue.shift();
    const rows = batchRows(batch.months.map((m) => m.understanding));
    const started = deps.clock.now();
    const result = run.api.ingest(
      sid,
      batch.months.map((m) => m.understanding.payload),
    );
    const ms = deps.clock.now() - started;
    worstBatchMs = timed ? Math.max(worstBatchMs, ms) : ms;
    timed = true;

    if (result.ok) {
      view.batches.push({ months: batch.months.length, rows, ms, outcome: 'ok' });
      if (batch.healed) {
        run.selfHealed = true;
      }
      applyIngest(view, batch.months, result.value.months, result.value.rows);
      view.database_totals.push(...databaseTotalsCheck(batch.months.map((m) => ({ tab: m.tab, payload: m.understanding.payload })), result.value.months, result.value.rows));
      if (result.value.directory_version !== currentMapping().directory.version) {
        // A reseed between two batches: codes still resolve (they are stable), ids changed. Refresh the cache
        // so nothing stale is kept, and go on: the rows were written by codes in the server's transaction.
        const healed = heal(run, sid, `the directory changed during the run (${currentMapping().directory.version} → ${result.value.directory_version})`);
        if (healed.ok) setMapping(healed.value);
      }
      continue;
    }

    const f = result.failure;
    if (f.kind === 'api' && (f.code === 'UNKNOWN_PROVIDER' || f.code === 'UNKNOWN_LOCATION') && !batch.healed) {
      // A code that no longer resolves: the directory moved under us (a reseed in progress, or rows renamed).
      // Refresh, then retry once.
      view.batches.push({ months: batch.months.length, rows, ms, outcome: 'retried' });
      const healed = heal(run, sid, `${f.code} from sync_ingest (${f.message})`);
      if (healed.ok) {
        setMapping(healed.value);
        queue.unshift({ months: batch.months, healed: true });
        continue;
      }
    } else if (f.kind === 'rpc' && f.error.kind === 'timeout' && batch.months.length > 1) {
      // The batch was too heavy for the statement timeout: halve it (whole months still) and go on.
      view.batches.push({ months: batch.months.length, rows, ms, outcome: 'split' });
      const half = Math.ceil(batch.months.length / 2);
      queue.unshift({ months: batch.months.slice(0, half), healed: batch.healed }, { months: batch.months.slice(half), healed: batch.healed });
      run.logger.log(`sync ${sid}: ingest timed out on ${batch.months.length} months; splitting`);
      continue;
    } else {
      view.batches.push({ months: batch.months.length, rows, ms, outcome: 'failed' });
    }
    const message = failureMessage(f);
    run.logger.log(`sync ${sid}: batch of ${batch.months.length} month(s) not sent: ${message}`);
    // Settings-level failures answer every batch the same way: stop calling, report the rest with the same reason.
    const hopeless = isSettingsFailure(f) ? queue.splice(0, queue.length).flatMap((b) => b.months) : [];
    for (const m of [...batch.months, ...hopeless]) {
      const text = `Not sent: ${message} It will be sent again by the next run.`;
      view.failed_months.push({ tab: m.tab, month: m.understanding.payload.month, message: text });
      setTab(view, m.tab, m.understanding.payload.month, 'failed', text);
    }
  }

  for (const b of queue)
    for (const m of b.months) {
      view.pending_months.push({ tab: m.tab, month: m.understanding.payload.month });
      setTab(view, m.tab, m.understanding.payload.month, 'pending', 'Not sent yet: the time budget ran out. The next run sends it.');
    }
}

function isSettingsFailure(f: SyncFailure): boolean {
  if (f.kind === 'api') return f.code === 'TOKEN_INVALID' || f.code === 'TOKEN_REVOKED' || f.code === 'SPREADSHEET_BOUND_ELSEWHERE' || f.code === 'NOT_BOUND';
  if (f.kind === 'rpc') return ['bad_url', 'bad_key', 'missing_rpc', 'permission'].includes(f.error.kind);
  return true; // a malformed answer means the add-on and the database disagree: the next batch would too
}

/** Outlives the run's budget a little; the server accepts 1…3600 s. A crashed run's lease simply expires. */
function leaseTtl(run: Run): number {
  const wanted = run.options.leaseTtlSeconds ?? Math.ceil(run.budgetMs / 1000) + 30;
  return Math.min(3600, Math.max(30, Number.isFinite(wanted) ? wanted : 3600));
}

function heal(run: Run, sid: string, why: string) {
  run.logger.log(`sync ${sid}: refreshing the mapping: ${why}`);
  const fresh = refreshMapping(run, sid);
  if (fresh.ok) {
    run.selfHealed = true;
    run.healNotes.push(why);
  }
  return fresh;
}

function applyIngest(view: SyncRunResult, months: PlannedMonth[], outcomes: IngestMonthOutcome[], rows: RowOutcome[]): void {
  const tabOfMonth = new Map(months.map((m) => [m.key, m]));
  for (const m of months) setTab(view, m.tab, m.understanding.payload.month, 'sent', null);
  for (const r of rows) {
    const report = view.tabs.find((t) => t.tab === r.tab) ?? setTab(view, r.tab, null, 'sent', null);
    if (r.outcome === 'written') report.written++;
    else if (r.outcome === 'unchanged') report.unchanged++;
    else {
      report.rejected++;
      report.rejects.push({ tab: r.tab, row: r.row, column: r.location_code || null, value: r.work_date || null, reason: r.reason ?? 'rejected by the database' });
    }
  }
  for (const o of outcomes) {
    const m = tabOfMonth.get(monthKey(o.provider_code, o.month));
    if (!m) continue;
    const report = setTab(view, m.tab, o.month, 'sent', null);
    report.deleted += o.deleted;
    for (const f of o.figures_rejected) {
      // A month-level figure (goal, the sheet's own total) has no day row: row 0, the figure's name as column.
      report.rejected++;
      report.rejects.push({ tab: m.tab, row: 0, column: f.name && f.location_code ? `${f.name} (${f.location_code})` : f.name, value: f.value, reason: f.reason });
    }
  }
}

function fillUnderstanding(view: SyncRunResult, u: WorkbookUnderstanding): void {
  for (const t of u.tabs) {
    setTab(view, t.tab, t.month, t.skipped_reason ? 'not_synced' : 'unchanged', t.skipped_reason);
  }
  for (const m of u.months) {
    const r = setTab(view, m.tab, m.payload.month, 'unchanged', null);
    r.skipped += m.skipped.length;
    r.rejected += m.rejects.length;
    r.rejects.push(...m.rejects);
    const reasons = new Map<string, number>();
    for (const s of m.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
    r.skipped_rows = [...reasons].map(([reason, count]) => ({ reason, count }));
  }
  for (const rej of u.rejects) {
    const r = view.tabs.find((t) => t.tab === rej.tab);
    if (r) {
      r.rejected++;
      r.rejects.push(rej);
    } else view.rejects.push(rej);
  }
  view.totals_check = u.months.flatMap((m) => m.totals);
}

function tabReport(tab: string, month: string | null, state: TabState, message: string | null): TabReport {
  return { tab, month, state, ...zeroCounts(), rejects: [], skipped_rows: [], message };
}

function setTab(view: SyncRunResult, tab: string, month: string | null, state: TabState, message: string | null): TabReport {
  let r = view.tabs.find((t) => t.tab === tab);
  if (!r) {
    r = tabReport(tab, month, state, message);
    view.tabs.push(r);
    return r;
  }
  r.month = r.month ?? month;
  r.state = state;
  if (message !== null) r.message = message;
  return r;
}

function totalCounts(view: SyncRunResult): SyncCounts {
  const c = view.tabs.reduce<SyncCounts>(addCounts, zeroCounts());
  c.rejected += view.rejects.length;
  return c;
}

function summarize(view: SyncRunResult, toSend: number, pending: boolean, checkpoint: Checkpoint | null): string {
  const c = totalCounts(view);
  const parts: string[] = [];
  if (toSend === 0 && view.failed_months.length === 0) parts.push('Everything was already up to date: nothing needed sending.');
  parts.push(`${c.written} row(s) written, ${c.unchanged} unchanged, ${c.skipped} skipped, ${c.rejected} rejected, ${c.deleted} deleted.`);
  if (checkpoint) parts.push(`Resumed a sync started at ${checkpoint.run_started_at}.`);
  if (view.failed_months.length) parts.push(`${view.failed_months.length} month(s) could not be sent (${view.failed_months.map((f) => f.tab).join(', ')}); the next run sends them.`);
  if (pending) parts.push(`Time ran out with ${view.pending_months.length} month(s) left (${view.pending_months.map((p) => p.tab).join(', ')}); sync again to finish.`);
  if (view.lease) parts.push('Another user or device took over this spreadsheet\'s sync.');
  if (view.duplicates.length) parts.push(view.duplicates.map((d) => d.message).join(' '));
  if (view.orphaned.length) parts.push(view.orphaned.map((o) => o.message).join(' '));
  const mismatches = view.totals_check.filter((t) => t.status === 'mismatch').length;
  if (mismatches) parts.push(`${mismatches} month total(s) do not match the day rows (see the totals check).`);
  const dbMismatches = view.database_totals.filter((t) => t.status === 'mismatch');
  if (dbMismatches.length)
    parts.push(`The database's totals differ from the rows sent for ${dbMismatches.map((t) => `${t.month} ${t.location_code} ${t.figure.replace('database_', '')} (database ${t.rows_value}, sheet ${t.sheet_value})`).join('; ')}.`);
  return parts.join(' ');
}

function blank(run: Run, sid: string | null, title: string | null): SyncRunResult {
  const started = new Date(run.t0).toISOString();
  return {
    status: 'failed',
    message: '',
    trigger: run.trigger,
    spreadsheet_id: sid,
    title,
    resumeNeeded: false,
    resumedFrom: null,
    self_healed: false,
    counts: zeroCounts(),
    tabs: [],
    rejects: [],
    totals_check: [],
    database_totals: [],
    orphaned: [],
    duplicates: [],
    failed_months: [],
    pending_months: [],
    provider: null,
    lease: null,
    calls: { ...run.counts, ingest: 0, source_reads: 0 },
    batches: [],
    started_at: started,
    ended_at: started,
    elapsed_ms: 0,
    run_id: null,
    record_error: null,
  };
}

function finish(run: Run, view: SyncRunResult, end: { status: SyncStatus; message: string }): SyncRunResult {
  const now = run.deps.clock.now();
  view.status = end.status;
  view.message = redactSecrets(end.message, run.secrets);
  view.resumeNeeded = view.pending_months.length > 0;
  view.self_healed = run.selfHealed;
  view.counts = totalCounts(view);
  view.ended_at = new Date(now).toISOString();
  view.elapsed_ms = now - run.t0;
  for (const t of view.tabs) if (t.message) t.message = redactSecrets(t.message, run.secrets);
  const position = (tab: string) => (run.tabOrder.indexOf(tab) + 1 || Number.MAX_SAFE_INTEGER);
  view.tabs.sort((a, b) => position(a.tab) - position(b.tab));
  for (const f of view.failed_months) f.message = redactSecrets(f.message, run.secrets);
  syncCalls(run, view);
  return view;
}

function syncCalls(run: Run, view: SyncRunResult): void {
  view.calls = { rpc: { ...run.counts.rpc }, rpc_total: run.counts.rpc_total, store_reads: run.counts.store_reads, store_writes: run.counts.store_writes, ingest: run.counts.rpc['sync_ingest'] ?? 0, source_reads: run.sourceReads };
}

function record(run: Run, view: SyncRunResult, sid: string): SyncRunResult {
  const max = run.options.maxRecordedRejects ?? 500;
  const rejects = [...view.tabs.flatMap((t) => t.rejects), ...view.rejects];
  const notes = run.healNotes.length ? ` Self-healed: ${run.healNotes.join('; ')}.` : '';
  const truncated = rejects.length > max ? ` (${rejects.length - max} more rejects not recorded)` : '';
  const runRecord: SyncRunRecord = {
    started_at: view.started_at,
    ended_at: view.ended_at,
    status: view.status === 'needs_binding' ? 'failed' : view.status,
    trigger: run.trigger,
    ...view.counts,
    rejects: rejects.slice(0, max).map((r) => ({ ...r, reason: redactSecrets(r.reason, run.secrets), value: r.value === null ? null : redactSecrets(r.value, run.secrets) })),
    totals_check: [...view.totals_check, ...view.database_totals],
    addon_version: run.deps.addonVersion,
    self_healed: run.selfHealed,
    message: redactSecrets(`${view.message}${notes}${truncated}`, run.secrets).slice(0, 4000),
  };
  const r = run.api.recordRun(sid, runRecord);
  if (r.ok) view.run_id = r.value.run_id;
  else {
    // A failed recording never hides the sync's own result.
    view.record_error = redactSecrets(`The run could not be recorded in the database: ${failureMessage(r.failure)}`, run.secrets);
    run.logger.log(`sync ${sid}: ${view.record_error}`);
  }
  syncCalls(run, view);
  return view;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
