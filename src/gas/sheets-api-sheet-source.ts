// SheetSource over the Sheets advanced service, for background runs: a time-driven trigger has no active
// spreadsheet, and drive.file cannot SpreadsheetApp.openById (DESIGN "Reading the sheet"). All requested tabs are
// read in ONE Values.batchGet. UNFORMATTED_VALUE + SERIAL_NUMBER gives dates as serial numbers, which stay numbers
// here (contract 1: the sheet engine converts them for the columns its sheet kind declares as dates). The API
// leaves out trailing empty cells and rows, so rows are padded back to a rectangle, as getValues gives them.
import type { Grid } from '../core/cell';
import type { SheetSource, SheetTab } from '../core/ports';
import { plainCell, tabNotFoundError } from './spreadsheet-app-sheet-source';

// @types/google-apps-script does not declare the advanced services; only what this adapter calls.
export interface SheetsGetArgs {
  fields: string;
}

export interface SheetsBatchGetArgs {
  ranges: string[];
  valueRenderOption: 'UNFORMATTED_VALUE';
  dateTimeRenderOption: 'SERIAL_NUMBER';
  majorDimension: 'ROWS';
}

export interface SheetsAdvancedService {
  Spreadsheets: {
    get(spreadsheetId: string, optionalArgs: SheetsGetArgs): unknown;
    Values: {
      batchGet(spreadsheetId: string, optionalArgs: SheetsBatchGetArgs): unknown;
    };
  };
}

type Description = ReturnType<SheetSource['describe']>;

/**
 * The `Sheets` global, or null when the advanced service is not enabled in the manifest (enabledAdvancedServices):
 * referring to the bare global would then be a ReferenceError with no hint of the cause.
 */
export function advancedSheetsService(): SheetsAdvancedService | null {
  return (globalThis as { Sheets?: SheetsAdvancedService }).Sheets ?? null;
}

const DESCRIBE_FIELDS = 'properties(title,timeZone),sheets(properties(sheetId,title))';

/** A1 notation of a whole tab: always quoted, apostrophes doubled ('Nov-24', 'Dr. O''Neil'). */
export function quoteTabName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function shapeError(what: string): Error {
  const error = new Error(`Sheets API answered in an unexpected shape: ${what}`);
  error.name = 'SheetsResponseShapeError';
  return error;
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw shapeError(`${what} is not an object`);
  return value as Record<string, unknown>;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw shapeError(`${what} is not a string`);
  return value;
}

export function padToRectangle(rows: unknown[][]): Grid {
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  return rows.map((row) => Array.from({ length: width }, (_, c) => plainCell(c < row.length ? row[c] : '')));
}

export class SheetsApiSheetSource implements SheetSource {
  private described: Description | null = null;

  constructor(
    private readonly sheets: SheetsAdvancedService,
    private readonly spreadsheetId: string,
  ) {}

  describe(): Description {
    const answer = record(this.sheets.Spreadsheets.get(this.spreadsheetId, { fields: DESCRIBE_FIELDS }), 'spreadsheet');
    const properties = record(answer.properties, 'properties');
    const sheets = Array.isArray(answer.sheets) ? answer.sheets : [];
    this.described = {
      spreadsheetId: this.spreadsheetId,
      title: text(properties.title, 'properties.title'),
      timeZone: text(properties.timeZone, 'properties.timeZone'),
      tabs: sheets.map((sheet, i) => {
        const p = record(record(sheet, `sheets[${i}]`).properties, `sheets[${i}].properties`);
        if (typeof p.sheetId !== 'number') throw shapeError(`sheets[${i}].properties.sheetId is not a number`);
        return { name: text(p.title, `sheets[${i}].properties.title`), sheetId: p.sheetId };
      }),
    };
    return this.described;
  }

  read(tabNames: string[]): SheetTab[] {
    if (tabNames.length === 0) return [];
    // batchGet does not return sheet ids; describe() (normally already called by the engine) does.
    const tabs = (this.described ?? this.describe()).tabs;
    const ids = new Map(tabs.map((t) => [t.name, t.sheetId]));
    for (const name of tabNames) if (!ids.has(name)) throw tabNotFoundError(name);
    const ranges = tabNames.map(quoteTabName);
    let raw: unknown;
    try {
      raw = this.sheets.Spreadsheets.Values.batchGet(this.spreadsheetId, {
        ranges,
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
        majorDimension: 'ROWS',
      });
    } catch (thrown) {
      // A tab renamed or deleted since describe(): the API refuses the whole call, naming the range it could not parse.
      const message = String((thrown as { message?: unknown } | null)?.message ?? thrown);
      const missing = tabNames.find((_, i) => message.includes(`Unable to parse range: ${ranges[i]}`));
      throw missing === undefined ? thrown : tabNotFoundError(missing);
    }
    const answer = record(raw, 'batchGet answer');
    const valueRanges = Array.isArray(answer.valueRanges) ? answer.valueRanges : [];
    if (valueRanges.length !== tabNames.length) {
      throw shapeError(`${valueRanges.length} value ranges for ${tabNames.length} tabs`);
    }
    return tabNames.map((name, i) => {
      const values = record(valueRanges[i], `valueRanges[${i}]`).values;
      // An empty tab has no `values` at all.
      const rows = Array.isArray(values) ? values.map((row) => (Array.isArray(row) ? row : [])) : [];
      return { name, sheetId: ids.get(name)!, values: padToRectangle(rows) };
    });
  }
}
