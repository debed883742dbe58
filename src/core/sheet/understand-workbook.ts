// The sheet understanding engine's entry point: a workbook and the directory in, everything the engine understands
// out (src/core/understanding.ts). Deterministic and total: no cell content makes it throw; what it cannot read
// becomes a skipped tab, a skipped row or a reject with its reason.
import type { RejectRecord } from '../api-contract';
import { isLinked, linkedLocations, type Directory } from '../directory';
import type { HeldRow, MonthFigure } from '../production';
import type { Workbook } from '../ports';
import type {
  MonthUnderstanding,
  ProviderDetection,
  TabUnderstanding,
  UnderstandOptions,
  UnderstandWorkbook,
  WorkbookUnderstanding,
} from '../understanding';
import { detectProvider, providerFromBinding } from '../detect/detect-provider';
import { attributeDays, toProductionRows, type DefaultOffice, type UnreadableRow } from './attribute-rows';
import { findBestHeaderRow, HEADER_SCAN_ROWS } from './find-header-row';
import { BUILT_IN_SHEET_KINDS } from './kinds/built-in-kinds';
import { parseMonthTab } from './month-tab';
import { readMonthTab, type MonthTabReading } from './read-month-tab';
import type { SheetKindDefinition } from './sheet-kind';
import { checkTotals } from './totals-check';

/** Row number used in a reject that concerns a whole tab or workbook rather than one row. */
export const WHOLE_TAB_ROW = 0;

function resolveProvider(workbook: Workbook, directory: Directory, options: UnderstandOptions, rejects: RejectRecord[]): ProviderDetection {
  const given = options.provider_code ?? options.binding?.provider_code;
  if (given) {
    const bound = providerFromBinding(given, directory);
    if (bound) return bound;
    rejects.push({ tab: '', row: WHOLE_TAB_ROW, column: null, value: given, reason: `the bound provider ${given} is not in the directory` });
    return { best: null, runner_up: null, confidence: 'none', ambiguous: false, source: 'none' };
  }
  return detectProvider(workbook.title, workbook.tabs.map((t) => t.name), directory);
}

function whyNoProvider(provider: ProviderDetection): string | null {
  if (provider.best === null) return 'provider not determined: no directory provider is named in the title or tabs; choose one';
  if (provider.ambiguous) {
    return `provider not determined: the title names both ${provider.best.provider_code} and ${provider.runner_up?.provider_code}; choose one`;
  }
  return null;
}

function resolveDefaultOffice(providerCode: string | null, directory: Directory, options: UnderstandOptions): DefaultOffice {
  const chosen = options.location_code ?? options.binding?.default_location_code ?? null;
  if (chosen) {
    return directory.locations.some((l) => l.code === chosen) ? { location_code: chosen } : { reason: `the chosen office ${chosen} is not in the directory` };
  }
  if (providerCode === null) return { reason: 'the sheet names no office and the provider is not determined' };
  const offices = linkedLocations(directory, providerCode);
  if (offices.length === 1) return { location_code: offices[0] };
  if (offices.length === 0) return { reason: `the sheet names no office and ${providerCode} is linked to none` };
  return { reason: `the sheet names no office and ${providerCode} works at ${offices.length} (${offices.join(', ')}); choose one` };
}

