// Review of issue 13 ("LockService.getUserLock() against the same user's overlapping runs"): in the BUILT add-on,
// the same user presses Sync now in a second tab while the first run is sending. The second run must step aside on
// the USER lock — before any call to the database, lease included — and the first run completes alone. The bundle
// must never touch the document lock (null in a Workspace add-on) or the script lock (it would serialise everyone).
import type { AddonSession } from '../../tools/lib/addon-session';
import { fixtureSeeds } from '../bundle/support/fixture-seeds';
import { confirmDefaults, createSharedState, dbDays, integrity, runs, startSyncStack, type SyncStack } from '../bundle/support/sync-stack';

let stack: SyncStack;
beforeAll(async () => {
  stack = await startSyncStack();
});
afterAll(() => stack?.stop());

const title = (pressed: { card: { header?: unknown } | null }) => (pressed.card?.header as { title?: string } | undefined)?.title ?? null;

test('given Ann’s own run sending its batch, when Ann clicks Sync now in another tab, then that run steps aside on her user lock with no database call', async () => {
  const { obi } = await fixtureSeeds();
  const shared = createSharedState();
  const tab1 = stack.user({ seed: obi, email: 'ann@kamdental.example', sharedState: shared });
  confirmDefaults(tab1);
  const tab2 = stack.user({ seed: obi, email: 'ann@kamdental.example', sharedState: shared, configure: false });
  let second: ReturnType<AddonSession['click']> | null = null;
  let callsBefore = 0;
  stack.hook = (_request, fn) => {
    if (fn === 'sync_ingest' && second === null) {
      callsBefore = tab2.runtime.urlFetch.calls.length;
      second = { fn: 'pending', response: null, data: {}, card: null, notification: null, text: '' };
      second = tab2.click('onSyncNow');
    }
  };
  const first = tab1.click('onSyncNow');
  stack.hook = null;

  expect(title(first)).toBe('Synced');
  expect(second!.notification).toBe(
    'Production Sync: Another sync you started (in another tab, or the hourly sync) is still running; this one stepped aside. Try again in a minute.',
  );
  expect(tab2.runtime.urlFetch.calls.length - callsBefore).toBe(0);
  expect(await dbDays(stack.db)).toHaveLength(60);
  expect(await integrity(stack.db)).toEqual({ stale: 0, duplicates: 0 });
  for (const tab of [tab1, tab2]) {
    const counts = tab.runtime.callCounts();
    expect([counts['LockService.getDocumentLock'], counts['LockService.getScriptLock']]).toEqual([undefined, undefined]);
  }
  expect(tab2.runtime.callCounts()['LockService.getUserLock']).toBeGreaterThanOrEqual(1);
  // The first run released the lock: the next click is not refused.
  expect(title(tab2.click('onSyncNow'))).toBe('Synced');
  expect((await runs(stack.db)).map((r) => r.status)).toEqual(['success', 'success']);
});
