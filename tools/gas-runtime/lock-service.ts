// LockService fake. Enforces: getDocumentLock() is null outside a container-bound script (a Workspace add-on is
// standalone); user locks are per user, the script lock is one for everybody; a lock held by another execution
// (another GasRuntime sharing the SharedState) makes tryLock return false and waitLock throw the observed
// "Lock timeout" text after the wait; within one execution the lock is re-entrant. Waiting advances a movable clock
// by the timeout instead of blocking, since a single-threaded simulation cannot have the other execution release
// the lock meanwhile. Locks are released when their execution ends (GasRuntime.endExecution), as the real ones are.
// Not modelled: lock expiry of a holder that runs past its own limit; the 'Too many LockService operations' quota.
import type { FakeContext } from './fake-context';
import { waitOn } from './fake-context';
import { MESSAGES } from './error-messages';

export interface LockFake {
  tryLock(timeoutInMillis: number): boolean;
  waitLock(timeoutInMillis: number): void;
  releaseLock(): void;
  hasLock(): boolean;
}

export interface LockServiceFake {
  getUserLock(): LockFake;
  getScriptLock(): LockFake;
  getDocumentLock(): LockFake | null;
}

function createLock(ctx: FakeContext, key: string, prefix: string): LockFake {
  const lockId = ctx.shared.nextId();
  let acquired = false;
  const count = (m: string) => ctx.counter.count(`${prefix}.${m}`);
  const ownedByThisExecution = () => ctx.shared.locks.get(key)?.executionId === ctx.executionId;
  const acquire = (timeoutInMillis: number): boolean => {
    if (!ctx.shared.locks.has(key) || ownedByThisExecution()) {
      ctx.shared.locks.set(key, { executionId: ctx.executionId, lockId });
      acquired = true;
      return true;
    }
    waitOn(ctx.clock, Number(timeoutInMillis));
    return false;
  };
  return {
    tryLock(timeoutInMillis) {
      count('tryLock');
      return acquire(timeoutInMillis);
    },
    waitLock(timeoutInMillis) {
      count('waitLock');
      if (!acquire(timeoutInMillis)) throw ctx.realm.exception(MESSAGES.lockTimeout);
    },
    releaseLock() {
      count('releaseLock');
      if (acquired && ownedByThisExecution()) ctx.shared.locks.delete(key);
      acquired = false;
    },
    hasLock() {
      count('hasLock');
      return acquired && ownedByThisExecution();
    },
  };
}

export function releaseExecutionLocks(ctx: FakeContext): void {
  for (const [key, h] of [...ctx.shared.locks]) if (h.executionId === ctx.executionId) ctx.shared.locks.delete(key);
}

export function createLockService(ctx: FakeContext): LockServiceFake {
  return {
    getUserLock() {
      ctx.counter.count('LockService.getUserLock');
      return createLock(ctx, `user:${ctx.userEmail}`, 'LockService.getUserLock()');
    },
    getScriptLock() {
      ctx.counter.count('LockService.getScriptLock');
      return createLock(ctx, 'script', 'LockService.getScriptLock()');
    },
    getDocumentLock() {
      ctx.counter.count('LockService.getDocumentLock');
      if (!ctx.documentScoped || !ctx.documentId) return null;
      return createLock(ctx, `document:${ctx.documentId}`, 'LockService.getDocumentLock()');
    },
  };
}
