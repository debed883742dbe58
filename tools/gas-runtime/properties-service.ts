// PropertiesService fake. Enforces: values and keys stored as strings (String(value), as the real service
// converts), null for a missing key, 9 KB per value and 500 KB per store (key + value bytes, UTF-8), checked before
// anything is written so a failed setProperties leaves the store unchanged; getDocumentProperties() is null for a
// standalone Workspace add-on unless the runtime says document stores exist. Stores live in SharedState, so two
// runtimes of the same user see the same user store.
// Not modelled: the 50,000/day read-write quota, eventual consistency between simultaneous executions, the
// 50-property limit of the script-properties editor UI.
import type { FakeContext } from './fake-context';
import { MESSAGES } from './error-messages';

export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024; // quotas page: "Properties value size 9 KB / val"
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024; // quotas page: "Properties total storage 500 KB / property store"

export interface PropertiesStore {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): PropertiesStore;
  getProperties(): Record<string, string>;
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): PropertiesStore;
  deleteProperty(key: string): PropertiesStore;
  deleteAllProperties(): PropertiesStore;
  getKeys(): string[];
}

export interface PropertiesServiceFake {
  getUserProperties(): PropertiesStore;
  getScriptProperties(): PropertiesStore;
  getDocumentProperties(): PropertiesStore | null;
}

export type StoreKind = 'user' | 'script' | 'document';

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export function storeKey(ctx: FakeContext, kind: StoreKind): string {
  if (kind === 'user') return `user:${ctx.userEmail}`;
  if (kind === 'document') return `document:${ctx.documentId ?? ''}`;
  return 'script';
}

function storeMap(ctx: FakeContext, kind: StoreKind): Map<string, string> {
  const key = storeKey(ctx, kind);
  let map = ctx.shared.propertyStores.get(key);
  if (!map) {
    map = new Map();
    ctx.shared.propertyStores.set(key, map);
  }
  return map;
}

function totalBytes(map: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of map) n += utf8Bytes(k) + utf8Bytes(v);
  return n;
}

/** Apply a batch of writes only if every value and the resulting store total are within the limits. */
function writeChecked(ctx: FakeContext, map: Map<string, string>, writes: Map<string, string>, clearFirst: boolean): void {
  for (const value of writes.values()) {
    if (utf8Bytes(value) > PROPERTY_VALUE_MAX_BYTES) throw ctx.realm.exception(MESSAGES.argumentTooLarge('value'));
  }
  const next = new Map(clearFirst ? [] : map);
  for (const [k, v] of writes) next.set(k, v);
  if (totalBytes(next) > PROPERTY_STORE_MAX_BYTES) throw ctx.realm.exception(MESSAGES.propertyStorageQuota);
  map.clear();
  for (const [k, v] of next) map.set(k, v);
}

function createStore(ctx: FakeContext, kind: StoreKind, prefix: string): PropertiesStore {
  const map = () => storeMap(ctx, kind);
  const count = (method: string) => ctx.counter.count(`${prefix}.${method}`);
  const store: PropertiesStore = {
    getProperty(key) {
      count('getProperty');
      const v = map().get(String(key));
      return v === undefined ? null : v;
    },
    setProperty(key, value) {
      count('setProperty');
      writeChecked(ctx, map(), new Map([[String(key), String(value)]]), false);
      return store;
    },
    getProperties() {
      count('getProperties');
      return ctx.realm.adopt(Object.fromEntries(map()));
    },
    setProperties(properties, deleteAllOthers = false) {
      count('setProperties');
      const writes = new Map(Object.entries(properties).map(([k, v]) => [k, String(v)] as [string, string]));
      writeChecked(ctx, map(), writes, deleteAllOthers);
      return store;
    },
    deleteProperty(key) {
      count('deleteProperty');
      map().delete(String(key));
      return store;
    },
    deleteAllProperties() {
      count('deleteAllProperties');
      map().clear();
      return store;
    },
    getKeys() {
      count('getKeys');
      return ctx.realm.adopt([...map().keys()]);
    },
  };
  return store;
}

export function seedPropertyStore(ctx: FakeContext, kind: StoreKind, values: Record<string, string>): void {
  const writes = new Map(Object.entries(values).map(([k, v]) => [k, String(v)] as [string, string]));
  writeChecked(ctx, storeMap(ctx, kind), writes, false);
}

export function createPropertiesService(ctx: FakeContext): PropertiesServiceFake {
  return {
    getUserProperties() {
      ctx.counter.count('PropertiesService.getUserProperties');
      return createStore(ctx, 'user', 'PropertiesService.getUserProperties()');
    },
    getScriptProperties() {
      ctx.counter.count('PropertiesService.getScriptProperties');
      return createStore(ctx, 'script', 'PropertiesService.getScriptProperties()');
    },
    getDocumentProperties() {
      ctx.counter.count('PropertiesService.getDocumentProperties');
      if (!ctx.documentScoped || !ctx.documentId) return null;
      return createStore(ctx, 'document', 'PropertiesService.getDocumentProperties()');
    },
  };
}
