// A sync run's result (runSync) → the report's `outcome` section (src/core/report/report-schema.ts), with the
// database's stored month totals set against the sheet's. The stored totals are sync_ingest's own answer
// (MonthOutcome.totals), captured at the RPC seam so runSync needs nothing extra.
import type { MonthOutcome } from '../../src/core/api-contract';
import { addDecimals, subtractDecimals } from '../../src/core/decimal';
import type { RpcCaller, RpcResult } from '../../src/core/postgrest/rpc-caller';
import type { OutcomeStatus, StoredTotal, WorkbookOutcome } from '../../src/core/report/report-schema';
import type { SyncRunResult } from '../../src/core/sync';
import type { WorkbookUnderstanding } from '../../src/core/understanding';

export interface CommandCalls {
  rpc: Record<string, number>;
  rpc_total: number;
}

/** Counts every RPC of the command and keeps what sync_ingest said the database holds per month. */
export function recordingCaller(inner: RpcCaller): RpcCaller & { calls: CommandCalls; stored: MonthOutcome[] } {
  const calls: CommandCalls = { rpc: {}, rpc_total: 0 };
  const stored: MonthOutcome[] = [];
  return {
    calls,
    stored,
    rpc<T>(fn: string, args: Record<string, unknown>): RpcResult<T> {
      calls.rpc[fn] = (calls.rpc[fn] ?? 0) + 1;
      calls.rpc_total++;
      const result = inner.rpc<T>(fn, args);
      if (fn === 'sync_ingest' && result.error === null) {
        const body = result.data as { ok?: unknown; months?: unknown } | null;
        if (body && body.ok === true && Array.isArray(body.months)) stored.push(...(body.months as MonthOutcome[]));
      }
      return result;
    },
  };
}

const FIGURES = ['verified_production', 'hours_worked'] as const;

function isZero(decimal: string): boolean {
  return /^-?0*(\.0*)?$/.test(decimal);
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

/** Per month and office: the sum of the rows produced, the sheet's summary, what the database reported. */
export function storedTotals(understanding: WorkbookUnderstanding, result: SyncRunResult, stored: readonly MonthOutcome[]): StoredTotal[] {
  const out: StoredTotal[] = [];
  for (const m of understanding.months) {
    const { provider_code, month, rows } = m.payload;
    if (!provider_code || rows.length === 0) continue;
    const state = result.tabs.find((t) => t.tab === m.tab)?.state ?? null;
    // The latest answer for this month wins (a retried batch answers twice).
    const answer = [...stored].reverse().find((s) => s.provider_code === provider_code && s.month === month) ?? null;
    const offices = [...new Set(rows.map((r) => r.location_code))].sort();
    for (const location_code of offices) {
      const mine = rows.filter((r) => r.location_code === location_code);
      for (const figure of FIGURES) {
        const values = mine.map((r) => r.fields[figure]).filter((v): v is string => v !== null);
        if (values.length === 0) continue;
        const rows_value = addDecimals(values);
        const summary =
          m.totals.find((t) => t.figure === figure && t.location_code === location_code) ??
          (offices.length === 1 ? m.totals.find((t) => t.figure === figure && t.location_code === null) : undefined);
        const held = answer?.totals.find((t) => t.location_code === location_code);
        const stored_value = held ? text((held as unknown as Record<string, unknown>)[figure]) : null;
        const status: StoredTotal['status'] =
          stored_value !== null ? (isZero(subtractDecimals(stored_value, rows_value)) ? 'agree' : 'mismatch') : state === 'unchanged' ? 'same_hash' : 'not_stored';
        out.push({ tab: m.tab, month, location_code, figure, rows_value, sheet_value: summary?.sheet_value ?? null, stored_value, status });
      }
    }
  }
  return out;
}

export function buildOutcome(
  understanding: WorkbookUnderstanding,
  result: SyncRunResult,
  stored: readonly MonthOutcome[],
  binding: WorkbookOutcome['binding'],
): WorkbookOutcome {
  const totals = understanding.months.flatMap((m) => m.totals);
  return {
    status: result.status,
    message: result.message,
    binding,
    tabs: result.tabs.map((t) => ({
      tab: t.tab,
      month: t.month,
      state: t.state,
      written: t.written,
      unchanged: t.unchanged,
      skipped: t.skipped,
      rejected: t.rejected,
      deleted: t.deleted,
      skipped_rows: t.skipped_rows,
      rejects: t.rejects,
      message: t.message,
    })),
    counts: { ...result.counts },
    totals_check: {
      agree: totals.filter((t) => t.status === 'agree').length,
      mismatch: totals.filter((t) => t.status === 'mismatch').length,
      no_summary: totals.filter((t) => t.status === 'no_summary').length,
      mismatches: totals.filter((t) => t.status === 'mismatch'),
    },
    stored_totals: storedTotals(understanding, result, stored),
    orphaned: result.orphaned.map((o) => ({ provider_code: o.provider_code, month: o.month, message: o.message })),
    calls: { rpc: { ...result.calls.rpc }, rpc_total: result.calls.rpc_total, ingest: result.calls.ingest },
    batches: result.batches.map((b) => ({ ...b })),
    self_healed: result.self_healed,
    run_id: result.run_id,
    record_error: result.record_error,
    elapsed_ms: result.elapsed_ms,
  };
}

/** For a workbook the command did not sync (it stopped before writing anything). */
export function notAttempted(message: string, status: OutcomeStatus = 'not_attempted'): WorkbookOutcome {
  return {
    status,
    message,
    binding: null,
    tabs: [],
    counts: { written: 0, unchanged: 0, skipped: 0, rejected: 0, deleted: 0 },
    totals_check: { agree: 0, mismatch: 0, no_summary: 0, mismatches: [] },
    stored_totals: [],
    orphaned: [],
    calls: { rpc: {}, rpc_total: 0, ingest: 0 },
    batches: [],
    self_healed: false,
    run_id: null,
    record_error: null,
    elapsed_ms: 0,
  };
}
