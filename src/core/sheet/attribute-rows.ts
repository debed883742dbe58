// Which office each day's values belong to (DESIGN contract 7), then which rows may be written for the provider.
// Per-office columns decide the office of each amount: one row per (office column, date), 0 included. The day's
// shared values (hours) go to the office the Location column names, else to the only office with production
// that day, else they are reported as unattributed. With no per-office columns the Location column decides the
// office of the whole day, else the default office (flag, binding, the provider's only office).
import type { RejectRecord } from '../api-contract';
import { isLinked, type Directory } from '../directory';
import { DAY_FIELDS, emptyDayFields, type DayField, type ProductionRow } from '../production';
import type { SkippedRow } from '../understanding';
import type { DayReading, DayValues, ReadValue } from './read-month-tab';

export interface CandidateRow {
  location_code: string;
  work_date: string;
  values: Record<DayField, ReadValue | null>;
  note: string | null;
  sheet_row: number;
  /** Header text per day field, for reject records. */
  columns: Partial<Record<DayField, string>>;
}

export type DefaultOffice = { location_code: string } | { reason: string };

/**
 * An (office, day) row the sheet has but that was not produced because a cell could not be read. location_code
 * null: the unreadable value is shared by the day's rows (hours, the note, a single production column), so the
 * day's office is not known here; the caller decides which offices to hold (understand-workbook.ts).
 */
export interface UnreadableRow {
  location_code: string | null;
  work_date: string;
  sheet_row: number;
  reason: string;
}

export interface Attribution {
  rows: CandidateRow[];
  skipped: SkippedRow[];
  rejects: RejectRecord[];
  unreadable: UnreadableRow[];
}

const hasValue = (values: DayValues): boolean => DAY_FIELDS.some((f) => values[f] !== undefined && values[f] !== null);

function emptyValues(): Record<DayField, ReadValue | null> {
  return { hours_worked: null, verified_production: null, estimated_production: null, production_goal: null, variance_ratio: null, bonus: null };
}

function isNonZero(values: DayValues): boolean {
  return DAY_FIELDS.some((f) => {
    const v = values[f];
    return v !== undefined && v !== null && !/^-?0(\.0*)?$/.test(v.decimal);
  });
}

