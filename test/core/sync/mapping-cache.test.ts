import fc from 'fast-check';
import { demoDirectory } from '../../../src/core/demo-practice';
import type { Directory } from '../../../src/core/directory';
import { splitByBytes, utf8Bytes, DEFAULT_MAX_ENTRY_BYTES } from '../../../src/core/sync/chunked-json';
import { getMapping, MappingCache, refreshMappings, type CachedMapping } from '../../../src/core/sync/mapping-cache';
import { mappingChunkKey, mappingManifestKey } from '../../../src/core/sync/store-keys';
import { createSyncApi } from '../../../src/core/sync/sync-api';
import { CountingStore, FakeClock, FakeSyncServer, TOKEN } from './fakes';

const SID = '1multibyteSheet_ÄÖÜ_0123456789abcdefghijklmnop';

/** A directory far over one property value: 300 providers with multibyte names and aliases. */
function bigDirectory(): Directory {
  const d = demoDirectory();
  for (let i = 0; i < 300; i++)
    d.providers.push({ code: `prov_${i}`, name: `Dr. Ọbịnna Ézèjí 🦷 ${i}`, kind: 'dentist', aliases: [`Dr. Öbi ${i}`, `歯科医 ${i}`, `Обинна ${i}`] });
  return { ...d, version: 'v-big' };
}

function mapping(directory: Directory): CachedMapping {
  return {
    spreadsheet_id: SID,
    directory,
    binding: { spreadsheet_id: SID, provider_code: 'obinna_ezeji', default_location_code: null, column_overrides: { 'humble production': 'location:HUMBLE_MAIN' }, updated_at: '2026-11-25T00:00:00Z' },
    scope: { provider_codes: null, location_codes: null },
    fetched_at: 1,
  };
}

describe('MappingCache', () => {
  test('given a directory over 9 KB with multibyte names, when written, then one setAll stores chunks whose key+value stay under 8,000 UTF-8 bytes', () => {
    const store = new CountingStore();
    const m = mapping(bigDirectory());
    new MappingCache(store).write(m);
    expect(store.calls).toEqual({ get: 0, getAll: 1, set: 0, setAll: 1, delete: 0 });
    const manifest = JSON.parse(store.data[mappingManifestKey(SID)]);
    expect(manifest.version).toBe('v-big');
    expect(manifest.chunks).toBeGreaterThan(5);
    expect(manifest.bytes).toBe(Buffer.byteLength(JSON.stringify(m), 'utf8'));
    for (let i = 0; i < manifest.chunks; i++) {
      const key = mappingChunkKey(SID, i);
      expect(Buffer.byteLength(key, 'utf8') + Buffer.byteLength(store.data[key], 'utf8')).toBeLessThanOrEqual(DEFAULT_MAX_ENTRY_BYTES);
    }
  });

  test('given a cached mapping, when read twice in a run, then the first read costs one getAll and the second none', () => {
    const store = new CountingStore();
    const m = mapping(bigDirectory());
    new MappingCache(store).write(m);
    store.calls = { get: 0, getAll: 0, set: 0, setAll: 0, delete: 0 };
    const cache = new MappingCache(store);
    expect(cache.read(SID)).toEqual(m);
    expect(store.reads()).toBe(1);
    expect(cache.read(SID)).toEqual(m);
    expect(store.reads()).toBe(1);
  });

  test('given a chunk altered behind the cache, when read, then the checksum makes it a miss and the server is asked again', () => {
    const clock = new FakeClock();
    const server = new FakeSyncServer(clock);
    const store = new CountingStore();
    const api = createSyncApi(server, TOKEN);
    expect(getMapping({ api, cache: new MappingCache(store), clock }, SID).ok).toBe(true);
    const key = mappingChunkKey(SID, 0);
    store.data[key] = store.data[key].replace('Humble', 'Humblf');
    const again = getMapping({ api, cache: new MappingCache(store), clock }, SID);
    expect(again.ok && again.value.origin).toBe('server');
    expect(server.count('sync_directory')).toBe(2);
  });

  test('given a shorter mapping written over a longer one, when written, then the chunks left over are deleted', () => {
    const store = new CountingStore();
    const cache = new MappingCache(store);
    cache.write(mapping(bigDirectory()));
    const before = JSON.parse(store.data[mappingManifestKey(SID)]).chunks;
    cache.write(mapping({ ...demoDirectory(), version: 'v-small' }));
    expect(JSON.parse(store.data[mappingManifestKey(SID)]).chunks).toBe(1);
    expect(store.calls.delete).toBe(before - 1);
    expect(Object.keys(store.data).filter((k) => k.startsWith(`ps.map.${SID}.`)).sort()).toEqual([mappingChunkKey(SID, 0), mappingManifestKey(SID)].sort());
    expect(new MappingCache(store).read(SID)?.directory.version).toBe('v-small');
  });

  test('given the scheduled refresh, when run for two spreadsheets, then each is fetched and cached and failures are reported', () => {
    const clock = new FakeClock();
    const server = new FakeSyncServer(clock);
    const store = new CountingStore();
    const cache = new MappingCache(store);
    server.faults.push({ fn: 'sync_directory', times: 1, error: { kind: 'network', status: null, message: 'reset' } });
    const out = refreshMappings({ api: createSyncApi(server, TOKEN), cache, clock }, ['sheet-a', 'sheet-b']);
    expect(out.map((o) => [o.spreadsheet_id, o.ok, o.directory_version])).toEqual([
      ['sheet-a', false, null],
      ['sheet-b', true, 'v1'],
    ]);
    expect(out[0].message).toBe('Could not reach Supabase: check your connection and Settings → Supabase URL, then sync again.');
    expect(new MappingCache(store).read('sheet-b')?.directory.version).toBe('v1');
  });
});

describe('splitByBytes', () => {
  test('never splits a code point, keeps every entry within the budget and joins back to the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 30, max: 200 }), (text, budget) => {
        const key = (i: number) => `k.${i}`;
        const chunks = splitByBytes(text, key, budget);
        expect(chunks.join('')).toBe(text);
        chunks.forEach((c, i) => expect(utf8Bytes(key(i)) + utf8Bytes(c)).toBeLessThanOrEqual(budget));
        for (const c of chunks) expect(c).toBe(Buffer.from(c, 'utf8').toString('utf8'));
      }),
    );
  });

  test('counts UTF-8 bytes, not UTF-16 units: four emoji of 4 bytes each need two chunks of a 12-byte budget', () => {
    expect(splitByBytes('🦷🦷🦷🦷', () => 'kk', 12)).toEqual(['🦷🦷', '🦷🦷']);
  });
});
