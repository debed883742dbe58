// What the sheet engine (src/core/sheet, src/core/detect) understands of a workbook: the one output that
// `npm run inspect`, the sync loop and the cards all read. Pinned between the engine and the sync engine.
import type { TotalsCheckRecord, RejectRecord, BindingSettings } from './api-contract';
import type { MonthPayload } from './production';
import type { Directory } from './directory';
import type { Workbook } from './ports';

export type Confidence = 'high' | 'medium' | 'low' | 'none';

export interface ProviderCandidate {
  provider_code: string;
  name: string;
  score: number; // 0..1
  matched: string; // the alias or name text that matched, e.g. "Dr. Obi"
}

export interface ProviderDetection {
  best: ProviderCandidate | null;
  runner_up: ProviderCandidate | null;
  confidence: Confidence;
  ambiguous: boolean; // two providers match about equally: never guessed
  source: 'binding' | 'title' | 'tabs' | 'none';
}

export interface ColumnMapping {
  column: number; // 0-based
  header: string; // as written
  field: string | null; // e.g. work_date, verified_production, month:sheet_total_production; null = unmapped
  location_code: string | null;
  reason: string | null; // why unmapped, or 'override'
}

export interface SkippedRow {
  tab: string;
  row: number;
  reason: string; // e.g. 'blank day', 'no date'
}

export interface TabUnderstanding {
  tab: string;
  sheet_id: number;
  month: string | null; // YYYY-MM, null = not a month tab
  skipped_reason: string | null; // why the tab is not synced
  sheet_kind: string | null; // 'dentist' | 'hygienist' | …
  header_row: number | null; // 1-based
  columns: ColumnMapping[];
  row_count: number; // rows the engine produced for this tab
}

export interface MonthUnderstanding {
  tab: string;
  payload: MonthPayload; // every row of the month (contract 3)
  skipped: SkippedRow[];
  rejects: RejectRecord[];
  totals: TotalsCheckRecord[];
}

export interface WorkbookUnderstanding {
  spreadsheet_id: string;
  title: string;
  time_zone: string;
  provider: ProviderDetection;
  tabs: TabUnderstanding[];
  months: MonthUnderstanding[];
  /** Rejects not tied to one month (e.g. an unreadable tab); month rejects live in months[]. */
  rejects: RejectRecord[];
}

export interface UnderstandOptions {
  /** Saved, user-confirmed choices take precedence over detection (contract 8). */
  binding?: BindingSettings | null;
  /** Backfill flags (contract 10). */
  provider_code?: string;
  location_code?: string;
}

export type UnderstandWorkbook = (workbook: Workbook, directory: Directory, options?: UnderstandOptions) => WorkbookUnderstanding;
