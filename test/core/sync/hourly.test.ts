import { enrol, listEnrolled, unenrol, visitOrder, MAX_ENROLLED } from '../../../src/core/sync/enrolment';
import { runHourly, type HourlyDeps } from '../../../src/core/sync/hourly';
import { mappingManifestKey } from '../../../src/core/sync/store-keys';
import { memoryUserLock } from '../../../src/core/sync/user-lock';
import { CountingStore, FakeClock, FakeSource, FakeSyncServer, KEY, MemoryLogger, TOKEN, days, fakeUnderstand, monthTab, nodeHasher, workbook } from './fakes';

function hourly(opts: { authorized?: boolean } = {}) {
  const clock = new FakeClock();
  const server = new FakeSyncServer(clock);
  const store = new CountingStore();
  const logger = new MemoryLogger();
  const sources = new Map<string, FakeSource>();
  for (const id of ['sheet-a', 'sheet-b']) {
    server.bind(id, 'obinna_ezeji');
    sources.set(id, new FakeSource(workbook(id, `Dr. Obi ${id}`, [monthTab('Nov-24', 1, days('2024-11', 5)), monthTab('Oct-24', 2, days('2024-10', 4))])));
  }
  const opened: string[] = [];
  const deps: HourlyDeps = {
    api: server,
    token: TOKEN,
    store,
    sourceFor: (id) => {
      opened.push(id);
      const s = sources.get(id);
      if (!s) throw new Error('Requested entity was not found.');
      return s;
    },
    understand: fakeUnderstand().understand,
    hasher: nodeHasher,
    clock,
    lock: memoryUserLock(),
    holderId: 'user-a@trigger',
    addonVersion: '0.1.0-test',
    logger,
    secrets: [KEY],
    isAuthorized: () => opts.authorized ?? true,
  };
  return { clock, server, store, logger, deps, opened, sources };
}

describe('enrolment', () => {
  test('enrols, updates titles without duplicating, lists and removes', () => {
    const store = new CountingStore();
    enrol(store, 'a', 'Sheet A', '2026-11-25T01:00:00Z');
    enrol(store, 'b', 'Sheet B', '2026-11-25T02:00:00Z');
    enrol(store, 'a', 'Sheet A renamed', '2026-11-25T03:00:00Z');
    expect(listEnrolled(store).map((e) => [e.spreadsheet_id, e.title, e.enrolled_at])).toEqual([
      ['a', 'Sheet A renamed', '2026-11-25T01:00:00Z'],
      ['b', 'Sheet B', '2026-11-25T02:00:00Z'],
    ]);
    expect(unenrol(store, 'a').map((e) => e.spreadsheet_id)).toEqual(['b']);
    unenrol(store, 'b');
    expect(store.data).toEqual({});
  });

  test(`refuses more than ${MAX_ENROLLED} spreadsheets with a sentence`, () => {
    const store = new CountingStore();
    for (let i = 0; i < MAX_ENROLLED; i++) expect(enrol(store, `1${'x'.repeat(43)}${i}`, `Production sheet ${i}`, '2026-11-25T00:00:00Z').ok).toBe(true);
    expect(enrol(store, 'one-more', 'One more', '2026-11-25T00:00:00Z')).toEqual({ ok: false, message: `At most ${MAX_ENROLLED} spreadsheets can sync in the background; remove one first.` });
  });

  test('visits the never-visited first, then the least recently visited', () => {
    const order = visitOrder([
      { spreadsheet_id: 'a', title: '', enrolled_at: '1', last_visited_at: '2026-11-25T02:00:00Z' },
      { spreadsheet_id: 'b', title: '', enrolled_at: '2', last_visited_at: null },
      { spreadsheet_id: 'c', title: '', enrolled_at: '3', last_visited_at: '2026-11-25T01:00:00Z' },
    ]);
    expect(order.map((e) => e.spreadsheet_id)).toEqual(['b', 'c', 'a']);
  });
});

