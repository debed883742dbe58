import { createGasRuntime, createManualClock } from '../../tools/gas-runtime';

describe('CacheService fake', () => {
  const setup = () => {
    const clock = createManualClock();
    // Hours pass between reads here: that is several executions, so the per-execution limit is off.
    const runtime = createGasRuntime({ clock, executionLimitMs: null });
    return { clock, runtime, cache: runtime.cache.getScriptCache() };
  };

  it('expires a value after the default 600 seconds of runtime clock', () => {
    const { clock, cache } = setup();
    cache.put('k', 'v');
    clock.advance(599_000);
    expect(cache.get('k')).toBe('v');
    clock.advance(1_000);
    expect(cache.get('k')).toBeNull();
  });

  it('keeps nothing longer than 6 hours, whatever expiration is asked for', () => {
    const { clock, cache } = setup();
    cache.put('k', 'v', 99_999);
    clock.advance(21_599_000);
    expect(cache.get('k')).toBe('v');
    clock.advance(1_000);
    expect(cache.get('k')).toBeNull();
  });

  it('rejects a value over 100 KB and a key over 250 characters', () => {
    const { cache } = setup();
    cache.put('ok', 'x'.repeat(100 * 1024));
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    cache.put('k'.repeat(250), 'v');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(cache.get('big')).toBeNull();
  });

  it('keeps the 900 items farthest from expiration once more than 1,000 are written', () => {
    const { cache } = setup();
    for (let i = 0; i < 1000; i++) cache.put(`k${i}`, 'v', 1000 + i);
    expect(cache.get('k0')).toBe('v');
    cache.put('k1000', 'v', 5000);
    const kept = cache.getAll(Array.from({ length: 1001 }, (_, i) => `k${i}`));
    expect(Object.keys(kept)).toHaveLength(900);
    expect(kept.k0).toBeUndefined();
    expect(kept.k100).toBeUndefined();
    expect(kept.k101).toBe('v');
    expect(kept.k1000).toBe('v');
  });

  it('puts, reads and removes several keys at once, as strings', () => {
    const { cache } = setup();
    cache.putAll({ a: 1, b: 'two', c: true });
    expect(cache.getAll(['a', 'b', 'c', 'missing'])).toEqual({ a: '1', b: 'two', c: 'true' });
    cache.removeAll(['a', 'b']);
    cache.remove('c');
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({});
  });

  it('has no document cache in a standalone add-on, and separates user caches', () => {
    const { runtime } = setup();
    expect(runtime.cache.getDocumentCache()).toBeNull();
    runtime.cache.getUserCache().put('u', '1');
    expect(runtime.cache.getScriptCache().get('u')).toBeNull();
  });

  it('lets a test drop everything early, as the real cache may', () => {
    const { runtime, cache } = setup();
    cache.put('k', 'v');
    runtime.cache.evictAll();
    expect(cache.get('k')).toBeNull();
  });
});
