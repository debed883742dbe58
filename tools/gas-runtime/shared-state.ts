// What outlives one execution: property stores, caches, locks and triggers. Two GasRuntime instances given the same
// SharedState are two executions of the same add-on (e.g. a card click and the hourly trigger, or two users),
// so user stores are keyed by e-mail and a user lock held by one blocks the other.

export interface CacheEntry {
  value: string;
  expiresAt: number;
}

export interface LockHolder {
  executionId: number;
  lockId: number;
}

export interface TriggerRecord {
  uniqueId: string;
  handlerFunction: string;
  eventType: 'CLOCK';
  ownerEmail: string;
  documentId: string | null;
  intervalMs: number;
  nextRunAt: number;
}

export interface SharedState {
  propertyStores: Map<string, Map<string, string>>;
  caches: Map<string, Map<string, CacheEntry>>;
  locks: Map<string, LockHolder>;
  triggers: TriggerRecord[];
  nextId(): number;
}

export function createSharedState(): SharedState {
  let id = 0;
  return {
    propertyStores: new Map(),
    caches: new Map(),
    locks: new Map(),
    triggers: [],
    nextId: () => ++id,
  };
}
