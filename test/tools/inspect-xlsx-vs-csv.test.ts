// An .xlsx the test writes with exceljs (typed numbers, Date cells, formula cells with cached results including a
// cached 0, error cells, a merged cell) yields the same rows as that workbook's CSV export, whatever the machine's
// time zone.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoDirectory } from '../../src/core/demo-practice';
import { understandWorkbook } from '../../src/core/sheet/understand-workbook';
import { readWorkbookFiles } from '../../tools/lib/workbook-reader';

const TITLE = 'Dr. Obi - Associate Prodution Tracker';
const HEADER = ['Date', 'Enter your hours worked', 'Verified Production (Billing Department Only) Humble', 'Verified Production (Billing Department Only) Baytown', 'Location', 'Notes from Billing Department', 'Total Production', 'UUID'];

async function writeXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Nov-24');
  sheet.addRow(HEADER);
  const day = (d: number) => new Date(Date.UTC(2024, 10, d));
  sheet.addRow([day(1), 8, -1296, 1103, 'Baytown Office', 'adjusted', { formula: 'C2+D2+C3+D3+C4+D4', result: 1807.8 }, 'u1']);
  sheet.addRow([day(2), null, { formula: 'C2*0', result: 0 }, 2000.5, 'Humble Office', null, null, 'u2']);
  sheet.addRow([day(3), 7.25, 0.1 + 0.2, 0, null, null, null, 'u3']);
  sheet.addRow([day(4), null, { error: '#N/A' }, { formula: '1/0', result: { error: '#DIV/0!' } }, null, null, null, 'u4']);
  for (let r = 2; r <= 5; r++) sheet.getCell(r, 1).numFmt = 'mm/dd/yyyy';
  sheet.mergeCells('F2:F3');
  wb.addWorksheet('Summary').addRow(['Summary of the year']);
  await wb.xlsx.writeFile(path);
}

// What Sheets' CSV download of the same tab holds: formatted text.
const CSV_EXPORT = [
  HEADER.join(','),
  '11/01/2024,8,"-1,296.00","1,103.00",Baytown Office,adjusted,"$1,807.80",u1',
  '11/02/2024,,0.00,"2,000.50",Humble Office,,,u2',
  '11/03/2024,7.25,0.30,0.00,,,,u3',
  '11/04/2024,,#N/A,#DIV/0!,,,,u4',
].join('\r\n');

const TOTALS = [
  ['1807.8', '1807.8', 'agree'],
  [null, '-1295.7', 'no_summary'],
  [null, '3103.5', 'no_summary'],
];

describe('the Node workbook reader: .xlsx and its CSV export agree', () => {
  let dir: string;
  const savedTz = process.env.TZ;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inspect-xlsx-'));
    await writeXlsx(join(dir, `${TITLE}.xlsx`));
    writeFileSync(join(dir, `${TITLE} - Nov-24.csv`), CSV_EXPORT);
  });
  afterAll(() => {
    process.env.TZ = savedTz;
    rmSync(dir, { recursive: true, force: true });
  });

  async function understand(file: string) {
    const { workbooks, errors } = await readWorkbookFiles([join(dir, file)], { timeZone: 'America/Chicago' });
    expect(errors).toEqual([]);
    return { workbook: workbooks[0].workbook, understanding: understandWorkbook(workbooks[0].workbook, demoDirectory()) };
  }

  it('reads typed values, cached formula results (0 included), errors, dates and merged cells into the Cell grid', async () => {
    process.env.TZ = 'Pacific/Kiritimati';
    const { workbook } = await understand(`${TITLE}.xlsx`);
    expect(workbook.tabs.map((t) => t.name)).toEqual(['Nov-24', 'Summary']);
    expect(workbook.tabs[0].values.slice(1)).toEqual([
      [{ date: '2024-11-01' }, 8, -1296, 1103, 'Baytown Office', 'adjusted', 1807.8, 'u1'],
      [{ date: '2024-11-02' }, null, 0, 2000.5, 'Humble Office', null, null, 'u2'],
      [{ date: '2024-11-03' }, 7.25, 0.1 + 0.2, 0, null, null, null, 'u3'],
      [{ date: '2024-11-04' }, null, { error: '#N/A' }, { error: '#DIV/0!' }, null, null, null, 'u4'],
    ]);
  });

  it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'])('yields the same rows, figures, rejects and totals as the CSV export (machine TZ %s)', async (zone) => {
    process.env.TZ = zone;
    const fromXlsx = (await understand(`${TITLE}.xlsx`)).understanding;
    const fromCsv = (await understand(`${TITLE} - Nov-24.csv`)).understanding;
    expect(fromXlsx.spreadsheet_id).toBe(fromCsv.spreadsheet_id);
    expect(fromXlsx.months[0].payload).toEqual(fromCsv.months[0].payload);
    expect(fromXlsx.months[0].rejects).toEqual(fromCsv.months[0].rejects);
    expect(fromXlsx.months[0].totals.map((t) => [t.sheet_value, t.rows_value, t.status])).toEqual(TOTALS);
    expect(fromCsv.months[0].totals.map((t) => [t.sheet_value, t.rows_value, t.status])).toEqual(TOTALS);
    expect(fromXlsx.months[0].payload.rows.map((r) => [r.work_date, r.location_code, r.fields.hours_worked, r.fields.verified_production, r.note])).toEqual([
      ['2024-11-01', 'HUMBLE_MAIN', null, '-1296', 'adjusted'],
      ['2024-11-01', 'BAYTOWN_MAIN', '8', '1103', 'adjusted'],
      ['2024-11-02', 'HUMBLE_MAIN', null, '0', null],
      ['2024-11-02', 'BAYTOWN_MAIN', null, '2000.5', null],
      ['2024-11-03', 'HUMBLE_MAIN', '7.25', '0.3', null],
      ['2024-11-03', 'BAYTOWN_MAIN', null, '0', null],
    ]);
    expect(fromXlsx.months[0].rejects.map((r) => [r.row, r.column, r.value, r.reason])).toEqual([
      [5, 'Verified Production (Billing Department Only) Humble', '#N/A', 'the sheet shows an error (#N/A)'],
      [5, 'Verified Production (Billing Department Only) Baytown', '#DIV/0!', 'the sheet shows an error (#DIV/0!)'],
    ]);
  });
});