function daysOfMonth(month: string): string[] {
  const [year, mon] = month.split('-').map(Number);
  const count = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * The (office, day) rows the server must keep as stored because the sheet has them but a cell could not be read
 * (BEHAVIOR.md "Unreadable cells keep what is stored"). Only offices the provider is linked to on that day: a row
 * for any other office would have been rejected anyway. When the unreadable cell is shared by the day's rows
 * (hours, the note, a single production column) the office is unknown: every office the provider is linked to
 * that day is held. When a date cell is unreadable the day is unknown: every linked office is held on every day of
 * the month that no readable row of the tab names. Over-holding keeps a stored row a little longer; under-holding
 * deletes a good figure, so the rule errs on keeping.
 */
function heldRows(month: string, providerCode: string | null, directory: Directory, reading: MonthTabReading, unreadable: readonly UnreadableRow[]): HeldRow[] {
  if (providerCode === null) return [];
  const offices = linkedLocations(directory, providerCode);
  const held = new Map<string, HeldRow>();
  const hold = (location_code: string, work_date: string, reason: string) => {
    const key = `${location_code}|${work_date}`;
    if (!held.has(key) && isLinked(directory, providerCode, location_code, work_date)) held.set(key, { location_code, work_date, reason });
  };
  for (const u of unreadable) {
    for (const office of u.location_code === null ? offices : [u.location_code]) hold(office, u.work_date, `row ${u.sheet_row} ${u.reason}`);
  }
  if (reading.unreadable_dates.length > 0) {
    const readDays = new Set(reading.days.map((d) => d.work_date));
    const why = `no readable date on ${reading.unreadable_dates.map((u) => `row ${u.sheet_row} (${u.reason})`).join(', ')}`;
    for (const day of daysOfMonth(month)) if (!readDays.has(day)) for (const office of offices) hold(office, day, why);
  }
  const byKey = (a: HeldRow, b: HeldRow) => (a.work_date < b.work_date ? -1 : a.work_date > b.work_date ? 1 : a.location_code < b.location_code ? -1 : a.location_code > b.location_code ? 1 : 0);
  return [...held.values()].sort(byKey);
}

function kindsInPreferenceOrder(kinds: readonly SheetKindDefinition[], providerKind: string | null): SheetKindDefinition[] {
  if (providerKind === null) return [...kinds];
  return [...kinds.filter((k) => k.provider_kinds.includes(providerKind)), ...kinds.filter((k) => !k.provider_kinds.includes(providerKind))];
}

export function createWorkbookUnderstander(kinds: readonly SheetKindDefinition[]): UnderstandWorkbook {
  return (workbook, directory, options = {}) => {
    const rejects: RejectRecord[] = [];
    const provider = resolveProvider(workbook, directory, options, rejects);
    const noProvider = whyNoProvider(provider);
    const providerCode = noProvider === null && provider.best ? provider.best.provider_code : null;
    const providerKind = directory.providers.find((p) => p.code === providerCode)?.kind ?? null;
    const defaultOffice = resolveDefaultOffice(providerCode, directory, options);
    const overrides = options.binding?.column_overrides ?? null;
    const preferredKinds = kindsInPreferenceOrder(kinds, providerKind);
    const ownKinds = providerKind === null ? preferredKinds : preferredKinds.filter((k) => k.provider_kinds.includes(providerKind));

    const tabs: TabUnderstanding[] = [];
    const months: MonthUnderstanding[] = [];
    const tabOfMonth = new Map<string, string>();

    for (const tab of workbook.tabs) {
      const base = { tab: tab.name, sheet_id: tab.sheetId, sheet_kind: null, header_row: null, columns: [], row_count: 0 };
      const monthTab = parseMonthTab(tab.name);
      if ('skip' in monthTab) {
        tabs.push({ ...base, month: null, skipped_reason: monthTab.skip });
        continue;
      }
      const month = monthTab.month;
      const earlierTab = tabOfMonth.get(month);
      if (earlierTab !== undefined) {
        const reason = `month ${month} already read from tab '${earlierTab}'; a month is synced from one tab only`;
        tabs.push({ ...base, month, skipped_reason: reason });
        rejects.push({ tab: tab.name, row: WHOLE_TAB_ROW, column: null, value: null, reason });
        continue;
      }
      const values = Array.isArray(tab.values) ? tab.values : [];
      const found =
        (ownKinds.length > 0 ? findBestHeaderRow(values, ownKinds, directory, overrides) : null) ??
        findBestHeaderRow(values, preferredKinds, directory, overrides);
      if (!found) {
        const reason = `no header row with a Date column and a day value in the first ${HEADER_SCAN_ROWS} rows`;
        tabs.push({ ...base, month, skipped_reason: reason });
        rejects.push({ tab: tab.name, row: WHOLE_TAB_ROW, column: null, value: null, reason });
        continue;
      }
      tabOfMonth.set(month, tab.name);
      const columns = found.columns.map((c) => c.mapping);
      const reading = readMonthTab(tab.name, month, values, found.row_index, found.columns, directory);
      const attribution = attributeDays(tab.name, reading.days, reading.office_columns, defaultOffice);
      const produced = toProductionRows(tab.name, attribution.rows, providerCode ? { provider_code: providerCode } : { reason: noProvider ?? 'provider not determined' }, directory);
      const figures: MonthFigure[] = reading.figures.map((f) => ({ location_code: f.location_code, name: f.name, value: f.value.decimal }));
      months.push({
        tab: tab.name,
        payload: { provider_code: providerCode ?? '', month, rows: produced.rows, figures, held: heldRows(month, providerCode, directory, reading, attribution.unreadable) },
        skipped: [...reading.skipped, ...attribution.skipped].sort((a, b) => a.row - b.row),
        rejects: [...reading.rejects, ...attribution.rejects, ...produced.rejects].sort((a, b) => a.row - b.row),
        totals: checkTotals(tab.name, month, found.kind.totals_checks, attribution.rows, reading.figures),
      });
      tabs.push({ ...base, month, skipped_reason: null, sheet_kind: found.kind.kind, header_row: found.row_index + 1, columns, row_count: produced.rows.length });
    }
    return {
      spreadsheet_id: workbook.spreadsheetId,
      title: workbook.title,
      time_zone: workbook.timeZone,
      provider,
      tabs,
      months,
      rejects,
    };
  };
}

export const understandWorkbook: UnderstandWorkbook = createWorkbookUnderstander(BUILT_IN_SHEET_KINDS);
