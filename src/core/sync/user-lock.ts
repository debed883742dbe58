// Against one user's own overlapping runs (a click while the hourly trigger runs, two open tabs). In Apps Script:
// LockService.getUserLock() (src/gas/user-lock.ts). Other users and devices are kept apart by the server lease.

export interface UserLock {
  /** True when acquired within waitMs. */
  tryLock(waitMs: number): boolean;
  release(): void;
}

/** For Node tools and tests: one process, so a flag is the whole lock. */
export function memoryUserLock(): UserLock & { held(): boolean } {
  let held = false;
  return {
    tryLock: () => (held ? false : (held = true)),
    release: () => {
      held = false;
    },
    held: () => held,
  };
}
