// Binding + directory per spreadsheet, cached in the User store (document properties are undocumented for
// Workspace add-ons: DESIGN principle 4). Chunked under the property entry limit with a manifest, written with ONE
// setAll, read with ONE getAll per run and then from memory. The cache is never the only copy of anything: the
// server is the truth, and every way the cache can be wrong (reseed, new alias, torn write) leads to a refetch.
import type { Clock, KeyValueStore } from '../ports';
import { readChunkedJson, readManifest, utf8Bytes, writeChunkedJson, DEFAULT_MAX_ENTRY_BYTES, type ChunkKeys } from './chunked-json';
import { SnapshotStore } from './store-snapshot';
import { mappingChunkKey, mappingManifestKey } from './store-keys';
import { failureMessage, type DirectoryValue, type SyncApi, type SyncApiResult } from './sync-api';

export interface CachedMapping extends DirectoryValue {
  spreadsheet_id: string;
  fetched_at: number; // epoch ms
}

export interface MappingCacheOptions {
  maxEntryBytes?: number;
  /** Above this the mapping is not cached (the store holds 500 KB in all); the run still works from the server. */
  maxTotalBytes?: number;
}

export class MappingCache {
  private readonly store: SnapshotStore;
  private readonly memo = new Map<string, CachedMapping | null>();

  constructor(store: KeyValueStore, private readonly options: MappingCacheOptions = {}) {
    this.store = store instanceof SnapshotStore ? store : new SnapshotStore(store);
  }

  read(spreadsheetId: string): CachedMapping | null {
    if (this.memo.has(spreadsheetId)) return this.memo.get(spreadsheetId) as CachedMapping | null;
    const hit = readChunkedJson<CachedMapping>(this.store.getAll(), keysFor(spreadsheetId));
    const value = hit && hit.value.spreadsheet_id === spreadsheetId && hit.value.directory?.version === hit.manifest.version ? hit.value : null;
    this.memo.set(spreadsheetId, value);
    return value;
  }

  /** False when the mapping is too large to cache; the caller goes on with the value it has. */
  write(mapping: CachedMapping): boolean {
    const keys = keysFor(mapping.spreadsheet_id);
    const previous = readManifest(this.store.getAll(), keys);
    if (utf8Bytes(JSON.stringify(mapping)) > (this.options.maxTotalBytes ?? 200_000)) {
      this.invalidate(mapping.spreadsheet_id);
      this.memo.set(mapping.spreadsheet_id, mapping);
      return false;
    }
    writeChunkedJson(this.store, keys, mapping.directory.version, mapping, mapping.fetched_at, this.options.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES, previous);
    this.memo.set(mapping.spreadsheet_id, mapping);
    return true;
  }

  /** Drops the manifest (chunks without a manifest read as a miss and are overwritten by the next write). */
  invalidate(spreadsheetId: string): void {
    if (this.store.get(mappingManifestKey(spreadsheetId)) !== null) this.store.delete(mappingManifestKey(spreadsheetId));
    this.memo.delete(spreadsheetId);
  }
}

function keysFor(spreadsheetId: string): ChunkKeys {
  return { manifest: mappingManifestKey(spreadsheetId), chunk: (i) => mappingChunkKey(spreadsheetId, i) };
}

export interface MappingDeps {
  api: SyncApi;
  cache: MappingCache;
  clock: Clock;
}

export type MappingOrigin = 'cache' | 'server';

/** The cached mapping, or the server's (then cached) on a miss. */
export function getMapping(deps: MappingDeps, spreadsheetId: string): SyncApiResult<{ mapping: CachedMapping; origin: MappingOrigin }> {
  const cached = deps.cache.read(spreadsheetId);
  if (cached) return { ok: true, value: { mapping: cached, origin: 'cache' } };
  const fresh = refreshMapping(deps, spreadsheetId);
  return fresh.ok ? { ok: true, value: { mapping: fresh.value, origin: 'server' } } : fresh;
}

/** Always asks the server (sync_directory) and rewrites the cache. On failure the stale entry is dropped. */
export function refreshMapping(deps: MappingDeps, spreadsheetId: string): SyncApiResult<CachedMapping> {
  const r = deps.api.directory(spreadsheetId);
  if (!r.ok) {
    deps.cache.invalidate(spreadsheetId);
    return r;
  }
  const mapping: CachedMapping = { spreadsheet_id: spreadsheetId, fetched_at: deps.clock.now(), ...r.value };
  deps.cache.write(mapping);
  return { ok: true, value: mapping };
}

export interface RefreshOutcome {
  spreadsheet_id: string;
  ok: boolean;
  directory_version: string | null;
  message: string | null;
}

/** The scheduled refresh (hourly trigger, "refresh mappings" action): touches only Supabase and the User store. */
export function refreshMappings(deps: MappingDeps, spreadsheetIds: readonly string[]): RefreshOutcome[] {
  return spreadsheetIds.map((sid) => {
    const r = refreshMapping(deps, sid);
    return r.ok
      ? { spreadsheet_id: sid, ok: true, directory_version: r.value.directory.version, message: null }
      : { spreadsheet_id: sid, ok: false, directory_version: null, message: failureMessage(r.failure) };
  });
}
