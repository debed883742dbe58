// The wire contract between the add-on (src/core/sync, src/core/postgrest) and the database API
// (supabase/migrations). PostgREST: POST /rest/v1/rpc/<fn> with named JSON args (p_…).
// Expected failures come back as data in a 200 ({ok:false,error}), never raised, so run logs survive.
import type { Directory } from './directory';
import type { MonthPayload } from './production';

export const RPC = {
  directory: 'sync_directory', // (p_token, p_spreadsheet_id) → DirectoryResponse
  bind: 'sync_bind', // (p_token, p_spreadsheet_id, p_provider_code, p_settings jsonb) → BindResponse
  plan: 'sync_plan', // (p_token, p_spreadsheet_id) → PlanResponse
  ingest: 'sync_ingest', // (p_token, p_spreadsheet_id, p_months jsonb: MonthPayload[]) → IngestResponse
  recordRun: 'sync_record_run', // (p_token, p_spreadsheet_id, p_run jsonb: SyncRunRecord) → RecordRunResponse
  lease: 'sync_lease', // (p_token, p_spreadsheet_id, p_holder, p_action 'take'|'renew'|'release', p_ttl_seconds) → LeaseResponse
} as const;

/** Admin RPCs: executable by service_role only (npm run token). */
export const ADMIN_RPC = {
  mintToken: 'admin_mint_token', // (p_label, p_provider_codes text[], p_location_codes text[]) → {token_id, token} (shown once)
  listTokens: 'admin_list_tokens', // () → TokenInfo[]
  rotateToken: 'admin_rotate_token', // (p_token_id) → {token_id, token}
  revokeToken: 'admin_revoke_token', // (p_token_id) → TokenInfo
} as const;

export interface TokenInfo {
  token_id: string;
  label: string;
  provider_codes: string[] | null; // null = unrestricted
  location_codes: string[] | null;
  created_at: string;
  rotated_at: string | null;
  revoked_at: string | null;
  spreadsheet_ids: string[];
}

export type ApiErrorCode =
  | 'TOKEN_INVALID' // unknown token
  | 'TOKEN_REVOKED'
  | 'TOKEN_OUT_OF_SCOPE' // provider/location outside the token's scope
  | 'SPREADSHEET_BOUND_ELSEWHERE' // the spreadsheet is bound to another token
  | 'NOT_BOUND' // plan/ingest before a binding exists
  | 'UNKNOWN_PROVIDER'
  | 'UNKNOWN_LOCATION'
  | 'LEASE_HELD'
  | 'BAD_PAYLOAD';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

export type ApiResult<T> = ({ ok: true } & T) | { ok: false; error: ApiError; directory_version?: string };

/** Saved, user-confirmed choices (contract 8). Keys are normalised header text. */
export interface BindingSettings {
  provider_code: string;
  /** Hygiene sheets have no office column: their rows go here (defaults to the hygienist's only office). */
  default_location_code: string | null;
  /** normalised header → field name or 'location:<CODE>' or 'ignore' */
  column_overrides: Record<string, string>;
}

export interface Binding extends BindingSettings {
  spreadsheet_id: string;
  updated_at: string;
}

export type DirectoryResponse = ApiResult<{
  directory: Directory;
  binding: Binding | null;
  scope: { provider_codes: string[] | null; location_codes: string[] | null }; // null = unrestricted
}>;

export type BindResponse = ApiResult<{ binding: Binding; directory_version: string }>;

export interface PlanMonth {
  provider_code: string;
  month: string; // YYYY-MM
  hash: string; // server-computed (contract 4)
  row_count: number;
}
export type PlanResponse = ApiResult<{ directory_version: string; months: PlanMonth[] }>;

export type RowOutcomeKind = 'written' | 'unchanged' | 'rejected';
export interface RowOutcome {
  tab: string;
  row: number;
  location_code: string;
  work_date: string;
  outcome: RowOutcomeKind;
  reason: string | null; // set when rejected
}

export interface MonthOutcome {
  provider_code: string;
  month: string;
  hash: string; // server's hash after the write
  written: number;
  unchanged: number;
  rejected: number;
  deleted: number; // rows of this month the sheet no longer has
  /** Stored rows kept because the month held them (MonthPayload.held); absent from servers before the hold migration. */
  held?: number;
  /** Held entries the server could not use (unknown office, day outside the month, …), with why; nothing was kept for them. */
  held_ignored?: { location_code: unknown; work_date: unknown; reason: string }[];
  figures_written?: number;
  figures_deleted?: number;
  figures_rejected?: { location_code: string | null; name: string; value: unknown; reason: string }[];
  /** What the database now holds for the month, per location (decimal strings). */
  totals: { location_code: string; verified_production: string; hours_worked: string; row_count: number }[];
}

export type IngestResponse = ApiResult<{ directory_version: string; months: MonthOutcome[]; rows: RowOutcome[] }>;

export interface RejectRecord {
  tab: string;
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
}

export interface TotalsCheckRecord {
  tab: string;
  month: string;
  location_code: string | null; // null = all offices
  figure: string; // e.g. verified_production, hours_worked
  sheet_value: string | null;
  rows_value: string;
  difference: string | null;
  status: 'agree' | 'mismatch' | 'no_summary';
}

export interface SyncRunRecord {
  started_at: string; // ISO
  ended_at: string;
  status: 'success' | 'partial' | 'failed' | 'yielded';
  trigger: 'manual' | 'hourly' | 'backfill';
  written: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  deleted: number;
  rejects: RejectRecord[];
  totals_check: TotalsCheckRecord[];
  addon_version: string;
  self_healed: boolean;
  message: string | null;
}
export type RecordRunResponse = ApiResult<{ run_id: string }>;

export type LeaseResponse =
  | ({ ok: true } & { held: boolean; holder: string | null; expires_at: string | null })
  | { ok: false; error: ApiError & { holder?: string; expires_at?: string } };

export type { MonthPayload };