describe('runHourly', () => {
  test('given the add-on is no longer authorised, when the trigger fires, then nothing is read, called or written', () => {
    const h = hourly({ authorized: false });
    enrol(h.store, 'sheet-a', 'A', '2026-11-25T00:00:00Z');
    h.store.calls = { get: 0, getAll: 0, set: 0, setAll: 0, delete: 0 };
    expect(runHourly(h.deps).status).toBe('not_authorized');
    expect(h.server.calls).toEqual([]);
    expect(h.store.reads() + h.store.writes()).toBe(0);
  });

  test('given two enrolled spreadsheets, when the trigger fires, then mappings are refreshed and each is synced through its own source and recorded as hourly', () => {
    const h = hourly();
    enrol(h.store, 'sheet-a', 'A', '2026-11-25T00:00:00Z');
    enrol(h.store, 'sheet-b', 'B', '2026-11-25T00:00:01Z');
    const r = runHourly(h.deps);
    expect(r.status).toBe('done');
    expect(r.refreshed.map((x) => x.ok)).toEqual([true, true]);
    expect(r.visits.map((v) => [v.spreadsheet_id, v.status])).toEqual([
      ['sheet-a', 'success'],
      ['sheet-b', 'success'],
    ]);
    expect(h.opened).toEqual(['sheet-a', 'sheet-b']);
    expect([...h.sources.values()].map((s) => [s.describes, s.reads.length])).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(h.server.count('sync_directory')).toBe(2); // the refresh; the syncs then hit the cache
    expect(h.server.runs.map((x) => [x.sid, x.run.trigger, x.run.written])).toEqual([
      ['sheet-a', 'hourly', 9],
      ['sheet-b', 'hourly', 9],
    ]);
    expect(h.store.data[mappingManifestKey('sheet-a')]).toBeDefined();
    expect(listEnrolled(h.store).every((e) => e.last_visited_at !== null)).toBe(true);
  });

  test('given a spreadsheet that can no longer be opened, when the trigger fires, then the failure is recorded in sync_runs and the others still sync', () => {
    const h = hourly();
    enrol(h.store, 'gone', 'Deleted sheet', '2026-11-25T00:00:00Z');
    enrol(h.store, 'sheet-a', 'A', '2026-11-25T00:00:01Z');
    const r = runHourly(h.deps);
    expect(r.visits.map((v) => [v.spreadsheet_id, v.status])).toEqual([
      ['gone', 'failed'],
      ['sheet-a', 'success'],
    ]);
    const recorded = h.server.runs.find((x) => x.sid === 'gone')!.run;
    expect(recorded).toMatchObject({ status: 'failed', trigger: 'hourly' });
    expect(recorded.message).toBe(
      "The hourly sync could not open the spreadsheet (Requested entity was not found.): it may have been deleted, or the add-on's access to it removed. Open it and sync once to grant access again.",
    );
  });

  test('given too little time left for the next spreadsheet, it is deferred and first in line next hour', () => {
    const h = hourly();
    enrol(h.store, 'sheet-a', 'A', '2026-11-25T00:00:00Z');
    enrol(h.store, 'sheet-b', 'B', '2026-11-25T00:00:01Z');
    h.server.msPerCall.sync_ingest = 20_000;
    const r = runHourly(h.deps, { totalBudgetMs: 40_000, minSheetBudgetMs: 20_000, perSheetBudgetMs: 30_000 });
    expect(r.visits.map((v) => v.spreadsheet_id)).toEqual(['sheet-a']);
    expect(r.deferred).toEqual(['sheet-b']);
    expect(visitOrder(listEnrolled(h.store))[0].spreadsheet_id).toBe('sheet-b');
  });

  test('given nothing enrolled, the trigger does nothing', () => {
    const h = hourly();
    expect(runHourly(h.deps)).toEqual({ status: 'nothing_enrolled', refreshed: [], visits: [], deferred: [] });
    expect(h.server.calls).toEqual([]);
  });
});
