// Where `npm run sync` sends rows: the project --url names; else a running `npm run stack` (its state file);
// else a TEMPORARY local stack started for this command and stopped at its end (its data goes with it).
//
// The temporary stack keeps startStack's default, the REST stand-in in a child process: the sync client is
// synchronous (it blocks this thread on Atomics.wait while a worker does the HTTP call), so an in-process
// stand-in could never answer (DESIGN.md "Build and run").
import { startStack } from '../start-stack';
import { readStackState, STACK_STATE_FILE } from './db-stack-state';

export type TargetKind = 'local-stack' | 'temporary-local-stack' | 'url';

export interface SyncTarget {
  kind: TargetKind;
  restUrl: string;
  apiKey: string;
  token: string;
  /** Stops what this command started (nothing for a running stack or a URL). */
  stop(): Promise<void>;
}

export interface TargetRequest {
  url: string | null;
  key: string | null;
  token: string | null;
  stateFile?: string;
  log?: (line: string) => void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function resolveTarget(request: TargetRequest): Promise<SyncTarget> {
  const noop = async () => undefined;
  if (request.url !== null) {
    return { kind: 'url', restUrl: request.url, apiKey: request.key ?? '', token: request.token ?? '', stop: noop };
  }
  const state = readStackState(request.stateFile ?? STACK_STATE_FILE);
  if (state && isRunning(state.pid)) {
    return { kind: 'local-stack', restUrl: state.restUrl, apiKey: state.publishableKey, token: request.token ?? state.demoToken, stop: noop };
  }
  request.log?.('No running local stack (npm run stack): starting a temporary one for this command; its data is discarded at the end.');
  return startTemporaryStack(request.token);
}

export async function startTemporaryStack(token: string | null): Promise<SyncTarget> {
  const stack = await startStack({ restPort: 0 });
  return { kind: 'temporary-local-stack', restUrl: stack.restUrl, apiKey: stack.publishableKey, token: token ?? stack.demoToken, stop: () => stack.stop() };
}
