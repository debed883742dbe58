// Issue 13's "done when", at the core level: runSync through the real client, stand-in and PostgreSQL, each
// test in its own database, each asserting on what the DATABASE holds.
import type { HttpClient, HttpResponse } from '../../../src/core/ports';
import { httpTransportError } from '../../../src/core/postgrest/transport-error';
import { closeSyncHttp } from '../../../tools/gas-runtime';
import { reseed } from '../../../tools/reseed';
import { sql } from '../../support/db';
import { days, monthTab } from './fakes';
import { standardTabs } from './harness';
import { addOn, dbDays, integrity, reseedNow, sheetDays, startRealStack, type RealStack } from './real-stack';

const SID = '1RealStackSheet_0123456789abcdefghijklmnopq';

describe('runSync on the real local stack', () => {
  let stack: RealStack;
  beforeEach(async () => {
    stack = await startRealStack();
  });
  afterEach(async () => {
    await stack?.stop();
  });
  afterAll(() => closeSyncHttp());

  test('a full sync writes every sheet row; the re-sync writes nothing and sends no ingest call', async () => {
    const tabs = standardTabs();
    const a = addOn(stack, SID, tabs);
    const first = a.sync();
    expect(first.status).toBe('success');
    expect(first.counts).toEqual({ written: 62, unchanged: 0, skipped: 1, rejected: 0, deleted: 0 });
    expect(first.database_totals).toHaveLength(8); // Sep, Oct: Humble; Nov: Humble and Baytown; × production and hours
    expect(first.database_totals.filter((t) => t.status !== 'agree')).toEqual([]);
    expect(await dbDays(stack.db)).toEqual(sheetDays(tabs));
    const [run] = await sql(stack.db, `select status, trigger, written, skipped, self_healed, addon_version from public.sync_runs`);
    expect(run).toEqual({ status: 'success', trigger: 'manual', written: 62, skipped: 1, self_healed: false, addon_version: '0.1.0-real-stack' });
    const stamps = await sql(stack.db, `select updated_at from public.production_days order by work_date, location_id`);

    const again = a.sync();
    expect(again.status).toBe('success');
    expect(again.calls.ingest).toBe(0);
    expect(again.calls.rpc).toEqual({ sync_lease: 2, sync_plan: 1, sync_record_run: 1 });
    expect(again.counts).toEqual({ written: 0, unchanged: 62, skipped: 1, rejected: 0, deleted: 0 });
    expect(await sql(stack.db, `select updated_at from public.production_days order by work_date, location_id`)).toEqual(stamps);
    expect(await sql(stack.db, `select count(*)::int as n from public.sync_runs`)).toEqual([{ n: 2 }]);
  });

  test('one edited cell updates exactly one row; a deleted sheet row removes its row', async () => {
    const tabs = standardTabs();
    const a = addOn(stack, SID, tabs);
    a.sync();
    a.source.tab('Oct-24').values[5][2] = '-1296.00';
    const edited = a.sync();
    expect(edited.calls.ingest).toBe(1);
    expect(edited.counts).toMatchObject({ written: 1, unchanged: 61, deleted: 0 });
    expect(edited.tabs.find((t) => t.tab === 'Oct-24')).toMatchObject({ state: 'sent', written: 1, unchanged: 21 });
    expect(await dbDays(stack.db)).toEqual(sheetDays(tabs));
    expect((await dbDays(stack.db)).find((d) => d.source_tab === 'Oct-24' && d.source_row === 6)?.verified_production).toBe('-1296');

    a.source.tab('Sep-24').values.splice(3, 1);
    const deleted = a.sync();
    expect(deleted.counts.deleted).toBe(1);
    expect(await dbDays(stack.db)).toEqual(sheetDays(tabs));
    expect(await dbDays(stack.db)).toHaveLength(61);
  });

  test.each([
    ['production emptied', false],
    ['production kept', true],
  ])('a reseed between runs (%s) leaves the next sync successful, self-healed, on current ids, without duplicates', async (_kind, keepData) => {
    const tabs = standardTabs();
    const a = addOn(stack, SID, tabs);
    a.sync();
    await reseed(stack.db.url, { keepData });
    const after = a.sync();
    expect(after.status).toBe('success');
    expect(after.self_healed).toBe(true);
    expect(after.counts.written).toBe(keepData ? 0 : 62);
    expect(await dbDays(stack.db)).toEqual(sheetDays(tabs));
    expect(await integrity(stack.db)).toEqual({ stale: 0, duplicates: 0 });
    const [run] = await sql(stack.db, `select status, self_healed from public.sync_runs order by recorded_at desc limit 1`);
    expect(run).toEqual({ status: 'success', self_healed: true });
  });

  test('a reseed between two batches of one run: no failed batch, no duplicate, no stale id', async () => {
    const tabs = standardTabs();
    const a = addOn(stack, SID, tabs);
    let ingests = 0;
    a.intercept((inner) => ({
      rpc: (fn, args) => {
        if (fn === 'sync_ingest' && ++ingests === 2) reseedNow(stack.db, false);
        return inner.rpc(fn, args);
      },
    }));
    const r = a.sync({ batch: { maxMonths: 1 } });
    expect(r.status).toBe('success');
    expect(r.batches.map((b) => b.outcome)).toEqual(['ok', 'ok', 'ok']);
    expect(r.self_healed).toBe(true);
    expect(await integrity(stack.db)).toEqual({ stale: 0, duplicates: 0 });
    // The reseed emptied the month sent first; the next sync's plan sends it again.
    const next = a.sync();
    expect(next.status).toBe('success');
    expect(next.calls.ingest).toBe(1);
    expect(await dbDays(stack.db)).toEqual(sheetDays(tabs));
  });

  test('production tables emptied behind the add-on: the plan, not local memory, makes the next sync restore them', async () => {
    const tabs = standardTabs();
    const a = addOn(stack, SID, tabs);
    a.sync();
    await sql(stack.db, 'truncate public.production_days, public.month_figures');
    const r = a.sync();
    expect(r.status).toBe('success');
    expect(r.counts.written).toBe(62);
    expect(await dbDays(stack.db)).toEqual(sheetDays(tabs));
  });

  test('two users syncing the same spreadsheet: while one holds the lease the other yields, and nothing is duplicated', async () => {
    const tabs = standardTabs();
    const a = addOn(stack, SID, tabs, 'user-a@laptop');
    const b = addOn(stack, SID, tabs, 'user-b@phone');
    let yielded: ReturnType<typeof b.sync> | null = null;
    a.intercept((inner) => ({
      rpc: (fn, args) => {
        if (fn === 'sync_ingest' && yielded === null) yielded = b.sync();
        return inner.rpc(fn, args);
      },
    }));
    const r = a.sync();
    expect(r.status).toBe('success');
    expect(yielded!.status).toBe('yielded');
    expect(yielded!.message).toMatch(/^Someone else is syncing this spreadsheet right now \(user-a@laptop, until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\); this run stepped aside\./);
    expect(await dbDays(stack.db)).toEqual(sheetDays(tabs));
    expect(await integrity(stack.db)).toEqual({ stale: 0, duplicates: 0 });
    expect(b.sync().status).toBe('success');
  });

  test('a batch at the default size (12 months, up to 600 rows) succeeds under the anon 3 s statement timeout', async () => {
    const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12'];
    const names = ['Jan-24', 'Feb-24', 'Mar-24', 'Apr-24', 'May-24', 'Jun-24', 'Jul-24', 'Aug-24', 'Sep-24', 'Oct-24', 'Nov-24', 'Dec-24'];
    const tabs = months.map((m, i) => monthTab(names[i], i + 1, [...days(m, 25), ...days(m, 25, 'BAYTOWN_MAIN')]));
    const a = addOn(stack, SID, tabs);
    const r = a.sync();
    expect(r.status).toBe('success');
    expect(r.batches.map((b) => [b.months, b.rows, b.outcome])).toEqual([[12, 600, 'ok']]);
    expect(await dbDays(stack.db)).toHaveLength(600);
  });
});

