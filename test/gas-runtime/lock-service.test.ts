import { createGasRuntime, createManualClock, createSharedState } from '../../tools/gas-runtime';

describe('LockService fake', () => {
  const twoExecutions = (emails: [string, string] = ['ann@example.com', 'ann@example.com']) => {
    const sharedState = createSharedState();
    const clock = createManualClock();
    const first = createGasRuntime({ sharedState, clock, userEmail: emails[0] });
    const second = createGasRuntime({ sharedState, clock, userEmail: emails[1], context: 'trigger' });
    return { clock, first, second };
  };

  it('has no document lock in a standalone Workspace add-on', () => {
    expect(createGasRuntime().lock.getDocumentLock()).toBeNull();
  });

  it('makes a second execution of the same user wait the whole timeout and fail while the first holds the lock', () => {
    const { clock, first, second } = twoExecutions();
    const held = first.lock.getUserLock();
    expect(held.tryLock(1000)).toBe(true);
    expect(held.hasLock()).toBe(true);
    const start = clock.now();
    const waiting = second.lock.getUserLock();
    expect(waiting.tryLock(5000)).toBe(false);
    expect(clock.now() - start).toBe(5000);
    expect(waiting.hasLock()).toBe(false);
    expect(() => waiting.waitLock(2000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    held.releaseLock();
    expect(waiting.tryLock(0)).toBe(true);
  });

  it('does not make different users wait for each other on user locks, but does on the script lock', () => {
    const { first, second } = twoExecutions(['ann@example.com', 'bob@example.com']);
    expect(first.lock.getUserLock().tryLock(0)).toBe(true);
    expect(second.lock.getUserLock().tryLock(0)).toBe(true);
    expect(first.lock.getScriptLock().tryLock(0)).toBe(true);
    expect(second.lock.getScriptLock().tryLock(0)).toBe(false);
  });

  it('releases the locks of an execution when it ends', () => {
    const { first, second } = twoExecutions();
    first.lock.getUserLock().waitLock(100);
    first.endExecution();
    expect(second.lock.getUserLock().tryLock(0)).toBe(true);
  });

  it('lets the execution holding a lock take it again', () => {
    const runtime = createGasRuntime();
    expect(runtime.lock.getUserLock().tryLock(0)).toBe(true);
    expect(runtime.lock.getUserLock().tryLock(0)).toBe(true);
  });
});
