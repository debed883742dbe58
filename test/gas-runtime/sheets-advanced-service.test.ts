import { createGasRuntime } from '../../tools/gas-runtime';
import { obiNov24 } from './workbook-seeds';

const UNFORMATTED = { valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER' } as const;

describe('Sheets advanced service fake', () => {
  const granted = (timeZone = 'America/Chicago') =>
    createGasRuntime({ context: 'trigger', spreadsheets: [{ ...obiNov24, timeZone }], driveFileGrants: ['obi-sheet'] });

  it('reads every requested tab in one call: serial dates, ragged rows, inner blanks as ""', () => {
    const runtime = granted();
    const res = runtime.sheets.Spreadsheets.Values.batchGet('obi-sheet', { ranges: ["'Nov-24'", 'Settings'], ...UNFORMATTED });
    expect(res).toEqual({
      spreadsheetId: 'obi-sheet',
      valueRanges: [
        {
          range: "'Nov-24'!A1:Z1000",
          majorDimension: 'ROWS',
          values: [
            ['Date', 'Humble', 'Baytown', 'Notes', 'Verified'],
            [45597, 1200.5, '', '', true],
            [45600, '', -35, 'adjustment', false],
            [],
            ['Total', '#N/A'],
          ],
        },
        { range: 'Settings!A1:Z1000', majorDimension: 'ROWS', values: [['key', 'value']] },
      ],
    });
    expect(runtime.callCounts()).toEqual({ 'Sheets.Spreadsheets.Values.batchGet': 1 });
  });

  it("turns the same instant into the serial of the spreadsheet's own time zone", () => {
    const read = (tz: string) =>
      granted(tz).sheets.Spreadsheets.Values.batchGet('obi-sheet', { ranges: ['Nov-24!A2'], ...UNFORMATTED }).valueRanges[0].values;
    expect(read('America/Chicago')).toEqual([[45597]]);
    expect(read('Asia/Tokyo')).toEqual([[45597 + 14 / 24]]);
    expect(read('America/Los_Angeles')).toEqual([[45596 + 22 / 24]]);
  });

  it('leaves values out entirely for an empty range, and transposes for COLUMNS', () => {
    const vr = granted().sheets.Spreadsheets.Values.batchGet('obi-sheet', {
      ranges: ['Nov-24!D1:E3', 'Nov-24!H1:H5'],
      majorDimension: 'COLUMNS',
      ...UNFORMATTED,
    }).valueRanges;
    expect(vr[0]).toEqual({ range: "'Nov-24'!D1:E3", majorDimension: 'COLUMNS', values: [['Notes', '', 'adjustment'], ['Verified', true, false]] });
    expect(vr[1]).toEqual({ range: "'Nov-24'!H1:H5", majorDimension: 'COLUMNS' });
  });

  it('gives display strings with the default FORMATTED_VALUE', () => {
    const vr = granted().sheets.Spreadsheets.Values.batchGet('obi-sheet', { ranges: ['Nov-24!A2:E2'] }).valueRanges[0];
    expect(vr.values).toEqual([['11/1/2024', '1200.5', '', '', 'TRUE']]);
  });

  it('describes the spreadsheet with Spreadsheets.get, returning only the fields asked for', () => {
    const res = granted().sheets.Spreadsheets.get('obi-sheet', {
      fields: 'spreadsheetId,properties(title,timeZone),sheets.properties(sheetId,title,index)',
    });
    expect(res).toEqual({
      spreadsheetId: 'obi-sheet',
      properties: { title: 'Dr. Obi Production 2024', timeZone: 'America/Chicago' },
      sheets: [
        { properties: { sheetId: 0, title: 'Nov-24', index: 0 } },
        { properties: { sheetId: 1007919, title: 'Settings', index: 1 } },
      ],
    });
    expect(granted().sheets.Spreadsheets.get('obi-sheet', { fields: 'properties.timeZone' })).toEqual({
      properties: { timeZone: 'America/Chicago' },
    });
    expect(granted().sheets.Spreadsheets.get('obi-sheet')).toMatchObject({
      sheets: [{ properties: { sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26 } } }, {}],
    });
  });

  it('refuses a file the user did not grant drive.file access to, and an unknown id', () => {
    const runtime = createGasRuntime({ activeSpreadsheet: obiNov24 });
    let error: unknown;
    try {
      runtime.sheets.Spreadsheets.Values.batchGet('obi-sheet', { ranges: ['Nov-24'] });
    } catch (e) {
      error = e;
    }
    expect(String(error)).toBe(
      'GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchGet failed with error: The caller does not have permission',
    );
    expect((error as { details: unknown }).details).toEqual({ code: 403, message: 'The caller does not have permission' });
    expect(() => runtime.sheets.Spreadsheets.get('nope')).toThrow(
      'API call to sheets.spreadsheets.get failed with error: Requested entity was not found.',
    );
  });

  it('rejects a range naming no tab', () => {
    expect(() => granted().sheets.Spreadsheets.Values.batchGet('obi-sheet', { ranges: ['Dec-24'] })).toThrow(
      'API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: Dec-24',
    );
  });
});
