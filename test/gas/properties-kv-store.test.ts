// The KeyValueStore adapter over the runtime's PropertiesService fake (string-only values, 9 KB per value,
// 500 KB per store, call counts), and the proof that secrets and sync state only ever reach USER properties.
import { demoDirectory } from '../../src/core/demo-practice';
import { MappingCache } from '../../src/core/sync/mapping-cache';
import { runSync } from '../../src/core/sync/run-sync';
import { saveSettings, loadSettings } from '../../src/core/sync/settings';
import { enrol } from '../../src/core/sync/enrolment';
import { memoryUserLock } from '../../src/core/sync/user-lock';
import { PropertiesKvStore, userPropertiesStore, type PropertiesServiceLike } from '../../src/gas/properties-kv-store';
import { createGasRuntime } from '../../tools/gas-runtime';
import { FakeClock, FakeSource, FakeSyncServer, MemoryLogger, days, fakeUnderstand, monthTab, nodeHasher, workbook } from '../core/sync/fakes';

const service = (runtime: ReturnType<typeof createGasRuntime>) => runtime.properties as unknown as PropertiesServiceLike;

describe('PropertiesKvStore', () => {
  test('reads null for a missing key, round-trips values, and maps getAll/setAll to one getProperties/setProperties each', () => {
    const runtime = createGasRuntime();
    const store = userPropertiesStore(service(runtime));
    expect(store.get('nope')).toBeNull();
    runtime.resetCallCounts();
    store.setAll({ a: '1', b: 'zwei', c: '🦷' });
    expect(store.getAll()).toEqual({ a: '1', b: 'zwei', c: '🦷' });
    store.set('a', 'one');
    store.delete('b');
    expect(store.getAll()).toEqual({ a: 'one', c: '🦷' });
    expect(runtime.callCounts()).toEqual({
      'PropertiesService.getUserProperties().setProperties': 1,
      'PropertiesService.getUserProperties().getProperties': 2,
      'PropertiesService.getUserProperties().setProperty': 1,
      'PropertiesService.getUserProperties().deleteProperty': 1,
    });
  });

  test('setAll keeps the keys it does not name (deleteAllOthers is false)', () => {
    const runtime = createGasRuntime({ properties: { user: { keep: 'me' } } });
    const store = userPropertiesStore(service(runtime));
    store.setAll({ x: 'y' });
    expect(store.getAll()).toEqual({ keep: 'me', x: 'y' });
  });

  test('a mapping far over 9 KB is chunked within the real per-value limit and reads back equal', () => {
    const runtime = createGasRuntime();
    const directory = demoDirectory();
    for (let i = 0; i < 200; i++) directory.providers.push({ code: `p${i}`, name: `Dr. Ọbịnna ${i} 🦷`, kind: 'dentist', aliases: [`歯科医 ${i}`, `Обинна ${i}`] });
    const mapping = { spreadsheet_id: 'sid', directory, binding: null, scope: { provider_codes: null, location_codes: null }, fetched_at: 5 };
    expect(new MappingCache(new PropertiesKvStore(runtime.properties.getUserProperties() as never)).write(mapping)).toBe(true);
    expect(new MappingCache(userPropertiesStore(service(runtime))).read('sid')).toEqual(mapping);
  });
});

describe('secrets stay in USER properties', () => {
  test('given settings saved and a full sync, enrolment and mapping cache, then script properties receive nothing at all', () => {
    const runtime = createGasRuntime();
    const user = userPropertiesStore(service(runtime));
    const token = 'pst_live_0123456789abcdefghij';
    const key = 'sb_publishable_AbC123_xyz-789QWE';
    expect(saveSettings(user, { restUrl: 'https://abcdefghijklmnop.supabase.co', publishableKey: key, syncToken: token }).ok).toBe(true);
    const settings = loadSettings(user)!;

    const clock = new FakeClock();
    const server = new FakeSyncServer(clock);
    const api = { rpc: <T>(fn: string, args: Record<string, unknown>) => server.rpc<T>(fn, { ...args, p_token: args.p_token === token ? 'pst_test_TOKEN_0123456789abcdef' : args.p_token }) };
    server.bind('sid', 'obinna_ezeji');
    const r = runSync({
      api,
      token: settings.syncToken,
      store: user,
      source: new FakeSource(workbook('sid', 'Dr. Obi', [monthTab('Nov-24', 1, days('2024-11', 3))])),
      understand: fakeUnderstand().understand,
      hasher: nodeHasher,
      clock,
      lock: memoryUserLock(),
      holderId: 'u',
      addonVersion: 't',
      logger: new MemoryLogger(),
      secrets: [settings.publishableKey],
    });
    expect(r.status).toBe('success');
    enrol(user, 'sid', 'Dr. Obi', '2026-11-25T00:00:00Z');

    const counts = runtime.callCounts();
    expect(Object.keys(counts).filter((k) => k.startsWith('PropertiesService.getScriptProperties'))).toEqual([]);
    expect(runtime.properties.getScriptProperties().getProperties()).toEqual({});
    const userValues = JSON.stringify(runtime.properties.getUserProperties().getProperties());
    expect(userValues).toContain(token);
    expect(JSON.stringify(server.runs)).not.toContain(token);
  });
});
