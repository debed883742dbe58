// Both SheetSource adapters against the local runtime's SpreadsheetApp and Sheets fakes, seeded with the SAME
// workbook: getValues yields {date} cells, batchGet yields serial numbers, and once the serials in the date column
// are converted by the sheet engine's own converter, both grids are identical (issue 13).
import type { Cell, Grid } from '../../src/core/cell';
import { serialToDate } from '../../src/core/sheet/parse-date';
import {
  SheetsApiSheetSource,
  advancedSheetsService,
  quoteTabName,
  type SheetsAdvancedService,
} from '../../src/gas/sheets-api-sheet-source';
import { SpreadsheetAppSheetSource, type SpreadsheetLike } from '../../src/gas/spreadsheet-app-sheet-source';
import { createGasRuntime } from '../../tools/gas-runtime';
import { DATE_COLUMN, WORKBOOK } from './sheet-source-workbook';

const SHEETS_EPOCH = Date.UTC(1899, 11, 30);
/** A serial as Sheets defines it: days since 1899-12-30 on the spreadsheet's wall clock. */
const serial = (y: number, m: number, d: number, h = 0, mi = 0) => (Date.UTC(y, m - 1, d, h, mi) - SHEETS_EPOCH) / 86400000;

function cardRuntime() {
  const runtime = createGasRuntime({ activeSpreadsheet: WORKBOOK, context: 'card' });
  const spreadsheet = runtime.spreadsheetApp.getActiveSpreadsheet() as unknown as SpreadsheetLike;
  return { runtime, source: new SpreadsheetAppSheetSource(spreadsheet, runtime.utilities) };
}

function triggerRuntime() {
  const runtime = createGasRuntime({ context: 'trigger', spreadsheets: [WORKBOOK], driveFileGrants: [WORKBOOK.id] });
  return { runtime, source: new SheetsApiSheetSource(runtime.sheets as unknown as SheetsAdvancedService, WORKBOOK.id) };
}

const MONTH_TABS = ['Nov-24', "Mar '24"];
const ALL_TABS = [...MONTH_TABS, 'Notes'];

// What getValues gives for the seeded workbook, as contract-1 cells.
const NOV_TYPED: Grid = [
  ['Dr. Obi — November 2024', null, null, null, null, null],
  ['Date', 'Hours Worked', 'Humble', 'Baytown', 'Location', 'Notes'],
  [{ date: '2024-11-01' }, 8, 1520.5, null, 'Humble Office', null],
  [{ date: '2024-11-04' }, 7.5, null, 980, 'Baytown Office', 'ok'],
  [{ date: '2024-11-05' }, { error: '#N/A' }, -45.25, { error: '#REF!' }, null, null],
  [null, null, null, null, null, null],
  [{ date: '2024-11-30' }, serial(1899, 12, 30, 8, 30), { error: '#DIV/0!' }, 0, null, 'late entry'],
  ['Total', null, 1475.25, 980, null, null],
];
const MAR_TYPED: Grid = [
  ['Date', 'Hours Worked', 'Humble', 'Baytown', 'Location', 'Notes'],
  [{ date: '2024-03-10' }, 6, 700, null, 'Humble Office', null],
  [{ date: '2024-03-10' }, true, false, { error: '#VALUE!' }, null, null],
  [{ date: '2024-03-11' }, null, null, null, null, null],
];

function withDateColumn(grid: Grid, convert: (cell: Cell) => Cell): Grid {
  return grid.map((row) => row.map((cell, c) => (c === DATE_COLUMN ? convert(cell) : cell)));
}

