import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../tools/inspect-workbook';
import { ADRIANE_DEC_23_CSV, OBI_NOV_24_CSV } from '../core/sheet/helpers/workbooks';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('npm run inspect', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'inspect-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a readable report of both fixtures and exits 0', async () => {
    const { code, stdout, stderr } = await run([OBI_NOV_24_CSV, ADRIANE_DEC_23_CSV]);
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.split('\n');
    for (const line of [
      'Workbook: Dr. Obi - Associate Prodution Tracker',
      'Workbook: Hygiene Production Tracker - Adriane',
      "Provider: adriane_fontenot (Adriane Fontenot) — score 0.85, confidence medium, matched 'adriane', from title",
      '  Dec-23: month 2023-12, hygienist sheet, header row 2, 15 rows',
      '    BAYTOWN_MAIN   2023-12-04  row   3: hours_worked=5.49 verified_production=177.12 estimated_production=384.86 production_goal=779.03 variance_ratio=-0.77 bonus=0',
      '    row 18: no date: only a row id (an unused template row)',
      '    hours_worked (all offices): AGREE — sheet 104.73, rows 104.73, difference 0',
      'Counts: 1 tabs (1 month, 0 skipped), 60 rows, 0 skipped rows, 0 rejects; totals 3 agree, 0 mismatch, 0 without summary',
    ]) {
      expect(lines).toContain(line);
    }
  });

  it('prints the versioned JSON schema with --json', async () => {
    const { code, stdout } = await run([OBI_NOV_24_CSV, '--json', '--tz', 'America/New_York']);
    const report = JSON.parse(stdout);
    expect([code, report.schema, report.version, report.command, report.workbooks.length, report.unreadable]).toEqual([0, 'production-sync/report', 1, 'inspect', 1, []]);
    expect(report.workbooks[0]).toMatchObject({
      title: 'Dr. Obi - Associate Prodution Tracker',
      time_zone: 'America/New_York',
      files: [OBI_NOV_24_CSV],
      counts: { rows: 60, rejects: 0, totals_agree: 3 },
    });
    expect(report.workbooks[0].spreadsheet_id).toMatch(/^file:[0-9a-f]{16}$/);
  });

  it('groups CSV downloads of one title into one workbook and honours --spreadsheet-id', async () => {
    const dec = join(dir, 'Dr. Obi - Associate Prodution Tracker - Dec-24.csv');
    writeFileSync(dec, 'Date,Verified Production Humble,Verified Production Baytown\r\n12/02/2024,"1,000.00",0\r\n');
    const { stdout } = await run([OBI_NOV_24_CSV, dec, '--json', '--spreadsheet-id', 'sheet-123']);
    const report = JSON.parse(stdout);
    expect(report.workbooks.map((w: { spreadsheet_id: string; tabs: { tab: string }[] }) => [w.spreadsheet_id, w.tabs.map((t) => t.tab)])).toEqual([['sheet-123', ['Nov-24', 'Dec-24']]]);
  });

  it('uses --directory and --provider/--location for a sheet the demo practice does not know', async () => {
    const directoryFile = join(dir, 'directory.json');
    writeFileSync(
      directoryFile,
      JSON.stringify({
        clinic: { code: 'WEST', name: 'West', time_zone: 'America/Denver' },
        locations: [{ code: 'KATY_MAIN', name: 'Katy', aliases: [] }],
        providers: [{ code: 'pat_lee', name: 'Pat Lee', kind: 'hygienist', aliases: [] }],
        links: [{ provider_code: 'pat_lee', location_code: 'KATY_MAIN', active_from: null, active_to: null }],
      }),
    );
    const file = join(dir, 'Hygiene Production Tracker - Adriane - Dec-23.csv');
    copyFileSync(ADRIANE_DEC_23_CSV, file);
    const { code, stdout } = await run([file, '--json', '--directory', directoryFile, '--provider', 'pat_lee']);
    const w = JSON.parse(stdout).workbooks[0];
    expect([code, w.time_zone, w.provider.source, w.months[0].rows.length, w.months[0].rows[0].location_code]).toEqual([0, 'America/Denver', 'binding', 15, 'KATY_MAIN']);
  });

  it('exits 1 naming each unreadable file and why, still reporting the readable ones', async () => {
    const broken = join(dir, 'Broken - Nov-24.csv');
    writeFileSync(broken, 'Date,"unterminated\n');
    const fake = join(dir, 'fake.xlsx');
    writeFileSync(fake, 'not a zip');
    const { code, stdout, stderr } = await run([OBI_NOV_24_CSV, join(dir, 'missing.csv'), join(dir, 'notes.txt'), broken, fake]);
    expect(code).toBe(1);
    expect(stderr.split('\n').filter(Boolean).map((l) => l.replace(dir, 'DIR'))).toEqual([
      'inspect: cannot read DIR/missing.csv: cannot read the file: no such file',
      "inspect: cannot read DIR/notes.txt: unsupported file type '.txt': expected .xlsx or .csv",
      'inspect: cannot read DIR/Broken - Nov-24.csv: cannot read the file: a quoted field is never closed',
      expect.stringMatching(/^inspect: cannot read DIR\/fake\.xlsx: cannot read the \.xlsx workbook: .+/),
    ]);
    expect(stdout).toContain('Workbook: Dr. Obi - Associate Prodution Tracker');
  });

  it('exits 0 for a workbook with rejects', async () => {
    const file = join(dir, 'Dr. Obi - Associate Prodution Tracker - Oct-24.csv');
    writeFileSync(file, 'Date,Verified Production Humble,Verified Production Baytown\r\n10/01/2024,#N/A,5\r\n');
    const { code, stdout } = await run([file, '--json']);
    expect([code, JSON.parse(stdout).workbooks[0].counts.rejects]).toEqual([0, 1]);
  });

  it.each([
    [[], 'inspect: no files given'],
    [[OBI_NOV_24_CSV, '--tz', 'Mars/Olympus'], 'inspect: unknown time zone "Mars/Olympus" (expected an IANA name such as America/Chicago)'],
    [[OBI_NOV_24_CSV, '--frobnicate'], 'inspect: unknown option --frobnicate'],
    [[OBI_NOV_24_CSV, '--tz'], 'inspect: --tz needs a value'],
  ])('exits 2 on bad arguments %j', async (args, message) => {
    const { code, stderr } = await run(args as string[]);
    expect([code, stderr.split('\n')[0]]).toEqual([2, message]);
  });
});