export function attributeDays(tab: string, days: readonly DayReading[], officeColumns: readonly string[], defaultOffice: DefaultOffice): Attribution {
  const out: Attribution = { rows: [], skipped: [], rejects: [], unreadable: [] };
  for (const day of days) {
    const anyValue = hasValue(day.shared) || [...day.per_office.values()].some(hasValue) || day.note !== null;
    if (!anyValue && day.problems.length === 0) {
      out.skipped.push({ tab, row: day.sheet_row, reason: 'blank day: a date with no values' });
      continue;
    }
    for (const p of day.problems) out.rejects.push({ tab, row: day.sheet_row, column: p.column, value: p.raw, reason: p.reason });
    const unreadable = (office: string | null) => {
      const why = day.problems.filter((p) => p.location_code === office || p.location_code === null);
      out.unreadable.push({ location_code: office, work_date: day.work_date, sheet_row: day.sheet_row, reason: why.map((p) => `${p.column}: ${p.reason}`).join('; ') });
    };
    if (day.problems.some((p) => p.location_code === null)) {
      unreadable(null);
      continue;
    }
    const rejectedOffices = new Set(day.problems.map((p) => p.location_code as string));
    for (const office of rejectedOffices) unreadable(office);

    const makeRow = (location_code: string): CandidateRow => ({
      location_code,
      work_date: day.work_date,
      values: emptyValues(),
      note: day.note,
      sheet_row: day.sheet_row,
      columns: {},
    });
    const addValues = (row: CandidateRow, values: DayValues, office: string | null) => {
      for (const f of DAY_FIELDS) {
        if (values[f] === undefined) continue;
        row.values[f] = values[f] as ReadValue | null;
        const column = day.column_of.get(`${f}|${office ?? ''}`);
        if (column) row.columns[f] = column;
      }
    };
    const sharedColumns = () => DAY_FIELDS.filter((f) => day.shared[f]);
    const rejectShared = (reason: string) => {
      for (const f of sharedColumns()) {
        out.rejects.push({ tab, row: day.sheet_row, column: day.column_of.get(`${f}|`) ?? f, value: (day.shared[f] as ReadValue).decimal, reason });
      }
    };

    if (officeColumns.length > 0) {
      const rows = new Map<string, CandidateRow>();
      for (const office of officeColumns) {
        if (rejectedOffices.has(office)) continue;
        const row = makeRow(office);
        addValues(row, day.per_office.get(office) ?? {}, office);
        rows.set(office, row);
      }
      if (hasValue(day.shared)) {
        let target: string | null = null;
        if (day.office_named?.kind === 'found') target = day.office_named.location_code;
        else if (day.office_named?.kind === 'not_an_office') {
          rejectShared(`not attributed to an office: ${day.office_column ?? 'Location'} '${day.office_named.text}' ${day.office_named.why}`);
        } else {
          const producing = officeColumns.filter((o) => isNonZero(day.per_office.get(o) ?? {}));
          if (producing.length === 1) target = producing[0];
          else rejectShared(`not attributed to an office: ${day.office_column ?? 'no Location column'}${day.office_column ? ' is blank' : ''} and ${producing.length === 0 ? 'no office has' : `${producing.length} offices have`} production that day`);
        }
        if (target !== null && !rejectedOffices.has(target)) {
          const row = rows.get(target) ?? makeRow(target);
          addValues(row, day.shared, null);
          rows.set(target, row);
        }
      }
      out.rows.push(...rows.values());
      continue;
    }

    let office: string | null = null;
    if (day.office_named?.kind === 'found') office = day.office_named.location_code;
    else if (day.office_named?.kind === 'not_an_office') {
      out.rejects.push({ tab, row: day.sheet_row, column: day.office_column, value: day.office_named.text, reason: `no office for this day: '${day.office_named.text}' ${day.office_named.why}` });
      continue;
    } else if ('location_code' in defaultOffice) office = defaultOffice.location_code;
    else {
      out.rejects.push({ tab, row: day.sheet_row, column: null, value: null, reason: `no office for this day: ${defaultOffice.reason}` });
      continue;
    }
    const row = makeRow(office);
    addValues(row, day.shared, null);
    out.rows.push(row);
  }
  return out;
}

/** Rows the provider may write: the provider must be known and linked to the office on that date (directory links). */
export function toProductionRows(
  tab: string,
  candidates: readonly CandidateRow[],
  provider: { provider_code: string } | { reason: string },
  directory: Directory,
): { rows: ProductionRow[]; rejects: RejectRecord[] } {
  const rows: ProductionRow[] = [];
  const rejects: RejectRecord[] = [];
  for (const c of candidates) {
    if ('reason' in provider) {
      rejects.push({ tab, row: c.sheet_row, column: null, value: null, reason: `row for ${c.location_code} ${c.work_date} not produced: ${provider.reason}` });
      continue;
    }
    if (!isLinked(directory, provider.provider_code, c.location_code, c.work_date)) {
      const column = c.columns.verified_production ?? Object.values(c.columns)[0] ?? null;
      const value = c.values.verified_production?.decimal ?? DAY_FIELDS.map((f) => c.values[f]?.decimal).find((v) => v !== undefined) ?? null;
      rejects.push({ tab, row: c.sheet_row, column, value, reason: `${provider.provider_code} is not linked to office ${c.location_code} on ${c.work_date}` });
      continue;
    }
    const fields = emptyDayFields();
    for (const f of DAY_FIELDS) fields[f] = c.values[f]?.decimal ?? null;
    rows.push({ provider_code: provider.provider_code, location_code: c.location_code, work_date: c.work_date, fields, note: c.note, source: { tab, row: c.sheet_row } });
  }
  return { rows, rejects };
}