describe('SpreadsheetAppSheetSource (getValues, the open spreadsheet)', () => {
  it('describes the spreadsheet from its name, id, time zone and sheets', () => {
    const { source } = cardRuntime();
    expect(source.describe()).toEqual({
      spreadsheetId: '1ObiProductionSheet',
      title: 'Dr. Obi Production 2024',
      timeZone: 'America/Chicago',
      tabs: [
        { name: 'Nov-24', sheetId: 101 },
        { name: "Mar '24", sheetId: 102 },
        { name: 'Notes', sheetId: 103 },
      ],
    });
  });

  it('turns Dates into {date} in the spreadsheet time zone, blanks into null and error strings into {error}', () => {
    const { source } = cardRuntime();
    expect(source.read(ALL_TABS)).toEqual([
      { name: 'Nov-24', sheetId: 101, values: NOV_TYPED },
      { name: "Mar '24", sheetId: 102, values: MAR_TYPED },
      { name: 'Notes', sheetId: 103, values: [] },
    ]);
  });

  it('yields plain objects, never Date instances (the bundle runs in another realm)', () => {
    const { source } = cardRuntime();
    const cells = source.read(['Nov-24'])[0].values.flat();
    expect(cells.some((c) => Object.prototype.toString.call(c) === '[object Date]')).toBe(false);
  });

  it('reads each tab with ONE getValues call', () => {
    const { runtime, source } = cardRuntime();
    runtime.resetCallCounts();
    source.read(ALL_TABS);
    const counts = runtime.callCounts();
    expect(counts['Range.getValues']).toBe(3);
    expect(counts['Sheet.getDataRange']).toBe(3);
  });

  it('reads no values to describe the spreadsheet', () => {
    const { runtime, source } = cardRuntime();
    runtime.resetCallCounts();
    source.describe();
    expect(runtime.callCounts()['Range.getValues']).toBeUndefined();
  });

  it('names a tab that is gone with a typed error', () => {
    const { source } = cardRuntime();
    expect(() => source.read(['Nov-24', 'Dec-24'])).toThrow(
      expect.objectContaining({ code: 'TAB_NOT_FOUND', tab: 'Dec-24', message: "The spreadsheet has no tab named 'Dec-24' (renamed or deleted?)" }),
    );
  });
});

