// One month tab's data rows → day readings, month figures, skipped rows and rejects. Every non-empty row below
// the header ends as a day reading, a skipped row (with reason) or a reject (tab, row, column, raw value, why).
import type { RejectRecord } from '../api-contract';
import type { Cell, Grid } from '../cell';
import type { Directory } from '../directory';
import type { DayField } from '../production';
import type { SkippedRow } from '../understanding';
import { findOfficeInText } from '../detect/detect-location';
import type { MappedColumn } from './map-columns';
import { isBlankCell, parseAmountCell, parseRatioCell, parseTextCell, rawCellText } from './parse-cell';
import { parseDateCell } from './parse-date';

/** A value and whether it came from text (CSV, a text cell): the totals check allows display rounding for text. */
export interface ReadValue {
  decimal: string;
  from_text: boolean;
}

export type DayValues = Partial<Record<DayField, ReadValue | null>>;

export type OfficeNamed =
  | { kind: 'found'; location_code: string; text: string }
  | { kind: 'not_an_office'; text: string; why: string };

export interface CellProblem {
  column: string;
  raw: string | null;
  reason: string;
  /** The office whose row the bad cell belongs to; null = a value shared by the day's rows. */
  location_code: string | null;
}

export interface DayReading {
  sheet_row: number; // 1-based
  work_date: string;
  /** Values from columns that name no office (hours; the only production column of a single-column layout). */
  shared: DayValues;
  /** Values from per-office columns, for EVERY office column of the layout (blank cells are null). */
  per_office: Map<string, DayValues>;
  office_named: OfficeNamed | null;
  office_column: string | null;
  note: string | null;
  problems: CellProblem[];
  /** Header text of the column each day field was read from (for rejects), keyed `field|office`. */
  column_of: Map<string, string>;
}

export interface FigureReading {
  name: string;
  location_code: string | null;
  value: ReadValue;
  sheet_row: number;
  column: string;
}

export interface MonthTabReading {
  days: DayReading[];
  figures: FigureReading[];
  skipped: SkippedRow[];
  rejects: RejectRecord[];
  /** Offices with their own day-value columns in this tab, in column order. */
  office_columns: string[];
  /** Rows with day values whose date cell could not be read: which day they are is unknown (see understand-workbook). */
  unreadable_dates: { sheet_row: number; reason: string }[];
}

const TOTALS_LABEL = /\b(grand\s+)?totals?\b|\bsum\b|\bsubtotal\b/i;

function cellAt(row: readonly Cell[] | undefined, column: number): Cell {
  const cell = row ? row[column] : null;
  return cell === undefined ? null : cell;
}

function readValue(cell: Cell, parse: 'amount' | 'ratio'): { ok: true; value: ReadValue | null } | { ok: false; reason: string } {
  const reading = parse === 'ratio' ? parseRatioCell(cell) : parseAmountCell(cell);
  if (!reading.ok) return reading;
  return { ok: true, value: reading.value === null ? null : { decimal: reading.value, from_text: typeof cell === 'string' } };
}

