// Sheets advanced service fake (`Sheets.Spreadsheets.Values.batchGet`, `Sheets.Spreadsheets.get`). Enforces what the
// Sheets API v4 does and getValues does not: with UNFORMATTED_VALUE + SERIAL_NUMBER a date is a serial number (days
// since 1899-12-30 on the SPREADSHEET's wall clock, fraction = time of day); trailing empty cells and rows are left
// out (ragged rows; `values` absent for an empty range) while blanks inside stay ''; FORMATTED_VALUE gives the
// display strings; COLUMNS transposes. Access: the REST API does not honour `spreadsheets.currentonly`, so a file is
// readable only when the user granted drive.file access to it (`driveFileGrants`; `sheetsApiReadsActiveDocument`
// opts the active document in); otherwise it throws GoogleJsonResponseException 403, an unknown id 404.
// Spreadsheets.get honours the `fields` mask (only the named fields come back).
// Not modelled: `fields` on batchGet, FORMULA rendering (treated as UNFORMATTED_VALUE),
// per-minute read quotas, includeGridData, developer metadata, writes.
import type { FakeContext } from './fake-context';
import { MESSAGES } from './error-messages';
import { a1, parseA1, quoteSheetName, splitSheetRange } from './a1-notation';
import { cellAt, displayAt, isDate, toSheetsSerial, type SheetModel, type SpreadsheetModel } from './workbook-model';
import { spreadsheetUrl } from './spreadsheet-app';
import { applyFieldMask, parseFieldMask } from './field-mask';

export interface BatchGetArgs {
  ranges?: string | string[];
  valueRenderOption?: 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
  dateTimeRenderOption?: 'SERIAL_NUMBER' | 'FORMATTED_STRING';
  majorDimension?: 'ROWS' | 'COLUMNS';
}

export interface ValueRange {
  range: string;
  majorDimension: 'ROWS' | 'COLUMNS';
  values?: unknown[][];
}

export interface SheetsAdvancedServiceFake {
  Spreadsheets: {
    get(spreadsheetId: string, optionalArgs?: Record<string, unknown>): Record<string, unknown>;
    Values: {
      batchGet(spreadsheetId: string, optionalArgs?: BatchGetArgs): { spreadsheetId: string; valueRanges: ValueRange[] };
    };
  };
}

export interface SheetsAccess {
  books: Map<string, SpreadsheetModel>;
  driveFileGrants: Set<string>;
}

function apiError(ctx: FakeContext, method: string, code: number, reason: string): Error {
  return ctx.realm.exception(MESSAGES.apiCallFailed(method, reason), 'GoogleJsonResponseException', {
    details: { code, message: reason },
  });
}

function trimTrailing(rows: unknown[][]): unknown[][] {
  const trimmed = rows.map((r) => {
    let end = r.length;
    while (end > 0 && r[end - 1] === '') end--;
    return r.slice(0, end);
  });
  let last = trimmed.length;
  while (last > 0 && trimmed[last - 1].length === 0) last--;
  return trimmed.slice(0, last);
}

export function createSheetsAdvancedService(ctx: FakeContext, access: SheetsAccess): SheetsAdvancedServiceFake {
  const open = (method: string, id: string): SpreadsheetModel => {
    const book = access.books.get(String(id));
    if (!book) throw apiError(ctx, method, 404, MESSAGES.entityNotFound);
    if (!access.driveFileGrants.has(book.id)) throw apiError(ctx, method, 403, MESSAGES.callerNoPermission);
    return book;
  };

  const resolve = (method: string, book: SpreadsheetModel, range: string) => {
    const parts = splitSheetRange(range);
    let sheet: SheetModel | undefined = book.sheets.find((s) => s.name === parts.sheet);
    let bounds = parts.a1 === undefined ? {} : parseA1(parts.a1);
    if (!sheet && parts.a1 === undefined) {
      bounds = parseA1(range);
      sheet = bounds ? book.sheets[0] : undefined;
    }
    if (!sheet || !bounds) throw apiError(ctx, method, 400, `Unable to parse range: ${range}`);
    const r0 = bounds.startRow ?? 1;
    const c0 = bounds.startColumn ?? 1;
    const r1 = Math.min(bounds.endRow ?? sheet.maxRows, sheet.maxRows);
    const c1 = Math.min(bounds.endColumn ?? sheet.maxColumns, sheet.maxColumns);
    if (r0 > sheet.maxRows || c0 > sheet.maxColumns) {
      throw apiError(ctx, method, 400, `Range ('${sheet.name}'!${parts.a1}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxColumns}`);
    }
    return { sheet, r0, c0, r1, c1 };
  };

  return {
    Spreadsheets: {
      get(spreadsheetId, optionalArgs = {}) {
        ctx.counter.count('Sheets.Spreadsheets.get');
        const book = open('sheets.spreadsheets.get', spreadsheetId);
        const fields = typeof optionalArgs.fields === 'string' ? parseFieldMask(optionalArgs.fields) : new Map();
        const resource = {
          spreadsheetId: book.id,
          properties: { title: book.name, locale: book.locale, timeZone: book.timeZone },
          sheets: book.sheets.map((s) => ({
            properties: {
              sheetId: s.sheetId,
              title: s.name,
              index: s.index,
              sheetType: 'GRID',
              gridProperties: { rowCount: s.maxRows, columnCount: s.maxColumns },
            },
          })),
          spreadsheetUrl: spreadsheetUrl(book.id),
        };
        return ctx.realm.adopt(applyFieldMask(resource, fields) as Record<string, unknown>);
      },
      Values: {
        batchGet(spreadsheetId, optionalArgs = {}) {
          ctx.counter.count('Sheets.Spreadsheets.Values.batchGet');
          const method = 'sheets.spreadsheets.values.batchGet';
          const book = open(method, spreadsheetId);
          const render = optionalArgs.valueRenderOption ?? 'FORMATTED_VALUE';
          const dateRender = optionalArgs.dateTimeRenderOption ?? 'SERIAL_NUMBER';
          const major = optionalArgs.majorDimension ?? 'ROWS';
          const ranges = optionalArgs.ranges === undefined ? [] : ([] as string[]).concat(optionalArgs.ranges);
          const valueRanges = ranges.map((range): ValueRange => {
            const { sheet, r0, c0, r1, c1 } = resolve(method, book, range);
            const read = (r: number, c: number): unknown => {
              if (render === 'FORMATTED_VALUE') return displayAt(sheet, r, c);
              const v = cellAt(sheet, r, c);
              if (!isDate(v)) return v;
              return dateRender === 'SERIAL_NUMBER' ? toSheetsSerial(v.getTime(), book.timeZone) : displayAt(sheet, r, c);
            };
            let rows: unknown[][] = [];
            for (let r = r0; r <= r1; r++) {
              const row: unknown[] = [];
              for (let c = c0; c <= c1; c++) row.push(read(r, c));
              rows.push(row);
            }
            if (major === 'COLUMNS') rows = rows.length ? rows[0].map((_, c) => rows.map((row) => row[c])) : [];
            const values = trimTrailing(rows);
            const out: ValueRange = { range: `${quoteSheetName(sheet.name)}!${a1(r0, c0, r1, c1)}`, majorDimension: major };
            if (values.length) out.values = values;
            return out;
          });
          return ctx.realm.adopt({ spreadsheetId: book.id, valueRanges });
        },
      },
    },
  };
}
