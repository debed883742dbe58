// SpreadsheetApp fake (read side). Enforces: getActiveSpreadsheet() is null in a trigger (no active document) and
// when the runtime has no active spreadsheet; openById/openByUrl throw the scope error, since they need the broad
// `spreadsheets` scope this add-on never asks for (DESIGN.md "Reading the sheet"); getUi() throws, as in a Workspace
// add-on; getValues() returns fresh copies each call, with Date objects of the bundle's realm, '' for blanks and
// error strings ('#N/A') as text; getRange rejects coordinates outside the sheet with the real messages.
// Not modelled: writes (setValue(s), formats, insertSheet — the add-on never writes sheets), formulas, merged cells,
// number formats beyond the seeded display strings, named ranges, getActiveSheet/selection beyond the first sheet.
import type { FakeContext } from './fake-context';
import { counted } from './counted';
import { MESSAGES, SCOPES } from './error-messages';
import { a1, parseA1 } from './a1-notation';
import { cellAt, displayAt, type SheetModel, type SpreadsheetModel } from './workbook-model';

export interface RangeFake {
  getValues(): unknown[][];
  getDisplayValues(): string[][];
  getValue(): unknown;
  getDisplayValue(): string;
  getNumRows(): number;
  getNumColumns(): number;
  getRow(): number;
  getColumn(): number;
  getLastRow(): number;
  getLastColumn(): number;
  getA1Notation(): string;
  getSheet(): SheetFake;
}

export interface SheetFake {
  getName(): string;
  getSheetId(): number;
  getIndex(): number;
  getDataRange(): RangeFake;
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): RangeFake;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  getParent(): SpreadsheetFake;
}

export interface SpreadsheetFake {
  getId(): string;
  getName(): string;
  getSpreadsheetTimeZone(): string;
  getSpreadsheetLocale(): string;
  getSheets(): SheetFake[];
  getSheetByName(name: string): SheetFake | null;
  getActiveSheet(): SheetFake;
  getUrl(): string;
}

export interface SpreadsheetAppFake {
  getActiveSpreadsheet(): SpreadsheetFake | null;
  getActive(): SpreadsheetFake | null;
  openById(id: string): never;
  openByUrl(url: string): never;
  getUi(): never;
  flush(): void;
}

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

function createRange(
  ctx: FakeContext,
  book: SpreadsheetModel,
  sheet: SheetModel,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): RangeFake {
  const grid = <T>(read: (r: number, c: number) => T): T[][] =>
    Array.from({ length: numRows }, (_, i) => Array.from({ length: numColumns }, (_, j) => read(row + i, column + j)));
  return counted(ctx.counter, 'Range', {
    getValues: () => ctx.realm.adopt(grid((r, c) => cellAt(sheet, r, c))),
    getDisplayValues: () => ctx.realm.adopt(grid((r, c) => displayAt(sheet, r, c))),
    getValue: () => ctx.realm.adopt(cellAt(sheet, row, column)),
    getDisplayValue: () => displayAt(sheet, row, column),
    getNumRows: () => numRows,
    getNumColumns: () => numColumns,
    getRow: () => row,
    getColumn: () => column,
    getLastRow: () => row + numRows - 1,
    getLastColumn: () => column + numColumns - 1,
    getA1Notation: () => a1(row, column, row + numRows - 1, column + numColumns - 1),
    getSheet: () => createSheet(ctx, book, sheet),
  });
}

function createSheet(ctx: FakeContext, book: SpreadsheetModel, sheet: SheetModel): SheetFake {
  const range = (row: number, column: number, numRows: number, numColumns: number): RangeFake => {
    if (!(numRows >= 1)) throw ctx.realm.exception(MESSAGES.rowsAtLeastOne);
    if (!(numColumns >= 1)) throw ctx.realm.exception(MESSAGES.columnsAtLeastOne);
    if (row < 1 || column < 1 || row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
      throw ctx.realm.exception(MESSAGES.rangeOutsideSheet);
    }
    return createRange(ctx, book, sheet, row, column, numRows, numColumns);
  };
  return counted(ctx.counter, 'Sheet', {
    getName: () => sheet.name,
    getSheetId: () => sheet.sheetId,
    getIndex: () => sheet.index + 1,
    getDataRange: () => range(1, 1, Math.max(1, sheet.lastRow), Math.max(1, sheet.lastColumn)),
    getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1) {
      if (typeof rowOrA1 === 'string') {
        const b = parseA1(rowOrA1);
        if (!b) throw ctx.realm.exception(`Range not found`);
        const r0 = b.startRow ?? 1;
        const c0 = b.startColumn ?? 1;
        const r1 = b.endRow ?? sheet.maxRows;
        const c1 = b.endColumn ?? sheet.maxColumns;
        return range(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
      }
      return range(Number(rowOrA1), Number(column), Number(numRows), Number(numColumns));
    },
    getLastRow: () => sheet.lastRow,
    getLastColumn: () => sheet.lastColumn,
    getMaxRows: () => sheet.maxRows,
    getMaxColumns: () => sheet.maxColumns,
    getParent: () => createSpreadsheet(ctx, book),
  });
}

export function createSpreadsheet(ctx: FakeContext, book: SpreadsheetModel): SpreadsheetFake {
  return counted(ctx.counter, 'Spreadsheet', {
    getId: () => book.id,
    getName: () => book.name,
    getSpreadsheetTimeZone: () => book.timeZone,
    getSpreadsheetLocale: () => book.locale,
    getSheets: () => ctx.realm.adopt(book.sheets.map((s) => createSheet(ctx, book, s))),
    getSheetByName: (name: string) => {
      const s = book.sheets.find((x) => x.name === String(name));
      return s ? createSheet(ctx, book, s) : null;
    },
    getActiveSheet: () => createSheet(ctx, book, book.sheets[0]),
    getUrl: () => spreadsheetUrl(book.id),
  });
}

export function createSpreadsheetApp(ctx: FakeContext, active: SpreadsheetModel | null): SpreadsheetAppFake {
  const activeOrNull = () => (ctx.context === 'trigger' || !active ? null : createSpreadsheet(ctx, active));
  return counted(ctx.counter, 'SpreadsheetApp', {
    getActiveSpreadsheet: activeOrNull,
    getActive: activeOrNull,
    openById(): never {
      throw ctx.realm.exception(MESSAGES.noPermission('SpreadsheetApp.openById', SCOPES.spreadsheets));
    },
    openByUrl(): never {
      throw ctx.realm.exception(MESSAGES.noPermission('SpreadsheetApp.openByUrl', SCOPES.spreadsheets));
    },
    getUi(): never {
      throw ctx.realm.exception(MESSAGES.cannotCallGetUi);
    },
    flush: () => undefined,
  });
}
