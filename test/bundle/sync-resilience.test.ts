// The built add-on against the real stack when things go wrong between or during calls: injected 500 / 429 /
// timeout / network failures on the ingest call, a run that cannot get through at all, and both kinds of reseed
// between two runs. Each test starts from emptied production tables, so its run has rows to send; every test
// asserts what the DATABASE holds.
import type { SpreadsheetSeed } from '../../tools/gas-runtime';
import type { AddonSession } from '../../tools/lib/addon-session';
import { reseed } from '../../tools/reseed';
import { sql } from '../support/db';
import { DEMO_TOKEN } from '../support/db-payloads';
import { fixtureSeeds } from './support/fixture-seeds';
import { confirmDefaults, dbDays, fault, ingestCalls, integrity, runs, startSyncStack, type SyncStack } from './support/sync-stack';

let stack: SyncStack;
let obi: SpreadsheetSeed;
let expected: Awaited<ReturnType<typeof dbDays>>;

beforeAll(async () => {
  stack = await startSyncStack();
  ({ obi } = await fixtureSeeds());
  const first = stack.user({ seed: obi });
  confirmDefaults(first);
  first.click('onSyncNow');
  expected = await dbDays(stack.db);
  expect(expected).toHaveLength(60);
});
afterAll(() => stack?.stop());

beforeEach(async () => {
  stack.hook = null;
  await sql(stack.db, 'truncate public.production_days, public.month_figures, public.sync_runs');
});

const title = (user: AddonSession, fn = 'onSyncNow') => {
  const pressed = user.click(fn);
  return { pressed, title: (pressed.card?.header as { title?: string } | undefined)?.title ?? null };
};

describe('injected failures on the ingest call', () => {
  test.each([
    ['HTTP 500', 500],
    ['HTTP 429', 429],
    ['a timeout', 'timeout'],
    ['a network failure', 'network'],
  ] as const)('given %s once, when synced, then the client retries and the run completes with every row', async (_name, kind) => {
    const user = stack.user({ seed: obi });
    let failures = 1;
    stack.hook = (request, fn) => (fn === 'sync_ingest' && failures-- > 0 ? fault(user, kind, request.url) : undefined);
    const { pressed, title: status } = title(user);
    expect(status).toBe('Synced');
    expect(pressed.notification).toBe('Production Sync: 60 row(s) written, 0 unchanged, 0 skipped, 0 rejected, 0 deleted.');
    expect(ingestCalls(user)).toBe(2);
    expect(await dbDays(stack.db)).toEqual(expected);
    expect((await runs(stack.db)).map((r) => r.status)).toEqual(['success']);
  });

  test('given the ingest call failing every time, when synced, then the run reports the month not sent, and the next run sends it', async () => {
    const user = stack.user({ seed: obi });
    stack.hook = (request, fn) => (fn === 'sync_ingest' ? fault(user, 500, request.url) : undefined);
    const failed = title(user);
    expect(failed.title).toBe('Not synced');
    expect(failed.pressed.notification).toMatch(/^Production Sync: 0 row\(s\) written, 0 unchanged, 0 skipped, 0 rejected, 0 deleted\. 1 month\(s\) could not be sent \(Nov-24\); the next run sends them\./);
    expect(await dbDays(stack.db)).toEqual([]);
    stack.hook = null;
    expect(title(user).title).toBe('Synced');
    expect(await dbDays(stack.db)).toEqual(expected);
    expect((await runs(stack.db)).map((r) => r.status)).toEqual(['failed', 'success']);
  });
});

describe('a reseed between two runs', () => {
  test.each([
    ['ids only (--keep-data)', true],
    ['ids and emptied production tables', false],
  ])('given a reseed (%s) after a sync, when synced again with no manual step, then it succeeds, self-heals, and the rows are the sheet’s on current ids', async (_kind, keepData) => {
    const user = stack.user({ seed: obi });
    expect(title(user).title).toBe('Synced');
    await reseed(stack.db.url, { keepData });
    const again = title(user);
    expect(again.title).toBe('Synced');
    expect(again.pressed.text).toContain('The database was reseeded since the last sync: the add-on refreshed its mapping by itself.');
    expect(ingestCalls(user)).toBe(keepData ? 1 : 2); // kept rows are unchanged by content: nothing to send
    expect(await dbDays(stack.db)).toEqual(expected);
    expect(await integrity(stack.db)).toEqual({ stale: 0, duplicates: 0 });
    expect((await runs(stack.db)).map((r) => [r.status, r.self_healed, r.written])).toEqual([
      ['success', false, 60],
      ['success', true, keepData ? 0 : 60],
    ]);
  });
});

describe('Refresh mappings', () => {
  test('given a reseed, when mappings are refreshed, then the next sync needs no directory call and heals nothing', async () => {
    const user = stack.user({ seed: obi });
    expect(title(user).title).toBe('Synced');
    await reseed(stack.db.url, { keepData: true });
    const refreshed = user.press(user.homepage().data, 'Refresh mappings');
    expect(refreshed.notification).toBe('Production Sync: mappings refreshed (1 spreadsheet).');
    const before = user.runtime.urlFetch.calls.length;
    const synced = title(user);
    expect(synced.title).toBe('Synced');
    expect(user.runtime.urlFetch.calls.slice(before).map((c) => c.url.split('/').pop())).toEqual(['sync_lease', 'sync_plan', 'sync_lease', 'sync_record_run']);
    expect((await runs(stack.db)).map((r) => r.self_healed)).toEqual([false, false]);
    expect(await dbDays(stack.db)).toEqual(expected);
  });
});

describe('secrets', () => {
  test('the token and key are never in script properties, logs, cards or sync_runs', async () => {
    const user = stack.user({ seed: obi });
    const texts = [user.click('onOpenSettings').text, user.homepage().text, title(user).pressed.text, user.click('onTestConnection').text];
    stack.hook = (request, fn) => (fn === 'sync_plan' ? fault(user, 500, request.url) : undefined);
    texts.push(title(user).pressed.text);
    const secrets = [DEMO_TOKEN, stack.publishableKey];
    const leaks = (text: string) => secrets.filter((s) => text.includes(s));
    expect(texts.flatMap(leaks)).toEqual([]);
    expect(texts.join('\n')).toContain('saved ••••');
    expect([...(user.runtime.sharedState.propertyStores.get('script') ?? new Map()).keys()]).toEqual([]);
    expect(user.runtime.consoleEntries.flatMap((e) => leaks(e.message))).toEqual([]);
    expect(user.runtime.logLines.flatMap((l) => leaks(String(l)))).toEqual([]);
    const recorded = await sql(stack.db, 'select row_to_json(r)::text as t from public.sync_runs r');
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.flatMap((r) => leaks(r.t))).toEqual([]);
    // Where they do live: this user's own properties.
    const userStore = user.runtime.sharedState.propertyStores.get('user:ann@kamdental.example')!;
    expect([...userStore.values()].filter((v) => secrets.includes(v))).toHaveLength(2);
  });
});
