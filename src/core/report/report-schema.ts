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