export function readMonthTab(tab: string, month: string, values: Grid, headerRowIndex: number, columns: readonly MappedColumn[], directory: Directory): MonthTabReading {
  const reading: MonthTabReading = { days: [], figures: [], skipped: [], rejects: [], office_columns: [], unreadable_dates: [] };
  const byRole = (role: string) => columns.filter((c) => c.definition?.role === role);
  const dateColumn = byRole('work_date')[0];
  const dayColumns = byRole('day_value');
  const officeColumn = byRole('office')[0];
  const noteColumns = byRole('note');
  const rowIdColumns = byRole('row_id');
  const figureColumns = byRole('month_figure');
  for (const c of dayColumns) {
    if (c.mapping.location_code && !reading.office_columns.includes(c.mapping.location_code)) reading.office_columns.push(c.mapping.location_code);
  }
  const firstRowOfDate = new Map<string, number>();
  const header = (c: MappedColumn) => c.mapping.header.trim();

  for (let r = headerRowIndex + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const sheetRow = r + 1;
    if (row.every((cell) => isBlankCell(cell))) continue;

    readFigures(reading, tab, row, sheetRow, figureColumns);

    const dayCells = [...dayColumns, ...noteColumns].filter((c) => !isBlankCell(cellAt(row, c.mapping.column)));
    const dateCell = dateColumn ? cellAt(row, dateColumn.mapping.column) : null;
    if (isBlankCell(dateCell)) {
      const rowText = row.map((c) => (typeof c === 'string' ? c : '')).join(' ');
      if (dayCells.length === 0) {
        const onlyRowId = rowIdColumns.some((c) => !isBlankCell(cellAt(row, c.mapping.column)));
        const onlyFigures = figureColumns.some((c) => !isBlankCell(cellAt(row, c.mapping.column)));
        reading.skipped.push({
          tab,
          row: sheetRow,
          reason: onlyFigures ? 'no date: month summary cells only' : onlyRowId ? 'no date: only a row id (an unused template row)' : 'no date and no day values',
        });
      } else if (TOTALS_LABEL.test(rowText)) {
        reading.skipped.push({ tab, row: sheetRow, reason: 'totals row' });
      } else {
        reading.rejects.push({ tab, row: sheetRow, column: dateColumn ? header(dateColumn) : null, value: null, reason: 'day values without a date' });
      }
      continue;
    }
    const date = parseDateCell(dateCell);
    if (!date.ok || date.value === null) {
      const raw = rawCellText(dateCell);
      if (typeof dateCell === 'string' && TOTALS_LABEL.test(dateCell)) reading.skipped.push({ tab, row: sheetRow, reason: `totals row ('${dateCell.trim()}')` });
      else {
        const reason = date.ok ? 'not a date' : date.reason;
        reading.rejects.push({ tab, row: sheetRow, column: header(dateColumn), value: raw, reason });
        if (dayCells.length > 0) reading.unreadable_dates.push({ sheet_row: sheetRow, reason: `${header(dateColumn)}: ${reason}` });
      }
      continue;
    }
    const workDate = date.value;
    if (workDate.slice(0, 7) !== month) {
      reading.rejects.push({ tab, row: sheetRow, column: header(dateColumn), value: rawCellText(dateCell), reason: `date ${workDate} is outside the tab's month ${month}` });
      continue;
    }
    const earlier = firstRowOfDate.get(workDate);
    if (earlier !== undefined) {
      reading.rejects.push({ tab, row: sheetRow, column: header(dateColumn), value: rawCellText(dateCell), reason: `date ${workDate} already appears on row ${earlier}` });
      continue;
    }
    firstRowOfDate.set(workDate, sheetRow);

    const day: DayReading = {
      sheet_row: sheetRow,
      work_date: workDate,
      shared: {},
      per_office: new Map(reading.office_columns.map((code) => [code, {}])),
      office_named: null,
      office_column: officeColumn ? header(officeColumn) : null,
      note: null,
      problems: [],
      column_of: new Map(),
    };
    for (const c of dayColumns) {
      const definition = c.definition;
      if (!definition || definition.role !== 'day_value') continue;
      const cell = cellAt(row, c.mapping.column);
      const office = c.mapping.location_code;
      const target = office ? (day.per_office.get(office) as DayValues) : day.shared;
      day.column_of.set(`${definition.day_field}|${office ?? ''}`, header(c));
      const value = readValue(cell, definition.parse);
      if (value.ok) target[definition.day_field] = value.value;
      else day.problems.push({ column: header(c), raw: rawCellText(cell), reason: value.reason, location_code: office });
    }
    for (const c of noteColumns) {
      const text = parseTextCell(cellAt(row, c.mapping.column));
      if (text.ok && text.value !== null) day.note = day.note === null ? text.value : `${day.note}\n${text.value}`;
      else if (!text.ok) day.problems.push({ column: header(c), raw: rawCellText(cellAt(row, c.mapping.column)), reason: text.reason, location_code: null });
    }
    if (officeColumn) {
      const text = parseTextCell(cellAt(row, officeColumn.mapping.column));
      if (text.ok && text.value !== null) {
        const office = findOfficeInText(text.value, directory);
        day.office_named =
          office.kind === 'found'
            ? { kind: 'found', location_code: office.mention.location_code, text: text.value }
            : { kind: 'not_an_office', text: text.value, why: office.kind === 'several' ? `names several offices (${office.location_codes.join(', ')})` : 'names no office in the directory' };
      }
    }
    reading.days.push(day);
  }
  return reading;
}

function readFigures(reading: MonthTabReading, tab: string, row: readonly Cell[], sheetRow: number, figureColumns: readonly MappedColumn[]): void {
  for (const c of figureColumns) {
    const definition = c.definition;
    if (!definition || definition.role !== 'month_figure') continue;
    const cell = cellAt(row, c.mapping.column);
    if (isBlankCell(cell)) continue;
    const value = readValue(cell, 'amount');
    const column = c.mapping.header.trim();
    if (!value.ok || value.value === null) {
      reading.rejects.push({ tab, row: sheetRow, column, value: rawCellText(cell), reason: `month figure ${definition.figure} not read (${value.ok ? 'blank' : value.reason}); the day rows are unaffected` });
      continue;
    }
    const earlier = reading.figures.find((f) => f.name === definition.figure && f.location_code === c.mapping.location_code);
    if (earlier) {
      if (earlier.value.decimal !== value.value.decimal) {
        reading.rejects.push({
          tab,
          row: sheetRow,
          column,
          value: rawCellText(cell),
          reason: `month figure ${definition.figure} already read as ${earlier.value.decimal} on row ${earlier.sheet_row}; this second value is not used`,
        });
      }
      continue;
    }
    reading.figures.push({ name: definition.figure, location_code: c.mapping.location_code, value: value.value, sheet_row: sheetRow, column });
  }
}
