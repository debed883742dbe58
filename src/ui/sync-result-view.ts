// What the sync result card shows, worked out from a run's result: pure, so the card stays a function of this
// view. Rejects carry a link to their cell: a card callback cannot move the user's selection, an OpenLink to
// `…/edit#gid=<sheetId>&range=B12` can (DESIGN limits table).
import type { RejectRecord, TotalsCheckRecord } from '../core/api-contract';
import { columnLetter } from '../core/sheet/map-columns';
import type { SyncCounts, SyncRunResult, TabState } from '../core/sync';
import type { OfficeNames } from './totals-text';
import type { ColumnMapping } from '../core/understanding';

/** Rejects listed one by one; the rest are counted (a card shows at most 100 widgets). */
export const MAX_LISTED_REJECTS = 25;

export interface TabResultView extends SyncCounts {
  tab: string;
  state: TabState;
  skippedReasons: string[];
  message: string | null;
}

export interface RejectView extends RejectRecord {
  /** The cell (or row) in the spreadsheet, when the tab is known. */
  link: string | null;
}

export interface SyncResultView {
  title: string;
  spreadsheetId: string | null;
  status: SyncRunResult['status'];
  message: string;
  tabs: TabResultView[];
  rejects: RejectView[];
  unlistedRejects: number;
  totals: TotalsCheckRecord[];
  databaseTotals: TotalsCheckRecord[];
  officeNames: OfficeNames;
  elapsedMs: number;
  calls: { rpc: number; ingest: number; propertyReads: number; propertyWrites: number; sheetReads: number };
  resumeNeeded: boolean;
  selfHealed: boolean;
  recordError: string | null;
}

export interface SheetLayout {
  /** Tab name → sheet id (the gid of a link). */
  sheetIds: Record<string, number>;
  /** Tab name → its columns as the engine mapped them, to turn a reject's header into a column letter. */
  columns: Record<string, ColumnMapping[]>;
  /** Office code → name, from the directory the run used (empty when the run never got one). */
  officeNames: OfficeNames;
}

export function cellLink(spreadsheetId: string, sheetId: number, row: number, columnIndex: number | null): string {
  const range = row <= 0 ? 'A1' : columnIndex === null ? `${row}:${row}` : `${columnLetter(columnIndex)}${row}`;
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit#gid=${sheetId}&range=${range}`;
}

function rejectLink(r: RejectRecord, spreadsheetId: string | null, layout: SheetLayout): string | null {
  const sheetId = layout.sheetIds[r.tab];
  if (spreadsheetId === null || sheetId === undefined) return null;
  const header = r.column?.trim().toLowerCase() ?? null;
  const column = header === null ? undefined : (layout.columns[r.tab] ?? []).find((c) => c.header.trim().toLowerCase() === header);
  return cellLink(spreadsheetId, sheetId, r.row, column ? column.column : null);
}

export function toSyncResultView(result: SyncRunResult, layout: SheetLayout): SyncResultView {
  const all = [...result.tabs.flatMap((t) => t.rejects), ...result.rejects];
  return {
    title: result.title ?? 'this spreadsheet',
    spreadsheetId: result.spreadsheet_id,
    status: result.status,
    message: result.message,
    tabs: result.tabs.map((t) => ({
      tab: t.tab,
      state: t.state,
      ...countsOf(t),
      skippedReasons: t.skipped_rows.map((s) => `${s.count} × ${s.reason}`),
      message: t.message,
    })),
    rejects: all.slice(0, MAX_LISTED_REJECTS).map((r) => ({ ...r, link: rejectLink(r, result.spreadsheet_id, layout) })),
    unlistedRejects: Math.max(0, all.length - MAX_LISTED_REJECTS),
    totals: result.totals_check,
    databaseTotals: result.database_totals,
    officeNames: layout.officeNames,
    elapsedMs: result.elapsed_ms,
    calls: {
      rpc: result.calls.rpc_total,
      ingest: result.calls.ingest,
      propertyReads: result.calls.store_reads,
      propertyWrites: result.calls.store_writes,
      sheetReads: result.calls.source_reads,
    },
    resumeNeeded: result.resumeNeeded,
    selfHealed: result.self_healed,
    recordError: result.record_error,
  };
}

function countsOf({ written, unchanged, skipped, rejected, deleted }: SyncCounts): SyncCounts {
  return { written, unchanged, skipped, rejected, deleted };
}
