// Runs with more than one ingest batch, in the built add-on against the real stack: a year of Dr. Obi's months
// (13 tabs, 776 rows: more than one batch of 12 months / 600 rows). A reseed between two batches of one run, a run
// that runs out of its time budget and resumes, and two users syncing the same spreadsheet at once.
import type { SpreadsheetSeed } from '../../tools/gas-runtime';
import type { AddonSession } from '../../tools/lib/addon-session';
import { sql } from '../support/db';
import { fixtureSeeds, obiYear } from './support/fixture-seeds';
import { confirmDefaults, createSharedState, dbDays, ingestCalls, integrity, reseedNow, runs, startSyncStack, type SyncStack } from './support/sync-stack';

let stack: SyncStack;
let year: SpreadsheetSeed;
let expected: Awaited<ReturnType<typeof dbDays>>;

const title = (pressed: { card: { header?: unknown } | null }) => (pressed.card?.header as { title?: string } | undefined)?.title ?? null;

beforeAll(async () => {
  stack = await startSyncStack();
  year = obiYear((await fixtureSeeds()).obi, 13);
  const first = stack.user({ seed: year });
  confirmDefaults(first);
  expect(title(first.click('onSyncNow'))).toBe('Synced');
  expect(ingestCalls(first)).toBe(2);
  expected = await dbDays(stack.db);
  expect(expected).toHaveLength(776);
});
afterAll(() => stack?.stop());

beforeEach(async () => {
  stack.hook = null;
  await sql(stack.db, 'truncate public.production_days, public.month_figures, public.sync_runs');
});

describe('a reseed between two batches of one run', () => {
  test.each([
    ['ids only (--keep-data)', true],
    ['ids and emptied production tables', false],
  ])('given a reseed (%s) before the second batch, then no batch fails, no row is duplicated or on a stale id, the run says it self-healed, and the next sync completes the rest', async (_kind, keepData) => {
    const user = stack.user({ seed: year });
    let ingests = 0;
    stack.hook = (_request, fn) => {
      if (fn === 'sync_ingest' && ++ingests === 2) reseedNow(stack.db, keepData);
    };
    const during = user.click('onSyncNow');
    expect(title(during)).toBe('Synced');
    expect(during.text).not.toMatch(/could not be sent/);
    expect(await integrity(stack.db)).toEqual({ stale: 0, duplicates: 0 });
    const [record] = await runs(stack.db);
    expect([record.status, record.self_healed, record.written]).toEqual(['success', true, 776]);
    // The emptying reseed removed what the first batch wrote; the next run's plan (not local memory) sends it again.
    stack.hook = null;
    const after = user.click('onSyncNow');
    expect(title(after)).toBe('Synced');
    expect(ingestCalls(user)).toBe(keepData ? 2 : 3);
    expect(await dbDays(stack.db)).toEqual(expected);
    expect(await integrity(stack.db)).toEqual({ stale: 0, duplicates: 0 });
  });
});

describe('the time budget', () => {
  test('given ingest calls slow enough that the 25 s budget runs out after one batch, then the card offers Continue, and Continue sends the rest', async () => {
    const user = stack.user({ seed: year });
    stack.hook = (_request, fn) => {
      if (fn === 'sync_ingest') stack.clock.advance(12_000); // the runtime's clock: the add-on sees 12 s pass
    };
    const first = user.click('onSyncNow');
    expect(title(first)).toBe('Partly synced');
    expect(first.notification).toMatch(/Time ran out with 3 month\(s\) left \(Jan-25, Dec-24, Nov-24\); sync again to finish\.$/);
    expect(first.text).toContain('[Continue → onSyncNow]');
    expect((await dbDays(stack.db)).length).toBe(596);
    const home = user.homepage();
    expect(home.text).toContain('A sync ran out of time last time: Continue sends the rest.');
    const resumed = user.press(home.data, 'Continue');
    expect(title(resumed)).toBe('Synced');
    expect(resumed.notification).toMatch(/Resumed a sync started at /);
    expect(resumed.text).not.toContain('[Continue → onSyncNow]');
    expect(await dbDays(stack.db)).toEqual(expected);
    expect((await runs(stack.db)).map((r) => [r.status, r.written])).toEqual([
      ['partial', 596],
      ['success', 180],
    ]);
  });
});

describe('two users at once', () => {
  test('given Bea clicks Sync now while Ann’s run is sending its first batch, then Bea’s run steps aside on the server lease and nothing is duplicated', async () => {
    const shared = createSharedState();
    const ann = stack.user({ seed: year, email: 'ann@kamdental.example', sharedState: shared });
    const bea = stack.user({ seed: year, email: 'bea@kamdental.example', sharedState: shared });
    let beaSaw: ReturnType<AddonSession['click']> | null = null;
    stack.hook = (_request, fn) => {
      if (fn === 'sync_ingest' && beaSaw === null) {
        beaSaw = { fn: 'pending', response: null, data: {}, card: null, notification: null, text: '' };
        beaSaw = bea.click('onSyncNow');
      }
    };
    const annSaw = ann.click('onSyncNow');
    expect(title(annSaw)).toBe('Synced');
    expect(title(beaSaw!)).toBe('Stepped aside');
    expect(beaSaw!.notification).toMatch(/^Production Sync: Someone else is syncing this spreadsheet right now/);
    expect(ingestCalls(bea)).toBe(0);
    expect(await dbDays(stack.db)).toEqual(expected);
    expect(await integrity(stack.db)).toEqual({ stale: 0, duplicates: 0 });
    expect((await runs(stack.db)).map((r) => r.status).sort()).toEqual(['success', 'yielded']);
  });
});
