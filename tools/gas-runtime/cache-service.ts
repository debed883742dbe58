// CacheService fake. Enforces (Cache reference page): keys up to 250 characters, values up to 100 KB, expiry from
// the runtime clock (default 600 s, at most 21600 s: a longer expiration is held to 6 h), and the 1,000-item cap —
// past it the cache keeps the 900 items farthest from expiration, as documented. getDocumentCache() is null for a
// standalone Workspace add-on. Values are strings (String(value)).
// Not modelled: early eviction under memory pressure (the real cache may drop anything at any time — "expiry only a
// hint"), which tests can simulate with evictAll(); the per-call limits of putAll beyond the per-value ones.
import type { FakeContext } from './fake-context';
import type { CacheEntry } from './shared-state';
import { MESSAGES } from './error-messages';

export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_DEFAULT_EXPIRATION_S = 600;
export const CACHE_MAX_EXPIRATION_S = 21600;
export const CACHE_ITEM_CAP = 1000;
export const CACHE_ITEMS_KEPT_AFTER_CAP = 900;

export interface CacheFake {
  get(key: string): string | null;
  getAll(keys: string[]): Record<string, string>;
  put(key: string, value: string, expirationInSeconds?: number): void;
  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void;
  remove(key: string): void;
  removeAll(keys: string[]): void;
}

export interface CacheServiceFake {
  getUserCache(): CacheFake;
  getScriptCache(): CacheFake;
  getDocumentCache(): CacheFake | null;
}

function entries(ctx: FakeContext, scope: string): Map<string, CacheEntry> {
  let m = ctx.shared.caches.get(scope);
  if (!m) {
    m = new Map();
    ctx.shared.caches.set(scope, m);
  }
  return m;
}

function createCache(ctx: FakeContext, scope: string, prefix: string): CacheFake {
  const map = () => entries(ctx, scope);
  const count = (m: string) => ctx.counter.count(`${prefix}.${m}`);

  const live = (key: string): string | null => {
    const e = map().get(key);
    if (!e) return null;
    if (e.expiresAt <= ctx.clock.now()) {
      map().delete(key);
      return null;
    }
    return e.value;
  };

  const checkKey = (key: string) => {
    if (key.length > CACHE_KEY_MAX_CHARS) throw ctx.realm.exception(MESSAGES.argumentTooLarge('key'));
  };

  const validated = (values: [string, string][], expirationInSeconds: number | undefined): number => {
    for (const [k, v] of values) {
      checkKey(k);
      if (Buffer.byteLength(v, 'utf8') > CACHE_VALUE_MAX_BYTES) throw ctx.realm.exception(MESSAGES.argumentTooLarge('value'));
    }
    const seconds = expirationInSeconds === undefined ? CACHE_DEFAULT_EXPIRATION_S : Number(expirationInSeconds);
    if (!(seconds >= 1)) throw ctx.realm.exception(MESSAGES.invalidArgument('expirationInSeconds'));
    return Math.min(seconds, CACHE_MAX_EXPIRATION_S);
  };

  const write = (values: [string, string][], seconds: number) => {
    const expiresAt = ctx.clock.now() + seconds * 1000;
    for (const [k, v] of values) map().set(k, { value: v, expiresAt });
    const now = ctx.clock.now();
    for (const [k, e] of map()) if (e.expiresAt <= now) map().delete(k);
    if (map().size > CACHE_ITEM_CAP) {
      const keep = [...map()].sort((a, b) => b[1].expiresAt - a[1].expiresAt).slice(0, CACHE_ITEMS_KEPT_AFTER_CAP);
      map().clear();
      for (const [k, e] of keep) map().set(k, e);
    }
  };

  return {
    get(key) {
      count('get');
      return live(String(key));
    },
    getAll(keys) {
      count('getAll');
      const out: Record<string, string> = {};
      for (const k of keys) {
        const v = live(String(k));
        if (v !== null) out[String(k)] = v;
      }
      return ctx.realm.adopt(out);
    },
    put(key, value, expirationInSeconds) {
      count('put');
      const pair: [string, string][] = [[String(key), String(value)]];
      write(pair, validated(pair, expirationInSeconds));
    },
    putAll(values, expirationInSeconds) {
      count('putAll');
      const pairs = Object.entries(values).map(([k, v]) => [k, String(v)] as [string, string]);
      write(pairs, validated(pairs, expirationInSeconds));
    },
    remove(key) {
      count('remove');
      map().delete(String(key));
    },
    removeAll(keys) {
      count('removeAll');
      for (const k of keys) map().delete(String(k));
    },
  };
}

export function createCacheService(ctx: FakeContext): CacheServiceFake & { evictAll(): void } {
  return {
    getUserCache() {
      ctx.counter.count('CacheService.getUserCache');
      return createCache(ctx, `user:${ctx.userEmail}`, 'CacheService.getUserCache()');
    },
    getScriptCache() {
      ctx.counter.count('CacheService.getScriptCache');
      return createCache(ctx, 'script', 'CacheService.getScriptCache()');
    },
    getDocumentCache() {
      ctx.counter.count('CacheService.getDocumentCache');
      if (!ctx.documentScoped || !ctx.documentId) return null;
      return createCache(ctx, `document:${ctx.documentId}`, 'CacheService.getDocumentCache()');
    },
    /** Test hook, not an Apps Script method: the real cache may drop entries before they expire. */
    evictAll() {
      ctx.shared.caches.clear();
    },
  };
}
