// The UserLock port over LockService.getUserLock(): it keeps one user's overlapping runs apart (a click while the
// hourly trigger runs). Not getDocumentLock(): it "returns null if called from a standalone script", and a
// Workspace add-on is standalone. Not getScriptLock(): it "prevents any user from concurrently running a section
// of code", which would serialise every customer of the add-on. Other users and devices are kept apart by the
// server-side lease instead. (https://developers.google.com/apps-script/reference/lock/lock-service)
import type { UserLock } from '../core/sync/user-lock';

export interface LockLike {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
  hasLock(): boolean;
}

export interface UserLockServiceLike {
  getUserLock(): LockLike;
}

export class GasUserLock implements UserLock {
  private lock: LockLike | null = null;

  constructor(private readonly lockService: UserLockServiceLike) {}

  tryLock(waitMs: number): boolean {
    this.lock = this.lock ?? this.lockService.getUserLock();
    return this.lock.tryLock(waitMs);
  }

  release(): void {
    if (this.lock && this.lock.hasLock()) this.lock.releaseLock();
  }
}
