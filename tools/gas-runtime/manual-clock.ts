// A clock tests and tools move by hand, so the 30 s card and 6 min execution limits can be reached without waiting.

export interface RuntimeClock {
  now(): number; // epoch ms
  /** Present on clocks that can be moved; Utilities.sleep and lock waits advance it instead of blocking. */
  advance?(ms: number): void;
}

export interface ManualClock extends RuntimeClock {
  advance(ms: number): void;
  set(epochMs: number): void;
}

export function createManualClock(startEpochMs = Date.UTC(2024, 10, 1, 15, 0, 0)): ManualClock {
  let current = startEpochMs;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
    set(epochMs) {
      current = epochMs;
    },
  };
}

export const systemClock: RuntimeClock = { now: () => Date.now() };
