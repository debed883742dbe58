// Where a run stopped when its time budget ran out (a card callback has 30 s, an execution 6 min). The next run
// re-plans anyway — the server's plan is the truth — so the checkpoint only carries what the report needs: when
// the interrupted run started, what it had done, and which months were left.
import type { KeyValueStore } from '../ports';
import { checkpointKey } from './store-keys';

export interface SyncCounts {
  written: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  deleted: number;
}

export function zeroCounts(): SyncCounts {
  return { written: 0, unchanged: 0, skipped: 0, rejected: 0, deleted: 0 };
}

export interface Checkpoint {
  v: 1;
  spreadsheet_id: string;
  run_started_at: string; // ISO, the first run of the chain
  saved_at: string;
  remaining: string[]; // month keys provider|YYYY-MM, at most MAX_REMAINING
  remaining_count: number;
  counts: SyncCounts; // what the interrupted run(s) did
}

const MAX_REMAINING = 120; // keeps the entry far under the property limit

export function readCheckpoint(store: KeyValueStore, spreadsheetId: string): Checkpoint | null {
  const raw = store.get(checkpointKey(spreadsheetId));
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as Checkpoint;
    return c && c.v === 1 && c.spreadsheet_id === spreadsheetId && Array.isArray(c.remaining) ? c : null;
  } catch {
    return null;
  }
}

export function saveCheckpoint(store: KeyValueStore, checkpoint: Omit<Checkpoint, 'v' | 'remaining_count'>): Checkpoint {
  const full: Checkpoint = {
    v: 1,
    ...checkpoint,
    remaining: checkpoint.remaining.slice(0, MAX_REMAINING),
    remaining_count: checkpoint.remaining.length,
  };
  store.set(checkpointKey(checkpoint.spreadsheet_id), JSON.stringify(full));
  return full;
}

export function clearCheckpoint(store: KeyValueStore, spreadsheetId: string): void {
  if (store.get(checkpointKey(spreadsheetId)) !== null) store.delete(checkpointKey(spreadsheetId));
}

export function addCounts(a: SyncCounts, b: SyncCounts): SyncCounts {
  return {
    written: a.written + b.written,
    unchanged: a.unchanged + b.unchanged,
    skipped: a.skipped + b.skipped,
    rejected: a.rejected + b.rejected,
    deleted: a.deleted + b.deleted,
  };
}