describe('SheetsApiSheetSource (batchGet, background runs)', () => {
  it('describes the spreadsheet through Spreadsheets.get with a field mask', () => {
    const { source } = triggerRuntime();
    expect(source.describe()).toEqual({
      spreadsheetId: '1ObiProductionSheet',
      title: 'Dr. Obi Production 2024',
      timeZone: 'America/Chicago',
      tabs: [
        { name: 'Nov-24', sheetId: 101 },
        { name: "Mar '24", sheetId: 102 },
        { name: 'Notes', sheetId: 103 },
      ],
    });
  });

  it('keeps dates as serial numbers, pads ragged rows to a rectangle, and maps blanks and error strings', () => {
    const { source } = triggerRuntime();
    source.describe();
    const [nov, mar, notes] = source.read(ALL_TABS);
    expect(nov.values).toEqual([
      ['Dr. Obi — November 2024', null, null, null, null, null],
      ['Date', 'Hours Worked', 'Humble', 'Baytown', 'Location', 'Notes'],
      [serial(2024, 11, 1), 8, 1520.5, null, 'Humble Office', null],
      [serial(2024, 11, 4), 7.5, null, 980, 'Baytown Office', 'ok'],
      [serial(2024, 11, 5, 17, 45), { error: '#N/A' }, -45.25, { error: '#REF!' }, null, null],
      [null, null, null, null, null, null],
      [serial(2024, 11, 30), serial(1899, 12, 30, 8, 30), { error: '#DIV/0!' }, 0, null, 'late entry'],
      ['Total', null, 1475.25, 980, null, null],
    ]);
    expect(mar.values).toEqual([
      ['Date', 'Hours Worked', 'Humble', 'Baytown', 'Location', 'Notes'],
      [serial(2024, 3, 10), 6, 700, null, 'Humble Office', null],
      [serial(2024, 3, 10, 23, 30), true, false, { error: '#VALUE!' }, null, null],
      [serial(2024, 3, 11), null, null, null, null, null],
    ]);
    expect(notes).toEqual({ name: 'Notes', sheetId: 103, values: [] });
  });

  it('reads ALL requested tabs in ONE batchGet, with quoted ranges, unformatted values and serial dates', () => {
    const { runtime, source } = triggerRuntime();
    const batchGet = jest.spyOn(runtime.sheets.Spreadsheets.Values, 'batchGet');
    source.describe();
    runtime.resetCallCounts();
    source.read(ALL_TABS);
    expect(runtime.callCounts()).toEqual({ 'Sheets.Spreadsheets.Values.batchGet': 1 });
    expect(batchGet).toHaveBeenCalledWith('1ObiProductionSheet', {
      ranges: ["'Nov-24'", "'Mar ''24'", "'Notes'"],
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
      majorDimension: 'ROWS',
    });
  });

  it('costs one Spreadsheets.get and one batchGet for describe() then read(), and reads nothing for no tabs', () => {
    const { runtime, source } = triggerRuntime();
    source.describe();
    source.read(MONTH_TABS);
    source.read([]);
    expect(runtime.callCounts()).toEqual({ 'Sheets.Spreadsheets.get': 1, 'Sheets.Spreadsheets.Values.batchGet': 1 });
  });

  it('fetches the tab list itself when read() comes first (sheet ids are not in batchGet\'s answer)', () => {
    const { runtime, source } = triggerRuntime();
    expect(source.read(['Nov-24'])[0].sheetId).toBe(101);
    expect(runtime.callCounts()).toEqual({ 'Sheets.Spreadsheets.get': 1, 'Sheets.Spreadsheets.Values.batchGet': 1 });
  });

  it('names a tab that is gone with a typed error, before spending a batchGet', () => {
    const { runtime, source } = triggerRuntime();
    source.describe();
    expect(() => source.read(['Nov-24', 'Dec-24'])).toThrow(expect.objectContaining({ code: 'TAB_NOT_FOUND', tab: 'Dec-24' }));
    expect(runtime.callCounts()['Sheets.Spreadsheets.Values.batchGet']).toBeUndefined();
  });

  it('names a tab renamed after describe() when batchGet cannot parse its range', () => {
    const sheets: SheetsAdvancedService = {
      Spreadsheets: {
        get: () => ({ properties: { title: 'T', timeZone: 'America/Chicago' }, sheets: [{ properties: { sheetId: 1, title: 'Nov-24' } }] }),
        Values: {
          batchGet: () => {
            throw new Error("API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: 'Nov-24'");
          },
        },
      },
    };
    const source = new SheetsApiSheetSource(sheets, 'id');
    expect(() => source.read(['Nov-24'])).toThrow(expect.objectContaining({ code: 'TAB_NOT_FOUND', tab: 'Nov-24' }));
  });

  it('passes on a refused read (no drive.file grant) as the platform raised it', () => {
    const runtime = createGasRuntime({ context: 'trigger', spreadsheets: [WORKBOOK], driveFileGrants: [] });
    const source = new SheetsApiSheetSource(runtime.sheets as unknown as SheetsAdvancedService, WORKBOOK.id);
    expect(() => source.describe()).toThrow(
      'API call to sheets.spreadsheets.get failed with error: The caller does not have permission',
    );
  });

  it('finds no Sheets service where the advanced service is not enabled, instead of a ReferenceError', () => {
    expect(advancedSheetsService()).toBeNull();
  });

  it.each([
    ['Nov-24', "'Nov-24'"],
    ["Mar '24", "'Mar ''24'"],
    ["Dr. O'Neil's Nov", "'Dr. O''Neil''s Nov'"],
    ['Sheet1', "'Sheet1'"],
    ['A1', "'A1'"],
  ])('quotes tab %j as %j in A1 notation', (name, quoted) => {
    expect(quoteTabName(name)).toBe(quoted);
  });
});

describe('both sheet sources agree on the same workbook', () => {
  it('gives identical grids once serials in the date column are converted by the sheet engine', () => {
    const typed = cardRuntime().source.read(MONTH_TABS);
    const api = triggerRuntime().source.read(MONTH_TABS);
    const toDate = (cell: Cell): Cell => {
      if (typeof cell !== 'number') return cell;
      const date = serialToDate(cell);
      return date === null ? cell : { date };
    };
    expect(api.map((t) => ({ ...t, values: withDateColumn(t.values, toDate) }))).toEqual(typed);
  });

  it('differs before conversion only in the date column, where batchGet has numbers', () => {
    const typed = cardRuntime().source.read(['Nov-24'])[0].values;
    const api = triggerRuntime().source.read(['Nov-24'])[0].values;
    const differing = new Set<number>();
    typed.forEach((row, r) => row.forEach((cell, c) => JSON.stringify(cell) !== JSON.stringify(api[r][c]) && differing.add(c)));
    expect([...differing]).toEqual([DATE_COLUMN]);
  });

  it('sees no active spreadsheet in trigger context, which is why background runs read through batchGet', () => {
    expect(triggerRuntime().runtime.spreadsheetApp.getActiveSpreadsheet()).toBeNull();
  });
});
