// Wiring for runSync tests: one bound spreadsheet of Dr. Obi's with month tabs, the fake server, counting store.
import type { SheetTab } from '../../../src/core/ports';
import { runSync, type SyncDeps, type SyncOptions, type SyncRunResult } from '../../../src/core/sync/run-sync';
import { memoryUserLock } from '../../../src/core/sync/user-lock';
import { CountingStore, FakeClock, FakeSource, FakeSyncServer, KEY, MemoryLogger, TOKEN, days, fakeUnderstand, monthTab, nodeHasher, workbook } from './fakes';

export const SID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEF';

export function standardTabs(): SheetTab[] {
  return [
    monthTab('Sep-24', 1, days('2024-09', 20)),
    monthTab('Oct-24', 2, days('2024-10', 22)),
    monthTab('Nov-24', 3, [...days('2024-11', 18), [null, '', '', ''], ...days('2024-11', 2, 'BAYTOWN_MAIN').map((d): [string, string, string, string] => [d[0]!.replace(/-0(\d)$/, '-2$1'), d[1], d[2], d[3]])]),
    { name: 'Summary', sheetId: 9, values: [['Total'], [123]] },
  ];
}

export function setup(opts: { tabs?: SheetTab[]; bound?: boolean; detected?: Parameters<typeof fakeUnderstand>[0] } = {}) {
  const clock = new FakeClock();
  const server = new FakeSyncServer(clock);
  if (opts.bound !== false) server.bind(SID, 'obinna_ezeji');
  const source = new FakeSource(workbook(SID, 'Dr. Obi production', opts.tabs ?? standardTabs()));
  const store = new CountingStore();
  const logger = new MemoryLogger();
  const lock = memoryUserLock();
  const u = fakeUnderstand(opts.detected);
  const deps: SyncDeps = {
    api: server,
    token: TOKEN,
    store,
    source,
    understand: u.understand,
    hasher: nodeHasher,
    clock,
    lock,
    holderId: 'user-a@device-1',
    addonVersion: '0.1.0-test',
    logger,
    secrets: [KEY],
  };
  const sync = (options: SyncOptions = {}): SyncRunResult => runSync(deps, options);
  return { clock, server, source, store, logger, lock, deps, sync, understandCalls: u.calls };
}

/** Sum of a per-tab figure across a result. */
export function tabFigure(result: SyncRunResult, tab: string) {
  const t = result.tabs.find((x) => x.tab === tab);
  if (!t) throw new Error(`no tab ${tab} in result`);
  return t;
}
