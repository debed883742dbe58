// The seeded spreadsheets both sheet fakes read: SpreadsheetApp (typed getValues) and the Sheets advanced service
// (serials, ragged rows). Seeds hold what getValues would return: Date objects, numbers, strings, booleans, error
// strings like '#N/A', and '' (or null) for blank. Grids are padded to rectangles with ''.
import { toSheetsSerial, wallClock } from './time-zone';

export type SeedValue = Date | number | string | boolean | null | undefined;
export type CellValue = Date | number | string | boolean; // '' = blank

export interface SheetSeed {
  name: string;
  sheetId?: number;
  values?: SeedValue[][];
  /** What the Sheets UI shows; derived from values when absent (numbers as typed, dates M/d/yyyy, TRUE/FALSE). */
  displayValues?: string[][];
  maxRows?: number; // default max(1000, data rows), as a new sheet has
  maxColumns?: number; // default max(26, data columns)
}

export interface SpreadsheetSeed {
  id: string;
  name: string;
  timeZone?: string; // default America/Chicago (the demo clinic's)
  locale?: string;
  sheets: SheetSeed[];
}

export interface SheetModel {
  name: string;
  sheetId: number;
  index: number;
  values: CellValue[][];
  display: string[][];
  lastRow: number;
  lastColumn: number;
  maxRows: number;
  maxColumns: number;
}

export interface SpreadsheetModel {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetModel[];
}

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export function displayOf(value: CellValue, timeZone: string): string {
  if (isDate(value)) {
    const w = wallClock(value.getTime(), timeZone);
    const date = `${w.month}/${w.day}/${w.year}`;
    const hasTime = w.hour || w.minute || w.second;
    const pad = (n: number) => String(n).padStart(2, '0');
    return hasTime ? `${date} ${w.hour}:${pad(w.minute)}:${pad(w.second)}` : date;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export function buildSpreadsheet(seed: SpreadsheetSeed): SpreadsheetModel {
  const timeZone = seed.timeZone ?? 'America/Chicago';
  const names = new Set<string>();
  const sheets = seed.sheets.map((s, index): SheetModel => {
    if (names.has(s.name)) throw new Error(`gas-runtime seed: duplicate sheet name ${s.name} in ${seed.id}`);
    names.add(s.name);
    const raw = s.values ?? [];
    const width = Math.max(0, ...raw.map((r) => r.length), ...(s.displayValues ?? []).map((r) => r.length));
    const values = raw.map((r) =>
      Array.from({ length: width }, (_, c): CellValue => (r[c] === null || r[c] === undefined ? '' : (r[c] as CellValue))),
    );
    let lastRow = 0;
    let lastColumn = 0;
    values.forEach((r, ri) =>
      r.forEach((v, ci) => {
        if (v !== '') {
          lastRow = Math.max(lastRow, ri + 1);
          lastColumn = Math.max(lastColumn, ci + 1);
        }
      }),
    );
    const display = values.map((r, ri) => r.map((v, ci) => s.displayValues?.[ri]?.[ci] ?? displayOf(v, timeZone)));
    return {
      name: s.name,
      sheetId: s.sheetId ?? (index === 0 ? 0 : 1_000_000 + index * 7919),
      index,
      values,
      display,
      lastRow,
      lastColumn,
      maxRows: Math.max(s.maxRows ?? 1000, values.length),
      maxColumns: Math.max(s.maxColumns ?? 26, width),
    };
  });
  return { id: seed.id, name: seed.name, timeZone, locale: seed.locale ?? 'en_US', sheets };
}

/** The cell at (row, column), 1-based; '' outside the seeded grid. */
export function cellAt(sheet: SheetModel, row: number, column: number): CellValue {
  return sheet.values[row - 1]?.[column - 1] ?? '';
}

export function displayAt(sheet: SheetModel, row: number, column: number): string {
  return sheet.display[row - 1]?.[column - 1] ?? '';
}

export { toSheetsSerial };
