// npm start, the main job, in-process against a bundle built into a temp dir (tests never write dist/): it starts
// its own embedded stack, syncs both exports through the built add-on, reseeds twice and must exit 0.
import { legacyExportSeeds, main } from '../../tools/start';
import { typedLegacySeeds } from '../../tools/lib/typed-seed';
import { buildBundle, type BuildResult } from '../bundle/build-bundle';

describe('npm start seeds', () => {
  test('each exported title becomes one spreadsheet, its file suffix a tab', async () => {
    const seeds = await legacyExportSeeds();
    expect(seeds.map((seed) => [seed.name, seed.timeZone, seed.sheets.map((sheet) => sheet.name)])).toEqual([
      ['Dr. Obi - Associate Prodution Tracker', 'America/Chicago', ['Nov-24']],
      ['Hygiene Production Tracker - Adriane', 'America/Chicago', ['Dec-23']],
    ]);
  });

  test('text seeds keep the CSV text; empty cells are blank', async () => {
    const [obi] = await legacyExportSeeds();
    const firstDay = obi.sheets[0].values![1];
    expect(firstDay.slice(0, 6)).toEqual(['11/01/2024', null, '-1,296.00', '1,103.00', 'Baytown Office', null]);
  });

  test('typed seeds hold what getValues gives: a Date at Chicago noon, numbers, text, "" for blank', async () => {
    const [obi, adriane] = await typedLegacySeeds();
    const firstDay = obi.sheets[0].values![1];
    expect((firstDay[0] as Date).toISOString()).toBe('2024-11-01T17:00:00.000Z'); // CDT, UTC-5
    expect(firstDay.slice(1, 7)).toEqual(['', -1296, 1103, 'Baytown Office', '', 69567.03]);
    const december = adriane.sheets[0].values![2];
    expect((december[0] as Date).toISOString()).toBe('2023-12-04T18:00:00.000Z'); // CST, UTC-6
    expect(december.slice(1, 6)).toEqual([5.49, 384.86, 177.12, 779.03, -0.77]);
  });
});

describe('npm start, the main job', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildBundle();
    if (!build.ok) throw new Error(`build failed:\n${build.errors}`);
  });
  afterAll(() => build?.cleanup());

  test('syncs both exports through the built add-on, matches the sheets, heals both reseeds, and exits 0', async () => {
    let output = '';
    const code = await main({ bundlePath: build.file, out: (text) => (output += text) });
    if (code !== 0) throw new Error(output);
    expect(code).toBe(0);
    const lines = output.split('\n').map((l) => l.trim().replace(/^\| /, ''));
    expect(lines).toEqual(
      expect.arrayContaining([
        'Save → Production Sync: settings saved.',
        'Test connection → Connected to Kam Dental: 5 providers, 2 offices; the token covers all providers.',
        'Confirm and save → Production Sync: binding saved.',
        'Sync now → Production Sync: 60 row(s) written, 0 unchanged, 0 skipped, 0 rejected, 0 deleted.',
        'Sync now → Production Sync: 15 row(s) written, 0 unchanged, 2 skipped, 0 rejected, 0 deleted.',
        'Dr. Obi - Associate Prodution Tracker Nov-24 Humble (HUMBLE_MAIN) production: sheet $37,673.95, database $37,673.95 ✓',
        'Dr. Obi - Associate Prodution Tracker Nov-24 Baytown (BAYTOWN_MAIN) production: sheet $31,893.08, database $31,893.08 ✓',
        'Hygiene Production Tracker - Adriane Dec-23 all offices hours: sheet 104.73 h, database 104.73 h ✓',
        'Verified Production (Billing Department Only) Baytown → Day: verified production at Baytown (14 choices)',
        "✓ Nov-24 · Humble · production $37,673.95 — day rows match the sheet's total",
        'rows by natural key: 75 equal, 0 differ, 0 missing, 0 extra; ids changed on 75 of 75 rows (old → new)',
        'Sync every hour → Production Sync: this spreadsheet now syncs every hour.',
        'fired onHourlySync (ok); Sheets batchGet calls: 1, getActiveSpreadsheet calls: 0',
        'sync_runs (hourly): success, 1 written, 14 unchanged',
        'post-reseed: CONSISTENT',
        'none found',
      ]),
    );
    // The unchanged re-sync sends no ingest call; the re-sync after the emptying reseed sends one per workbook.
    expect(lines.filter((l) => /^unchanged sync .*\(0 ingest: lease, plan, lease, record_run\)/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /self-healed after the reseed$/.test(l))).toHaveLength(4);
    expect(lines.filter(Boolean).pop()).toMatch(/^npm start: OK in \d+\.\d s/);
  }, 120_000);
});
