// Ingest batches: whole months only (contract 3: a month is never split across calls), bounded by months and
// rows so one sync_ingest call finishes well inside Supabase's 3 s statement timeout for role anon (DESIGN
// limits table). The bounds are options: the database helper measures real timings on the local stack.
import type { MonthPayload } from '../production';

export interface BatchLimits {
  maxMonths: number;
  maxRows: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxMonths: 12, maxRows: 600 };

/**
 * Greedy, order-preserving. A month with more rows than maxRows travels alone (never split): its size is then the
 * sheet's, not ours to choose.
 */
export function makeBatches<T extends { payload: MonthPayload }>(months: readonly T[], limits: Partial<BatchLimits> = {}): T[][] {
  const maxMonths = Math.max(1, Math.floor(limits.maxMonths ?? DEFAULT_BATCH_LIMITS.maxMonths));
  const maxRows = Math.max(1, Math.floor(limits.maxRows ?? DEFAULT_BATCH_LIMITS.maxRows));
  const batches: T[][] = [];
  let current: T[] = [];
  let rows = 0;
  for (const m of months) {
    const n = m.payload.rows.length;
    if (current.length > 0 && (current.length >= maxMonths || rows + n > maxRows)) {
      batches.push(current);
      current = [];
      rows = 0;
    }
    current.push(m);
    rows += n;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export function batchRows(batch: readonly { payload: MonthPayload }[]): number {
  return batch.reduce((n, m) => n + m.payload.rows.length, 0);
}
