// The ONE versioned JSON report (contract 10) that `npm run inspect -- --json` prints and `npm run sync` extends.
// Compatibility rule: within a version, fields are only ever ADDED (sync adds `outcome` objects); renaming,
// removing or changing the meaning of a field bumps `version`. Consumers must ignore fields they do not know.
import type { RejectRecord, TotalsCheckRecord } from '../api-contract';
import type { MonthFigure, ProductionRow } from '../production';
import type { ProviderDetection, SkippedRow, TabUnderstanding } from '../understanding';

export const REPORT_SCHEMA = 'production-sync/report';
export const REPORT_VERSION = 1;

export interface Report {
  schema: typeof REPORT_SCHEMA;
  version: typeof REPORT_VERSION;
  command: 'inspect' | 'sync';
  directory: { clinic_code: string; version: string };
  workbooks: WorkbookReport[];
  /** Files that could not be read at all (the command exits non-zero when any are listed). */
  unreadable: { file: string; message: string }[];
  /** `sync` only (added in version 1, optional): where the rows went and what the whole command cost. */
  sync?: SyncSection;
}

export interface SyncSection {
  /** 'local-stack': a running `npm run stack`; 'temporary-local-stack': started for this command and stopped after (its data goes with it); 'url': the project --url names. */
  target: 'local-stack' | 'temporary-local-stack' | 'url';
  rest_url: string;
  /** False when the command stopped before writing anything (a flag is needed, the connection was refused). */
  attempted: boolean;
  /** Why nothing (more) was synced, when something stopped the command; null otherwise. */
  message: string | null;
  elapsed_ms: number;
  /** RPCs by name over the whole command, the preflight directory calls included. */
  calls: { rpc: Record<string, number>; rpc_total: number; http_attempts: number };
}

export interface WorkbookReport {
  files: string[];
  spreadsheet_id: string;
  title: string;
  time_zone: string;
  provider: ProviderDetection;
  tabs: TabUnderstanding[];
  months: MonthReport[];
  /** Rejects not tied to one month (unknown bound provider, a month tab without a header, a duplicate month). */
  rejects: RejectRecord[];
  counts: ReportCounts;
  /** `sync` only (added in version 1, optional): what the database did with this workbook. */
  outcome?: WorkbookOutcome;
}

export type OutcomeStatus = 'success' | 'partial' | 'failed' | 'yielded' | 'needs_binding' | 'not_attempted';

/** One sync run of one workbook (contract 3 outcomes, contract 9 totals, the stored month totals). */
export interface WorkbookOutcome {
  status: OutcomeStatus;
  message: string;
  /** The binding the run used; newly_bound when this run made it (sync_bind). */
  binding: { provider_code: string; default_location_code: string | null; newly_bound: boolean } | null;
  tabs: TabOutcome[];
  counts: { written: number; unchanged: number; skipped: number; rejected: number; deleted: number };
  /** The sheet's own arithmetic (contract 9), repeated from months[].totals for one place to look. */
  totals_check: { agree: number; mismatch: number; no_summary: number; mismatches: TotalsCheckRecord[] };
  /** What the database holds per month and office after the run, against the day rows sent (and the sheet's summary). */
  stored_totals: StoredTotal[];
  /** Months the database has for this binding but the workbook no longer has (never deleted silently). */
  orphaned: { provider_code: string; month: string; message: string }[];
  calls: { rpc: Record<string, number>; rpc_total: number; ingest: number };
  batches: { months: number; rows: number; ms: number; outcome: string }[];
  self_healed: boolean;
  run_id: string | null;
  record_error: string | null;
  elapsed_ms: number;
}

export interface TabOutcome {
  tab: string;
  month: string | null;
  /** sent | unchanged (the server's hash matched) | failed | pending | duplicate | not_synced */
  state: string;
  written: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  deleted: number;
  skipped_rows: { reason: string; count: number }[];
  rejects: RejectRecord[];
  message: string | null;
}

export interface StoredTotal {
  tab: string;
  month: string;
  location_code: string;
  figure: 'verified_production' | 'hours_worked';
  /** Sum of the day rows the engine produced for this office. */
  rows_value: string;
  /** The sheet's own month summary for this office and figure, when it carries one. */
  sheet_value: string | null;
  /** What sync_ingest reported the database now holds; null when the month was not sent (its hash already matched). */
  stored_value: string | null;
  /** agree/mismatch: stored vs rows, in cents; same_hash: not sent, the server's month hash equals the sheet's; not_stored: sent but not reported. */
  status: 'agree' | 'mismatch' | 'same_hash' | 'not_stored';
}

export interface MonthReport {
  tab: string;
  month: string; // YYYY-MM
  provider_code: string; // '' when the provider is not determined (then every row is a reject)
  /** Contract 4 month content hash of exactly these rows and figures. */
  hash: string;
  rows: ProductionRow[];
  figures: MonthFigure[];
  skipped: SkippedRow[];
  rejects: RejectRecord[];
  totals: TotalsCheckRecord[];
}

export interface ReportCounts {
  tabs: number;
  month_tabs: number;
  skipped_tabs: number;
  rows: number;
  skipped_rows: number;
  rejects: number;
  totals_agree: number;
  totals_mismatch: number;
  totals_no_summary: number;
}
