// Call counters and redaction around the ports a run uses: call counts are the performance contract (STYLE
// practice 6) and the report prints them; every log line passes through the redactor.
import type { RpcCaller, RpcResult } from '../postgrest/rpc-caller';
import type { KeyValueStore, Logger } from '../ports';
import { redactSecrets } from './settings';

export interface CallCounts {
  rpc: Record<string, number>;
  rpc_total: number;
  store_reads: number;
  store_writes: number;
}

export function countingCaller(inner: RpcCaller, counts: CallCounts): RpcCaller {
  return {
    rpc<T>(fn: string, args: Record<string, unknown>): RpcResult<T> {
      counts.rpc[fn] = (counts.rpc[fn] ?? 0) + 1;
      counts.rpc_total += 1;
      return inner.rpc<T>(fn, args);
    },
  };
}

export function countingStore(inner: KeyValueStore, counts: CallCounts): KeyValueStore {
  return {
    get: (k) => (counts.store_reads++, inner.get(k)),
    getAll: () => (counts.store_reads++, inner.getAll()),
    set: (k, v) => (counts.store_writes++, inner.set(k, v)),
    setAll: (v) => (counts.store_writes++, inner.setAll(v)),
    delete: (k) => (counts.store_writes++, inner.delete(k)),
  };
}

export function redactingLogger(inner: Logger, secrets: readonly string[]): Logger {
  return { log: (message) => inner.log(redactSecrets(message, secrets)) };
}

export function newCallCounts(): CallCounts {
  return { rpc: {}, rpc_total: 0, store_reads: 0, store_writes: 0 };
}
