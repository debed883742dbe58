import { createGasRuntime } from '../../tools/gas-runtime';
import { chicagoMidnight, obiNov24 } from './workbook-seeds';

describe('SpreadsheetApp fake', () => {
  const card = () => createGasRuntime({ activeSpreadsheet: obiNov24 });

  it('has no active spreadsheet in a trigger, even when one was seeded', () => {
    const trigger = createGasRuntime({ context: 'trigger', activeSpreadsheet: obiNov24 });
    expect(trigger.spreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(createGasRuntime().spreadsheetApp.getActiveSpreadsheet()).toBeNull();
  });

  it('describes the open spreadsheet: id, name, time zone, url and tabs', () => {
    const ss = card().spreadsheetApp.getActiveSpreadsheet()!;
    expect([ss.getId(), ss.getName(), ss.getSpreadsheetTimeZone(), ss.getUrl()]).toEqual([
      'obi-sheet',
      'Dr. Obi Production 2024',
      'America/Chicago',
      'https://docs.google.com/spreadsheets/d/obi-sheet/edit',
    ]);
    expect(ss.getSheets().map((s) => [s.getName(), s.getSheetId()])).toEqual([
      ['Nov-24', 0],
      ['Settings', 1007919],
    ]);
    expect(ss.getSheetByName('Dec-24')).toBeNull();
  });

  it('returns Dates, numbers, booleans, error strings and "" for blanks, as getValues does', () => {
    const sheet = card().spreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Nov-24')!;
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([5, 5, 1000, 26]);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['Date', 'Humble', 'Baytown', 'Notes', 'Verified'],
      [chicagoMidnight(2024, 11, 1), 1200.5, '', '', true],
      [chicagoMidnight(2024, 11, 4, 6), '', -35, 'adjustment', false],
      ['', '', '', '', ''],
      ['Total', '#N/A', '', '', ''],
    ]);
  });

  it('shows dates in the spreadsheet time zone in getDisplayValues', () => {
    const sheet = card().spreadsheetApp.getActiveSpreadsheet()!.getSheets()[0];
    expect(sheet.getRange(2, 1, 2, 5).getDisplayValues()).toEqual([
      ['11/1/2024', '1200.5', '', '', 'TRUE'],
      ['11/4/2024', '', '-35', 'adjustment', 'FALSE'],
    ]);
  });

  it('returns a fresh copy on every getValues call', () => {
    const range = card().spreadsheetApp.getActiveSpreadsheet()!.getSheets()[0].getDataRange();
    const first = range.getValues();
    first[1][1] = 0;
    (first[1][0] as Date).setTime(0);
    expect(range.getValues()[1].slice(0, 2)).toEqual([chicagoMidnight(2024, 11, 1), 1200.5]);
  });

  it('reads a range by A1 notation and reports it back', () => {
    const sheet = card().spreadsheetApp.getActiveSpreadsheet()!.getSheets()[0];
    const range = sheet.getRange('B2:C3');
    expect([range.getA1Notation(), range.getNumRows(), range.getNumColumns()]).toEqual(['B2:C3', 2, 2]);
    expect(range.getValues()).toEqual([[1200.5, ''], ['', -35]]);
  });

  it('rejects ranges outside the sheet or without rows, with the real messages', () => {
    const sheet = card().spreadsheetApp.getActiveSpreadsheet()!.getSheets()[0];
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
  });

  it('refuses openById and openByUrl, which need the broad spreadsheets scope', () => {
    const app = card().spreadsheetApp;
    expect(() => app.openById('other')).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    expect(() => app.openByUrl('https://docs.google.com/spreadsheets/d/other/edit')).toThrow(
      'You do not have permission to call SpreadsheetApp.openByUrl.',
    );
  });

  it('refuses getUi(), which Workspace add-ons do not have', () => {
    expect(() => card().spreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('counts spreadsheet calls per class and method', () => {
    const runtime = card();
    runtime.spreadsheetApp.getActiveSpreadsheet()!.getSheets()[0].getDataRange().getValues();
    expect(runtime.callCounts()).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getDataRange': 1,
      'Range.getValues': 1,
    });
  });
});
