// What every fake is built from: the counter, the sandbox realm, the clock, the shared state and who is running.
import type { CallCounter } from './call-counter';
import type { RuntimeClock } from './manual-clock';
import type { SandboxRealm } from './sandbox-realm';
import type { SharedState } from './shared-state';

export type ExecutionContext = 'card' | 'trigger';

export interface FakeContext {
  counter: CallCounter;
  realm: SandboxRealm;
  clock: RuntimeClock;
  shared: SharedState;
  executionId: number;
  userEmail: string;
  scriptTimeZone: string;
  context: ExecutionContext;
  /** Id of the document the add-on is open in; null in a trigger. */
  documentId: string | null;
  /** Document-scoped stores exist only for container-bound scripts; a Workspace add-on is standalone. */
  documentScoped: boolean;
}

/** Advance a movable clock; a wall clock cannot be moved, so waiting is merely recorded. */
export function waitOn(clock: RuntimeClock, ms: number): void {
  if (ms > 0 && clock.advance) clock.advance(ms);
}
