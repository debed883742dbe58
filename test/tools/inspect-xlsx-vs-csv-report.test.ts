// Review of issue 12's "Done when": `npm run inspect` on an .xlsx the test writes (typed numbers, Date cells,
// formula cells with cached results, error cells) yields the same rows as on that workbook's CSV export — checked
// on the command's own JSON report (not only the reader underneath), once through `npm run inspect` itself. Also:
// with no --directory/--tz the command uses the demo practice and its clinic's time zone.
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { demoDirectory } from '../../src/core/demo-practice';
import { main } from '../../tools/inspect-workbook';

const REPO_ROOT = resolve(__dirname, '..', '..');
const TITLE = 'Hygiene Production Tracker - Adriane';
const HEADER = ['Date', 'Hours Worked', 'Estimated Production', 'Verified Production', 'Production goal', 'Variance', 'Bonus', 'Total Hours Worked', 'Monthly Production', 'UUID'];

async function writeXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Dec-23');
  sheet.addRow([]); // the hygiene layout: a blank row above the header
  sheet.addRow(HEADER);
  const day = (d: number) => new Date(Date.UTC(2023, 11, d));
  sheet.addRow([day(4), 5.49, 384.86, 177.12, 779.03, -0.77, 0, { formula: 'SUM(B3:B6)', result: 19.06 }, { formula: 'SUM(D3:D6)', result: 1299.47 }, 'u1']);
  sheet.addRow([day(5), 7.57, 1322.35, 1122.35, 1074.18, 0.04, { formula: 'D4*0', result: 0 }, null, null, 'u2']);
  sheet.addRow([day(6), 6, { error: '#REF!' }, -459.08, 902.48, { formula: 'D5/0', result: { error: '#DIV/0!' } }, 0, null, null, 'u3']);
  sheet.addRow([day(7), null, null, null, null, null, null, null, null, 'u4']);
  for (let r = 3; r <= 6; r++) sheet.getCell(r, 1).numFmt = 'm/d/yyyy';
  await wb.xlsx.writeFile(file);
}

// What Sheets' "Download → CSV" of that tab holds: the formatted text of the same cells.
const CSV_EXPORT = [
  ',,,,,,,,,',
  HEADER.join(','),
  '12/4/2023,5.49, $ 384.86 , $ 177.12 , $ 779.03 ,-77%,$0.00,19.06," $ 1,299.47 ",u1',
  '12/5/2023,7.57," $ 1,322.35 "," $ 1,122.35 "," $ 1,074.18 ",4%,$0.00,,,u2',
  '12/6/2023,6,#REF!,-$459.08, $ 902.48 ,#DIV/0!,$0.00,,,u3',
  '12/7/2023,,,,,,,,,u4',
].join('\r\n');

async function inspectJson(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main([...args, '--json'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stderr, report: JSON.parse(stdout) };
}

describe('npm run inspect: an .xlsx and its CSV export give the same report', () => {
  let dir: string;
  let xlsx: string;
  let csv: string;
  const savedTz = process.env.TZ;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inspect-report-'));
    xlsx = join(dir, `${TITLE}.xlsx`);
    csv = join(dir, `${TITLE} - Dec-23.csv`);
    await writeXlsx(xlsx);
    writeFileSync(csv, CSV_EXPORT);
  });
  afterAll(() => {
    process.env.TZ = savedTz;
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago'])('has identical tabs, rows, month hashes, figures, rejects and totals (machine TZ %s)', async (zone) => {
    process.env.TZ = zone;
    const fromXlsx = await inspectJson([xlsx]);
    const fromCsv = await inspectJson([csv]);
    expect([fromXlsx.code, fromXlsx.stderr, fromCsv.code, fromCsv.stderr]).toEqual([0, '', 0, '']);
    const { files: xlsxFiles, ...xlsxWorkbook } = fromXlsx.report.workbooks[0];
    const { files: csvFiles, ...csvWorkbook } = fromCsv.report.workbooks[0];
    expect([xlsxFiles, csvFiles]).toEqual([[xlsx], [csv]]);
    expect(xlsxWorkbook).toEqual(csvWorkbook);

    const month = xlsxWorkbook.months[0];
    expect(month.rows.map((r: any) => [r.work_date, r.location_code, r.fields.hours_worked, r.fields.estimated_production, r.fields.verified_production, r.fields.variance_ratio, r.fields.bonus])).toEqual([
      ['2023-12-04', 'BAYTOWN_MAIN', '5.49', '384.86', '177.12', '-0.77', '0'],
      ['2023-12-05', 'BAYTOWN_MAIN', '7.57', '1322.35', '1122.35', '0.04', '0'],
    ]);
    expect(month.rejects.map((r: any) => [r.row, r.column, r.value, r.reason])).toEqual([
      [5, 'Estimated Production', '#REF!', 'the sheet shows an error (#REF!)'],
      [5, 'Variance', '#DIV/0!', 'the sheet shows an error (#DIV/0!)'],
    ]);
    expect(month.figures.map((f: any) => [f.name, f.value])).toEqual([
      ['total_hours_worked', '19.06'],
      ['sheet_total_production', '1299.47'],
    ]);
  });

  it('defaults to the demo practice directory and its clinic time zone (America/Chicago)', async () => {
    const { report } = await inspectJson([csv]);
    expect([report.directory, report.workbooks[0].time_zone]).toEqual([
      { clinic_code: demoDirectory().clinic.code, version: 'demo' },
      demoDirectory().clinic.time_zone,
    ]);
    expect([demoDirectory().clinic.code, demoDirectory().clinic.time_zone]).toEqual(['KAMDENTAL', 'America/Chicago']);
  });

  it('gives the same rows through the npm script itself', () => {
    const run = (file: string) => {
      const r = spawnSync('npm', ['run', '--silent', 'inspect', '--', file, '--json'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Tokyo' } });
      expect([r.status, r.stderr.replace(/^npm warn .*\n/gm, '')]).toEqual([0, '']);
      return JSON.parse(r.stdout).workbooks[0].months[0];
    };
    const [a, b] = [run(xlsx), run(csv)];
    expect(a.rows).toEqual(b.rows);
    expect(a.hash).toBe(b.hash);
    expect(a.rows).toHaveLength(2);
  });
});
