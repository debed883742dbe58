// What the sync buttons do, in Apps Script terms: each function opens what it needs (the open spreadsheet, the
// User store, the PostgREST client), calls the core sync engine and returns plain data for main.ts to turn into
// cards. No card is built here (arrows: main → ui, gas → core).
import type { Binding, BindingSettings } from '../core/api-contract';
import type { KeyValueStore, SheetSource } from '../core/ports';
import { isMonthTab, parseMonthTab } from '../core/sheet/month-tab';
import { understandWorkbook } from '../core/sheet/understand-workbook';
import {
  bindSpreadsheet,
  enrol,
  failureMessage,
  getMapping,
  isEnrolled,
  listEnrolled,
  MappingCache,
  readCheckpoint,
  refreshMappings,
  runHourly,
  runSync,
  suggestBinding,
  DEFAULT_BUDGET_MS,
  type ConnectionSettings,
  type HourlyResult,
  type RefreshOutcome,
  type SyncRunResult,
} from '../core/sync';
import type { ColumnMapping, UnderstandWorkbook, WorkbookUnderstanding } from '../core/understanding';
import { backgroundSheetSource, openActiveSheetSource } from './active-sheet-source';
import { gasClock } from './clock';
import type { SheetsContext } from './event';
import { addOnIsAuthorized, hasHourlyTrigger } from './hourly-trigger';
import { consoleLogger, engineDeps, savedSettings, syncApi, syncDeps, userStore } from './sync-services';

type Outline = ReturnType<SheetSource['describe']>;

/** describe() once: the engine and the card both need the outline, and each call costs Spreadsheet service calls. */
function describedOnce(source: SheetSource): { source: SheetSource; outline: Outline } {
  const outline = source.describe();
  return { source: { describe: () => outline, read: (names) => source.read(names) }, outline };
}

export type Prerequisites =
  | { kind: 'not-configured' }
  | { kind: 'no-spreadsheet' }
  | { kind: 'ready'; store: KeyValueStore; settings: ConnectionSettings; source: SheetSource; outline: Outline };

/** Settings first (no spreadsheet read without them), then the open spreadsheet. */
export function prerequisites(sheets: SheetsContext | null): Prerequisites {
  const store = userStore();
  const settings = savedSettings(store);
  if (!settings) return { kind: 'not-configured' };
  const opened = openActiveSheetSource(sheets);
  if (!opened) return { kind: 'no-spreadsheet' };
  return { kind: 'ready', store, settings, ...describedOnce(opened) };
}

export type Ready = Extract<Prerequisites, { kind: 'ready' }>;

/** What the binding calls need: the RPCs and the mapping cache of this user. */
function bindDeps({ settings, store }: Ready) {
  return { api: syncApi(settings), cache: new MappingCache(store), clock: gasClock };
}

/** The homepage's sync part: one directory call at most (then cached), one read of the month tabs. */
export function loadSyncSetup(ready: Ready, hourlyHandler: string) {
  const { store, source, outline } = ready;
  const mapping = getMapping(bindDeps(ready), outline.spreadsheetId);
  if (!mapping.ok) return { kind: 'unavailable' as const, message: failureMessage(mapping.failure) };
  const { directory, binding } = mapping.value.mapping;
  const names = outline.tabs.filter((t) => isMonthTab(parseMonthTab(t.name))).map((t) => t.name);
  const workbook = { spreadsheetId: outline.spreadsheetId, title: outline.title, timeZone: outline.timeZone, tabs: names.length > 0 ? source.read(names) : [] };
  const detected = understandWorkbook(workbook, directory, { binding: null });
  const effective = binding ? understandWorkbook(workbook, directory, { binding }) : detected;
  const suggestion = suggestBinding(detected, directory);
  return {
    kind: 'ready' as const,
    data: {
      directory,
      binding,
      detected,
      effective,
      askReason: suggestion.kind === 'ask' ? suggestion.reason : null,
      needsLocation: suggestion.kind === 'confident' && suggestion.needs_location,
      enrolled: isEnrolled(store, outline.spreadsheetId),
      triggerInstalled: hasHourlyTrigger(ScriptApp, hourlyHandler),
      resumePending: readCheckpoint(store, outline.spreadsheetId) !== null,
    },
  };
}

export type BindOutcome = { ok: true; binding: Binding } | { ok: false; message: string };

export type SetupOutcome = ReturnType<typeof loadSyncSetup>;

