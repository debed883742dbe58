// npm run sync against the REAL local stack: this file's own database on the run's embedded PostgreSQL, behind
// the REST stand-in in a child process (the command's HTTP client is synchronous and blocks this thread).
// Assertions are on the DATABASE contents and on the command's exit code, output and report.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORT_SCHEMA, REPORT_VERSION } from '../../src/core/report/report-schema';
import { spawnPostgrestStandin, type SpawnedPostgrestStandin } from '../../tools/postgrest-standin/spawn';
import { main } from '../../tools/sync-workbook';
import { spreadsheetIdForTitle } from '../../tools/lib/workbook-reader';
import { ADRIANE_DEC_23_CSV, OBI_NOV_24_CSV } from '../core/sheet/helpers/workbooks';
import { createTestDatabase, rpcAs, sql, type TestDatabase } from '../support/db';
import { DEMO_TOKEN } from '../support/db-payloads';

const OBI_SHEET = spreadsheetIdForTitle('Dr. Obi - Associate Prodution Tracker');
const ADRIANE_SHEET = spreadsheetIdForTitle('Hygiene Production Tracker - Adriane');

describe('npm run sync (backfill) against the local stack', () => {
  let db: TestDatabase;
  let standin: SpawnedPostgrestStandin;
  let dir: string;
  const keys = { publishable: `sb_publishable_test_${randomBytes(12).toString('hex')}`, secret: `sb_secret_test_${randomBytes(12).toString('hex')}` };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sync-workbook-'));
    db = await createTestDatabase();
    standin = await spawnPostgrestStandin({ databaseUrl: db.authenticatorUrl, keys });
  });
  afterAll(async () => {
    await standin?.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(args: string[], connection: { key?: string; token?: string } = {}) {
    let stdout = '';
    let stderr = '';
    const argv = [...args, '--url', standin.url, '--key', connection.key ?? keys.publishable, '--token', connection.token ?? DEMO_TOKEN];
    const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { stateFile: join(dir, 'no-stack.json') });
    for (const secret of [keys.publishable, connection.key ?? '', DEMO_TOKEN, connection.token ?? DEMO_TOKEN].filter(Boolean)) {
      expect(stdout).not.toContain(secret);
      expect(stderr).not.toContain(secret);
    }
    return { code, stdout, stderr };
  }

  const monthTotals = (sheet: string) =>
    sql(
      db,
      `select p.provider_code, l.location_code, to_char(d.work_date, 'YYYY-MM') as month, count(*)::int as rows,
              sum(d.verified_production)::text as verified, coalesce(sum(d.hours_worked), 0)::text as hours
         from public.production_days d join public.providers p on p.id = d.provider_id join public.locations l on l.id = d.location_id
        where d.source_spreadsheet_id = $1
        group by 1, 2, 3 order by 1, 2, 3`,
      [sheet],
    );
  const stamps = () => sql(db, `select count(*)::int as n, max(updated_at)::text as last from public.production_days`);
  /** No rows, figures, lease or run; the token's claim on the id (contract 6: the first call claims it) names no provider. */
  async function expectNothingWritten(sheet: string) {
    const [counts] = await sql(
      db,
      `select (select count(*) from public.production_days where source_spreadsheet_id = $1)::int as days,
              (select count(*) from public.month_figures where source_spreadsheet_id = $1)::int as figures,
              (select count(*) from public.sync_leases where spreadsheet_id = $1)::int as leases,
              (select count(*) from public.sync_runs where spreadsheet_id = $1)::int as runs`,
      [sheet],
    );
    expect(counts).toEqual({ days: 0, figures: 0, leases: 0, runs: 0 });
    expect(await sql(db, 'select provider_code, default_location_code from public.sync_bindings where spreadsheet_id = $1', [sheet])).toEqual([
      { provider_code: null, default_location_code: null },
    ]);
  }
  const rowsOf = (report: any, location: string) =>
    report.workbooks[0].months.reduce((n: number, m: any) => n + m.rows.filter((r: any) => r.location_code === location).length, 0);

  it('syncs the Obi export (detected with high confidence) and binds it: rows per office and exact sums in the database', async () => {
    const { code, stdout, stderr } = await run([OBI_NOV_24_CSV, '--json']);
    expect([code, stderr]).toEqual([0, '']);
    const report = JSON.parse(stdout);
    expect(report.workbooks[0].outcome).toMatchObject({
      status: 'success',
      binding: { provider_code: 'obinna_ezeji', default_location_code: null, newly_bound: true },
      counts: { written: 60, unchanged: 0, rejected: 0, deleted: 0 },
    });
    expect(await monthTotals(OBI_SHEET)).toEqual([
      { provider_code: 'obinna_ezeji', location_code: 'BAYTOWN_MAIN', month: '2024-11', rows: rowsOf(report, 'BAYTOWN_MAIN'), verified: '31893.08', hours: expect.any(String) },
      { provider_code: 'obinna_ezeji', location_code: 'HUMBLE_MAIN', month: '2024-11', rows: rowsOf(report, 'HUMBLE_MAIN'), verified: '37673.95', hours: expect.any(String) },
    ]);
    expect(rowsOf(report, 'BAYTOWN_MAIN') + rowsOf(report, 'HUMBLE_MAIN')).toBe(60);
    expect(await sql(db, 'select provider_code, default_location_code from public.sync_bindings where spreadsheet_id = $1', [OBI_SHEET])).toEqual([
      { provider_code: 'obinna_ezeji', default_location_code: null },
    ]);
    expect(await sql(db, `select status, trigger, written from public.sync_runs where spreadsheet_id = $1`, [OBI_SHEET])).toEqual([
      { status: 'success', trigger: 'backfill', written: 60 },
    ]);
    // The server's stored month totals, as sync_ingest reported them, against the sheet's.
    expect(report.workbooks[0].outcome.stored_totals).toEqual([
      { tab: 'Nov-24', month: '2024-11', location_code: 'BAYTOWN_MAIN', figure: 'verified_production', rows_value: '31893.08', sheet_value: '31893.08', stored_value: '31893.08', status: 'agree' },
      { tab: 'Nov-24', month: '2024-11', location_code: 'HUMBLE_MAIN', figure: 'verified_production', rows_value: '37673.95', sheet_value: '37673.95', stored_value: '37673.95', status: 'agree' },
    ]);
  });

  it('syncs the Adriane export with --provider into her only office: verified production and hours exact', async () => {
    const { code, stdout, stderr } = await run([ADRIANE_DEC_23_CSV, '--provider', 'adriane_fontenot']);
    expect([code, stderr]).toEqual([0, '']);
    expect(await monthTotals(ADRIANE_SHEET)).toEqual([
      { provider_code: 'adriane_fontenot', location_code: 'BAYTOWN_MAIN', month: '2023-12', rows: 15, verified: '12487.62', hours: '104.73' },
    ]);
    const lines = stdout.split('\n');
    for (const line of [
      'Sync: SUCCESS — 15 row(s) written, 0 unchanged, 2 skipped, 0 rejected, 0 deleted.',
      '  binding: adriane_fontenot, default office BAYTOWN_MAIN (bound by this run)',
      '    Dec-23 (2023-12) — sent: 15 written, 0 unchanged, 2 skipped, 0 rejected, 0 deleted',
      '    2023-12 BAYTOWN_MAIN  verified_production  rows 12487.62, sheet 12487.62; stored 12487.62 — AGREE',
      '    2023-12 BAYTOWN_MAIN  hours_worked         rows 104.73, sheet 104.73; stored 104.73 — AGREE',
    ]) {
      expect(lines).toContain(line);
    }
    expect(stdout).toContain("Workbook: Hygiene Production Tracker - Adriane"); // the inspect report comes first
  });

  it('a second run writes 0 rows and sends no ingest call: the plan call finds every month unchanged', async () => {
    const before = await stamps();
    const { code, stdout } = await run([OBI_NOV_24_CSV, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const outcome = report.workbooks[0].outcome;
    expect(outcome).toMatchObject({ status: 'success', counts: { written: 0, unchanged: 60, deleted: 0 }, binding: { provider_code: 'obinna_ezeji', newly_bound: false } });
    expect([outcome.calls.ingest, report.sync.calls.rpc.sync_ingest, report.sync.calls.rpc.sync_bind, outcome.batches]).toEqual([0, undefined, undefined, []]);
    expect(outcome.tabs.map((t: any) => [t.tab, t.state])).toEqual([['Nov-24', 'unchanged']]);
    expect(outcome.stored_totals.map((s: any) => s.status)).toEqual(['same_hash', 'same_hash']);
    expect(await stamps()).toEqual(before);
  });

  it('stops before writing anything when the title is only a medium-confidence match, naming the flag to give', async () => {
    const before = await stamps();
    const { code, stderr, stdout } = await run([ADRIANE_DEC_23_CSV, '--spreadsheet-id', 'adriane-unbound-copy']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "sync: Could not tell whose workbook 'Hygiene Production Tracker - Adriane' is (best: Adriane Fontenot [adriane_fontenot] matched 'adriane', medium confidence). Nothing was written. Re-run with --provider adriane_fontenot if that is right.\n",
    );
    expect(stdout).toContain('Sync: NOT_ATTEMPTED — Could not tell whose workbook');
    expect(await stamps()).toEqual(before);
    await expectNothingWritten('adriane-unbound-copy');
  });

  it('after such a stop, the flag it named binds the spreadsheet and syncs it', async () => {
    const { code, stdout } = await run([ADRIANE_DEC_23_CSV, '--spreadsheet-id', 'adriane-unbound-copy', '--provider', 'adriane_fontenot', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).workbooks[0].outcome).toMatchObject({
      status: 'success',
      binding: { provider_code: 'adriane_fontenot', default_location_code: 'BAYTOWN_MAIN', newly_bound: true },
    });
    expect(await sql(db, 'select provider_code, default_location_code from public.sync_bindings where spreadsheet_id = $1', ['adriane-unbound-copy'])).toEqual([
      { provider_code: 'adriane_fontenot', default_location_code: 'BAYTOWN_MAIN' },
    ]);
  });

  it('refuses --location for an office the provider is not linked to, before writing anything', async () => {
    const { code, stderr } = await run([ADRIANE_DEC_23_CSV, '--spreadsheet-id', 'adriane-wrong-office', '--provider', 'adriane_fontenot', '--location', 'HUMBLE_MAIN']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'sync: adriane_fontenot is not linked to HUMBLE_MAIN in the directory (linked: BAYTOWN_MAIN). Nothing was written. Re-run with --location BAYTOWN_MAIN, or ask your administrator to link the office.\n',
    );
    await expectNothingWritten('adriane-wrong-office');
  });

  it('stops before writing anything when the title names two providers (ambiguous)', async () => {
    const file = join(dir, 'Dr. Obi & Dr. Kamdi Tracker - Nov-24.csv');
    copyFileSync(OBI_NOV_24_CSV, file);
    const { code, stderr, stdout } = await run([file, '--json']);
    expect(code).toBe(2);
    expect(stderr).toContain('AMBIGUOUS');
    expect(stderr).toContain('Re-run with --provider kamdi_irondi or --provider obinna_ezeji, whichever it is.');
    const report = JSON.parse(stdout);
    expect([report.sync.attempted, report.workbooks[0].outcome.status, report.sync.calls.rpc]).toEqual([false, 'not_attempted', { sync_directory: 1 }]);
    await expectNothingWritten(spreadsheetIdForTitle('Dr. Obi & Dr. Kamdi Tracker'));
  });

  it('prints --json in the one versioned report schema: the inspect report plus outcomes', async () => {
    const { code, stdout } = await run([ADRIANE_DEC_23_CSV, '--json']);
    expect(code).toBe(0); // bound by the earlier run: the binding, not detection, says whose it is
    const report = JSON.parse(stdout);
    expect([report.schema, report.version, report.command, report.unreadable]).toEqual([REPORT_SCHEMA, REPORT_VERSION, 'sync', []]);
    expect(Object.keys(report).sort()).toEqual(['command', 'directory', 'schema', 'sync', 'unreadable', 'version', 'workbooks']);
    expect(report.directory).toEqual({ clinic_code: 'KAMDENTAL', version: expect.any(String) });
    expect(report.sync).toEqual({
      target: 'url',
      rest_url: `${standin.url}/rest/v1`,
      attempted: true,
      message: null,
      elapsed_ms: expect.any(Number),
      calls: { rpc: { sync_directory: 1, sync_lease: 2, sync_plan: 1, sync_record_run: 1 }, rpc_total: 5, http_attempts: 5 },
    });
    const w = report.workbooks[0];
    // Everything inspect prints is there, unchanged…
    expect(Object.keys(w).sort()).toEqual(['counts', 'files', 'months', 'outcome', 'provider', 'rejects', 'spreadsheet_id', 'tabs', 'time_zone', 'title']);
    expect(w).toMatchObject({ spreadsheet_id: ADRIANE_SHEET, time_zone: 'America/Chicago', counts: { rows: 15, totals_agree: 2 }, provider: { source: 'binding' } });
    // …plus the outcome.
    expect(Object.keys(w.outcome).sort()).toEqual(
      ['batches', 'binding', 'calls', 'counts', 'elapsed_ms', 'message', 'orphaned', 'record_error', 'run_id', 'self_healed', 'status', 'stored_totals', 'tabs', 'totals_check'].sort(),
    );
    expect(w.outcome.totals_check).toEqual({ agree: 2, mismatch: 0, no_summary: 0, mismatches: [] });
    expect(w.outcome.tabs).toEqual([
      {
        tab: 'Dec-23',
        month: '2023-12',
        state: 'unchanged',
        written: 0,
        unchanged: 15,
        skipped: 2,
        rejected: 0,
        deleted: 0,
        skipped_rows: [{ reason: 'no date: only a row id (an unused template row)', count: 2 }],
        rejects: [],
        message: null,
      },
    ]);
    expect(w.outcome.run_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('steps aside (exit 1, nothing sent) while another holder has the spreadsheet\'s lease; --verbose logs carry no secret', async () => {
    const taken = await rpcAs(db, 'anon', 'sync_lease', { p_token: DEMO_TOKEN, p_spreadsheet_id: OBI_SHEET, p_holder: 'someone-else', p_action: 'take', p_ttl_seconds: 60 });
    expect(taken).toMatchObject({ ok: true, held: true });
    try {
      const { code, stdout, stderr } = await run([OBI_NOV_24_CSV, '--json', '--verbose']);
      expect(code).toBe(1);
      const outcome = JSON.parse(stdout).workbooks[0].outcome;
      expect([outcome.status, outcome.calls.ingest]).toEqual(['yielded', 0]);
      expect(stderr).toContain("sync: 'Dr. Obi - Associate Prodution Tracker': yielded: Someone else is syncing this spreadsheet right now (");
      expect(stderr).toMatch(/\(someone-else, until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)/);
    } finally {
      await rpcAs(db, 'anon', 'sync_lease', { p_token: DEMO_TOKEN, p_spreadsheet_id: OBI_SHEET, p_holder: 'someone-else', p_action: 'release', p_ttl_seconds: 60 });
    }
  });

  it('a refused token exits 1 with the token message and syncs nothing', async () => {
    const before = await stamps();
    const token = `pst_wrong_${randomBytes(8).toString('hex')}`;
    const { code, stderr } = await run([OBI_NOV_24_CSV], { token });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'sync: The sync token was refused: paste the token your administrator made for this spreadsheet into Settings → Sync token. (For npm run sync: check --token.) Nothing was synced.\n',
    );
    expect(await stamps()).toEqual(before);
  });

  it('a refused publishable key exits 1 with the key message', async () => {
    const key = `sb_publishable_wrong_${randomBytes(8).toString('hex')}`;
    const { code, stderr } = await run([OBI_NOV_24_CSV], { key });
    expect(code).toBe(1);
    expect(stderr).toContain('The publishable key was refused by Supabase (HTTP 401)');
    expect(stderr).toContain('(For npm run sync: check --key.)');
  });

  it('an unreadable file exits 1 and names the file; a readable one beside it is still synced', async () => {
    const missing = join(dir, 'Nobody - Nov-24.csv');
    const wrongType = join(dir, 'notes.txt');
    writeFileSync(wrongType, 'hello');
    const alone = await run([missing]);
    expect([alone.code, alone.stdout]).toEqual([1, '']);
    expect(alone.stderr).toBe(`sync: cannot read ${missing}: cannot read the file: no such file\nsync: nothing to sync: no file could be read.\n`);
    const mixed = await run([wrongType, OBI_NOV_24_CSV, '--json']);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toBe(`sync: cannot read ${wrongType}: unsupported file type '.txt': expected .xlsx or .csv\n`);
    expect(JSON.parse(mixed.stdout).unreadable).toEqual([{ file: wrongType, message: "unsupported file type '.txt': expected .xlsx or .csv" }]);
  });

  it('refuses bad arguments with exit 2 before contacting anything', async () => {
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (t: string) => (stderr += t) };
    expect(await main([OBI_NOV_24_CSV, '--url', 'https://x.supabase.co'], io)).toBe(2);
    expect(stderr).toContain('--url needs --key (the publishable key) and --token (the sync token)');
    expect(await main([OBI_NOV_24_CSV, ADRIANE_DEC_23_CSV, '--provider', 'obinna_ezeji', '--url', 'https://x.supabase.co', '--key', 'k', '--token', 't'], io)).toBe(2);
    expect(stderr).toContain('--spreadsheet-id, --provider and --location describe ONE workbook');
  });
});
