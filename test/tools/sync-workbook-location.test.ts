// Review of issue 13 / contract 10 ("--location names the office where the sheet cannot"): a hygiene export has no
// office column, so when its provider works at two offices `npm run sync` must not guess — it stops, names the flag,
// writes nothing — and with --location the rows land at that office. Assertions read the DATABASE.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnPostgrestStandin, type SpawnedPostgrestStandin } from '../../tools/postgrest-standin/spawn';
import { main } from '../../tools/sync-workbook';
import { ADRIANE_DEC_23_CSV } from '../core/sheet/helpers/workbooks';
import { createTestDatabase, sql, type TestDatabase } from '../support/db';
import { DEMO_TOKEN } from '../support/db-payloads';

let db: TestDatabase;
let standin: SpawnedPostgrestStandin;
let dir: string;
const keys = { publishable: `sb_publishable_test_${randomBytes(12).toString('hex')}`, secret: `sb_secret_test_${randomBytes(12).toString('hex')}` };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'review-location-'));
  db = await createTestDatabase();
  // Adriane now also works at Humble: her hygiene sheet can no longer say which office its rows belong to.
  await sql(
    db,
    `insert into public.provider_locations (provider_id, location_id)
     select p.id, l.id from public.providers p, public.locations l where p.provider_code = 'adriane_fontenot' and l.location_code = 'HUMBLE_MAIN'`,
  );
  standin = await spawnPostgrestStandin({ databaseUrl: db.authenticatorUrl, keys });
});
afterAll(async () => {
  await standin?.stop();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const argv = [ADRIANE_DEC_23_CSV, '--provider', 'adriane_fontenot', ...args, '--url', standin.url, '--key', keys.publishable, '--token', DEMO_TOKEN];
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { stateFile: join(dir, 'no-stack.json') });
  expect(stdout + stderr).not.toContain(DEMO_TOKEN);
  return { code, stdout, stderr };
}

const stored = (sheet: string) =>
  sql(
    db,
    `select l.location_code, count(*)::int as rows, sum(d.verified_production)::text as verified
       from public.production_days d join public.locations l on l.id = d.location_id
      where d.source_spreadsheet_id = $1 group by 1 order by 1`,
    [sheet],
  );

describe('npm run sync on a hygiene export whose provider works at two offices', () => {
  test('without --location, it stops before writing any day row and names the flag to give', async () => {
    const { code, stderr } = await run(['--spreadsheet-id', 'review-two-offices']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "sync: 'Hygiene Production Tracker - Adriane' is Adriane Fontenot's hygiene sheet, which names no office, and Adriane Fontenot works at BAYTOWN_MAIN and HUMBLE_MAIN. Nothing was written. Re-run with --location BAYTOWN_MAIN (the office these rows belong to).\n",
    );
    expect(await stored('review-two-offices')).toEqual([]);
  });

  test('with --location HUMBLE_MAIN, every day row lands at Humble and the binding remembers the office', async () => {
    const { code } = await run(['--spreadsheet-id', 'review-two-offices', '--location', 'HUMBLE_MAIN']);
    expect(code).toBe(0);
    // The export's Monthly Production: $12,487.62 over 15 day rows.
    expect(await stored('review-two-offices')).toEqual([{ location_code: 'HUMBLE_MAIN', rows: 15, verified: '12487.62' }]);
    expect(await sql(db, 'select provider_code, default_location_code from public.sync_bindings where spreadsheet_id = $1', ['review-two-offices'])).toEqual([
      { provider_code: 'adriane_fontenot', default_location_code: 'HUMBLE_MAIN' },
    ]);
  });
});