export function confirmBinding(ready: Ready, settings: BindingSettings): BindOutcome {
  const bound = bindSpreadsheet(bindDeps(ready), ready.outline.spreadsheetId, settings);
  return bound.ok ? { ok: true, binding: bound.value.binding } : { ok: false, message: failureMessage(bound.failure) };
}

/**
 * New column overrides (contract 8) through the same bind call as Confirm: the saved provider and default office
 * stay, the overrides are computed from the binding as the server last sent it (cached).
 */
export function saveColumnOverrides(ready: Ready, change: (saved: Readonly<Record<string, string>>) => Record<string, string>): BindOutcome {
  const mapping = getMapping(bindDeps(ready), ready.outline.spreadsheetId);
  if (!mapping.ok) return { ok: false, message: failureMessage(mapping.failure) };
  const binding = mapping.value.mapping.binding;
  if (!binding) return { ok: false, message: 'confirm whose sheet this is first.' };
  return confirmBinding(ready, {
    provider_code: binding.provider_code,
    default_location_code: binding.default_location_code,
    column_overrides: change(binding.column_overrides),
  });
}

export interface SyncNowOutcome {
  result: SyncRunResult;
  sheetIds: Record<string, number>;
  columns: Record<string, ColumnMapping[]>;
  /** Office code → name from the directory the run used, so the card names offices without another read. */
  officeNames: Record<string, string>;
}

/** One "Sync now" (or "Continue") under the card's budget: the engine checkpoints and the next click resumes. */
export function syncOpenSpreadsheet(ready: Ready, budgetMs = DEFAULT_BUDGET_MS): SyncNowOutcome {
  let understood: WorkbookUnderstanding | null = null;
  const officeNames: Record<string, string> = {};
  // The engine's own understanding and directory, kept for the card: which column a rejected header is and what
  // each office is called, without a second read.
  const understand: UnderstandWorkbook = (w, d, o) => {
    for (const l of d.locations) officeNames[l.code] = l.name;
    return (understood = understandWorkbook(w, d, o));
  };
  const deps = syncDeps(ready.settings, ready.store, ready.source, gasClock.now() + budgetMs);
  const result = runSync({ ...deps, understand }, { budgetMs, trigger: 'manual' });
  const columns: Record<string, ColumnMapping[]> = {};
  for (const t of (understood as WorkbookUnderstanding | null)?.tabs ?? []) columns[t.tab] = t.columns;
  return { result, sheetIds: Object.fromEntries(ready.outline.tabs.map((t) => [t.name, t.sheetId])), columns, officeNames };
}

/** This spreadsheet's and every enrolled one's mapping, from the server (sync_directory), into the cache. */
export function refreshAllMappings(ready: Ready): RefreshOutcome[] {
  const ids = [ready.outline.spreadsheetId, ...listEnrolled(ready.store).map((e) => e.spreadsheet_id).filter((id) => id !== ready.outline.spreadsheetId)];
  return refreshMappings(bindDeps(ready), ids);
}

export function enrolForHourly(ready: Ready): { ok: true } | { ok: false; message: string } {
  const r = enrol(ready.store, ready.outline.spreadsheetId, ready.outline.title, new Date(gasClock.now()).toISOString());
  return r.ok ? { ok: true } : r;
}

export type HourlyOutcome = { kind: 'not-configured' } | { kind: 'not-authorized' } | { kind: 'ran'; result: HourlyResult };

/**
 * The hourly trigger's run. A trigger keeps firing into code the user no longer authorised (DESIGN limits table):
 * check that first, touching nothing else. Every enrolled spreadsheet is read through the Sheets API (a trigger
 * has no active document); each visit's outcome is recorded in sync_runs by the engine.
 */
export function runHourlySync(): HourlyOutcome {
  if (!addOnIsAuthorized(ScriptApp)) {
    consoleLogger.log('hourly: the add-on needs re-authorisation by this user; nothing was done');
    return { kind: 'not-authorized' };
  }
  const store = userStore();
  const settings = savedSettings(store);
  if (!settings) return { kind: 'not-configured' };
  const deadline = gasClock.now() + 5 * 60_000;
  const result = runHourly(
    { ...engineDeps(settings, store, deadline), sourceFor: backgroundSheetSource, isAuthorized: () => true }, // checked above, before anything was read
    { totalBudgetMs: 5 * 60_000 },
  );
  for (const v of result.visits) consoleLogger.log(`hourly: ${v.spreadsheet_id}: ${v.status}: ${v.message}`);
  return { kind: 'ran', result };
}
