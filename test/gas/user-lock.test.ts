// GasUserLock over the runtime's LockService fake: two executions of one user exclude each other, two users do
// not, and neither the document lock (null in a Workspace add-on) nor the script lock is ever asked for.
import { GasUserLock, type UserLockServiceLike } from '../../src/gas/user-lock';
import { createGasRuntime, createSharedState } from '../../tools/gas-runtime';

const lockOf = (runtime: ReturnType<typeof createGasRuntime>) => new GasUserLock(runtime.lock as unknown as UserLockServiceLike);

describe('GasUserLock', () => {
  test("given one execution holding the user's lock, a second execution of the same user cannot take it until it is released", () => {
    const shared = createSharedState();
    const card = createGasRuntime({ sharedState: shared, userEmail: 'a@example.com' });
    const trigger = createGasRuntime({ sharedState: shared, userEmail: 'a@example.com', context: 'trigger' });
    const first = lockOf(card);
    const second = lockOf(trigger);
    expect(first.tryLock(0)).toBe(true);
    expect(second.tryLock(100)).toBe(false);
    first.release();
    expect(second.tryLock(0)).toBe(true);
    second.release();
  });

  test('two users never wait for each other', () => {
    const shared = createSharedState();
    const a = lockOf(createGasRuntime({ sharedState: shared, userEmail: 'a@example.com' }));
    const b = lockOf(createGasRuntime({ sharedState: shared, userEmail: 'b@example.com' }));
    expect(a.tryLock(0)).toBe(true);
    expect(b.tryLock(0)).toBe(true);
  });

  test('uses getUserLock only, and release without a held lock does nothing', () => {
    const runtime = createGasRuntime();
    const lock = lockOf(runtime);
    lock.release();
    lock.tryLock(0);
    lock.release();
    const counts = runtime.callCounts();
    expect(counts['LockService.getUserLock']).toBe(1);
    expect(counts['LockService.getDocumentLock']).toBeUndefined();
    expect(counts['LockService.getScriptLock']).toBeUndefined();
  });
});
