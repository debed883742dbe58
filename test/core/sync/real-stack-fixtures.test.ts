// The two real exports (test/fixtures/workbooks) through the REAL sheet engine and runSync into the real local
// stack: what the database then holds is what the engine read from the sheets, and a re-sync changes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { understandWorkbook } from '../../../src/core/sheet/understand-workbook';
import { demoDirectory } from '../../../src/core/demo-practice';
import { canonicalDecimal } from '../../../src/core/month-hash';
import type { SheetTab } from '../../../src/core/ports';
import { runSync, type SyncOptions } from '../../../src/core/sync/run-sync';
import { memoryUserLock } from '../../../src/core/sync/user-lock';
import { closeSyncHttp } from '../../../tools/gas-runtime';
import { csvToGrid } from '../../../tools/lib/workbook-reader-csv';
import { sql } from '../../support/db';
import { DEMO_TOKEN } from '../../support/db-payloads';
import { CountingStore, FakeSource, MemoryLogger, nodeHasher } from './fakes';
import { dbDays, integrity, startRealStack, type RealStack } from './real-stack';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'workbooks');
const tab = (name: string, file: string): SheetTab => ({ name, sheetId: 1, values: csvToGrid(readFileSync(path.join(FIXTURES, file), 'utf8')) });
const OBI = { id: '1ObiNov24FixtureSheet_0123456789abcdefghij', title: 'Dr. Obi - Associate Prodution Tracker', tabs: [tab('Nov-24', 'Dr. Obi - Associate Prodution Tracker - Nov-24.csv')] };
const ADRIANE = { id: '1AdrianeDec23FixtureSheet_0123456789abcdefg', title: 'Hygiene Production Tracker - Adriane', tabs: [tab('Dec-23', 'Hygiene Production Tracker - Adriane - Dec-23.csv')] };

describe('the fixture workbooks through the real sheet engine into the real local stack', () => {
  let stack: RealStack;
  beforeAll(async () => {
    stack = await startRealStack();
  });
  afterAll(async () => {
    await stack?.stop();
    await closeSyncHttp();
  });

  const store = new CountingStore();
  const lock = memoryUserLock();
  const sync = (w: typeof OBI, options: SyncOptions = {}) =>
    runSync(
      {
        api: stack.client,
        token: DEMO_TOKEN,
        store,
        source: new FakeSource({ spreadsheetId: w.id, title: w.title, timeZone: 'America/Chicago', tabs: w.tabs }),
        understand: understandWorkbook,
        hasher: nodeHasher,
        clock: { now: () => Date.now() },
        lock,
        holderId: 'user-a@device-1',
        addonVersion: '0.1.0-real-stack',
        logger: new MemoryLogger(),
      },
      { trigger: 'backfill', bindIfUnbound: true, ...options },
    );
  const expectedRows = (w: typeof OBI) =>
    understandWorkbook({ spreadsheetId: w.id, title: w.title, timeZone: 'America/Chicago', tabs: w.tabs }, demoDirectory()).months.flatMap((m) => m.payload.rows);

  test('a medium-confidence detection (Adriane, from the title word alone) is not guessed: the run asks for the provider', async () => {
    const r = sync(ADRIANE);
    expect(r.status).toBe('needs_binding');
    expect(r.message).toBe("Not synced: this spreadsheet is not bound yet. The sheet looks like Adriane Fontenot's, but not certainly (matched 'adriane'): confirm.");
    expect(await sql(stack.db, `select count(*)::int as n from public.production_days`)).toEqual([{ n: 0 }]);
  });

  test("Dr. Obi's binds from high-confidence detection, Adriane's from the explicit provider, and every engine row lands, negative adjustments included", async () => {
    const obi = sync(OBI);
    const adriane = sync(ADRIANE, { provider_code: 'adriane_fontenot' });
    expect([obi.status, adriane.status]).toEqual(['success', 'success']);
    expect(obi.counts.rejected + adriane.counts.rejected).toBe(0);
    const want = [...expectedRows(OBI), ...expectedRows(ADRIANE)];
    expect(obi.counts.written + adriane.counts.written).toBe(want.length);
    const got = await dbDays(stack.db);
    expect(got).toHaveLength(want.length);
    for (const r of want) {
      const d = got.find((x) => x.provider_code === r.provider_code && x.location_code === r.location_code && x.work_date === r.work_date);
      expect(d?.verified_production).toBe(r.fields.verified_production === null ? null : canonicalDecimal(r.fields.verified_production));
    }
    expect(got.find((d) => d.work_date === '2024-11-01' && d.location_code === 'HUMBLE_MAIN')?.verified_production).toBe('-1296');
    const bindings = await sql(stack.db, `select spreadsheet_id, provider_code, default_location_code from public.sync_bindings order by provider_code`);
    expect(bindings).toEqual([
      { spreadsheet_id: ADRIANE.id, provider_code: 'adriane_fontenot', default_location_code: 'BAYTOWN_MAIN' },
      { spreadsheet_id: OBI.id, provider_code: 'obinna_ezeji', default_location_code: null },
    ]);
  });

  test('re-syncing both writes nothing and sends no ingest call: the SQL month hash equals the client one', () => {
    const obi = sync(OBI);
    const adriane = sync(ADRIANE);
    expect([obi.status, adriane.status]).toEqual(['success', 'success']);
    expect([obi.calls.ingest, adriane.calls.ingest]).toEqual([0, 0]);
    expect(obi.counts.written + adriane.counts.written).toBe(0);
  });

  test('the totals the sheets carry agree with the day rows, and nothing is stale or duplicated', async () => {
    const obi = sync(OBI);
    expect(obi.totals_check.length).toBeGreaterThan(0);
    expect(obi.totals_check.filter((t) => t.status === 'mismatch')).toEqual([]);
    expect(await integrity(stack.db)).toEqual({ stale: 0, duplicates: 0 });
  });
});