/** Fails chosen HTTP attempts of sync_ingest (counted from 1) the way the platform or Supabase would. */
function faultyIngest(fail: (attempt: number) => HttpResponse | 'network' | null) {
  let attempt = 0;
  return (inner: HttpClient): HttpClient => ({
    fetch(request) {
      if (!request.url.endsWith('/rpc/sync_ingest')) return inner.fetch(request);
      const fault = fail(++attempt);
      if (fault === 'network') throw httpTransportError('network', 'connect ECONNRESET');
      return fault ?? inner.fetch(request);
    },
  });
}

describe('runSync on the real local stack, with injected failures', () => {
  afterAll(() => closeSyncHttp());

  test.each([
    ['a 500', { status: 500, headers: {}, body: '{"code":"XX000","message":"internal error","details":null,"hint":null}' }],
    ['a 429', { status: 429, headers: { 'retry-after': '0' }, body: '' }],
    ['a statement timeout', { status: 500, headers: {}, body: '{"code":"57014","message":"canceling statement due to statement timeout","details":null,"hint":null}' }],
    ['a network failure', 'network' as const],
  ])('%s on the first ingest attempt is retried by the client and the run completes with nothing lost', async (_name, fault) => {
    const stack = await startRealStack({ wrapHttp: faultyIngest((n) => (n === 1 ? fault : null)) });
    try {
      const tabs = standardTabs();
      const r = addOn(stack, SID, tabs).sync();
      expect(r.status).toBe('success');
      expect(r.calls.ingest).toBe(1);
      expect(stack.client.stats.httpAttempts).toBe(r.calls.rpc_total + 1);
      expect(await dbDays(stack.db)).toEqual(sheetDays(tabs));
    } finally {
      await stack.stop();
    }
  });

  test('a batch that keeps failing is left unsent and reported; the other batches land; the next run sends it', async () => {
    let failing = true;
    const stack = await startRealStack({ wrapHttp: faultyIngest((n) => (failing && n >= 2 ? 'network' : null)) });
    try {
      const tabs = standardTabs();
      const a = addOn(stack, SID, tabs);
      const r = a.sync({ batch: { maxMonths: 1 } });
      expect(r.status).toBe('partial');
      expect(r.failed_months.map((f) => f.tab)).toEqual(['Oct-24', 'Sep-24']);
      expect((await dbDays(stack.db)).map((d) => d.source_tab)).toEqual(Array(20).fill('Nov-24'));
      const [run] = await sql(stack.db, `select status, written from public.sync_runs`);
      expect(run).toEqual({ status: 'partial', written: 20 });
      failing = false;
      const next = a.sync({ batch: { maxMonths: 1 } });
      expect(next.status).toBe('success');
      expect(next.calls.ingest).toBe(2);
      expect(await dbDays(stack.db)).toEqual(sheetDays(tabs));
    } finally {
      await stack.stop();
    }
  });
});
