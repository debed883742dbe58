// SheetSource over SpreadsheetApp, for the open spreadsheet in a card (DESIGN "Reading the sheet: interactive vs
// background"): one getDataRange().getValues() per tab. getValues gives typed values — Date objects, numbers,
// booleans, strings, '' for blank and error strings like '#N/A' — which become contract-1 cells here.
import { SHEET_ERROR_VALUES, type Cell, type Grid } from '../core/cell';
import type { SheetSource, SheetTab } from '../core/ports';

export interface RangeLike {
  getValues(): unknown[][];
}

export interface SheetLike {
  getName(): string;
  getSheetId(): number;
  getDataRange(): RangeLike;
}

export interface SpreadsheetLike {
  getId(): string;
  getName(): string;
  getSpreadsheetTimeZone(): string;
  getSheets(): SheetLike[];
  getSheetByName(name: string): SheetLike | null;
}

export interface DateFormatter {
  formatDate(date: Date, timeZone: string, format: string): string;
}

/** A tab asked for is not in the spreadsheet (renamed or deleted since describe()). */
export interface TabNotFoundError extends Error {
  code: 'TAB_NOT_FOUND';
  tab: string;
}

export function tabNotFoundError(tab: string): TabNotFoundError {
  const error = new Error(`The spreadsheet has no tab named '${tab}' (renamed or deleted?)`) as TabNotFoundError;
  error.name = 'TabNotFoundError';
  error.code = 'TAB_NOT_FOUND';
  error.tab = tab;
  return error;
}

const ERROR_VALUES: ReadonlySet<string> = new Set(SHEET_ERROR_VALUES);
const SHEETS_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** '' → null, '#N/A' and friends → {error}; everything else as it is. Shared with the Sheets API source. */
export function plainCell(value: unknown): Cell {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string') return ERROR_VALUES.has(value) ? { error: value } : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

// `instanceof Date` fails here: gas-local runs the bundle in another realm than the values' (contract 1).
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function dateCell(value: Date, timeZone: string, formatter: DateFormatter): Cell {
  const date = formatter.formatDate(value, timeZone, 'yyyy-MM-dd');
  if (date >= '1900-01-01') return { date };
  // A time of day or a duration (8:30, [h]:mm) is a Date on Sheets' epoch day, 1899-12-30 (or just after): not a
  // calendar date. Yield the serial number batchGet gives for the same cell, so both sources agree.
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s] = formatter.formatDate(value, timeZone, 'HH:mm:ss').split(':').map(Number);
  return (Date.UTC(y, mo - 1, d, h, mi, s) - SHEETS_EPOCH_UTC) / DAY_MS;
}

export function gridFromValues(values: unknown[][], timeZone: string, formatter: DateFormatter): Grid {
  // getDataRange() of an empty sheet is A1 alone: [['']]. batchGet gives no rows for it; neither has data.
  if (values.length === 1 && values[0].length === 1 && values[0][0] === '') return [];
  return values.map((row) => row.map((v) => (isDate(v) ? dateCell(v, timeZone, formatter) : plainCell(v))));
}

export class SpreadsheetAppSheetSource implements SheetSource {
  constructor(
    private readonly spreadsheet: SpreadsheetLike,
    private readonly formatter: DateFormatter,
  ) {}

  describe(): ReturnType<SheetSource['describe']> {
    const ss = this.spreadsheet;
    return {
      spreadsheetId: ss.getId(),
      title: ss.getName(),
      timeZone: ss.getSpreadsheetTimeZone(),
      tabs: ss.getSheets().map((sheet) => ({ name: sheet.getName(), sheetId: sheet.getSheetId() })),
    };
  }

  read(tabNames: string[]): SheetTab[] {
    if (tabNames.length === 0) return [];
    const timeZone = this.spreadsheet.getSpreadsheetTimeZone();
    return tabNames.map((name) => {
      const sheet = this.spreadsheet.getSheetByName(name);
      if (sheet === null) throw tabNotFoundError(name);
      return {
        name,
        sheetId: sheet.getSheetId(),
        values: gridFromValues(sheet.getDataRange().getValues(), timeZone, this.formatter),
      };
    });
  }
}
