// Typed wrappers over RpcCaller for every RPC the add-on calls (api-contract.ts). Responses are validated
// narrowly at the boundary: only the fields the engine reads, and a missing one is a named `malformed` failure.
// Expected failures ({ok:false,error} in a 200, transport errors the client already retried) are returned as
// data, never thrown (STYLE practice 8).
import {
  RPC,
  type ApiErrorCode,
  type Binding,
  type BindingSettings,
  type MonthOutcome,
  type PlanMonth,
  type RowOutcome,
  type SyncRunRecord,
} from '../api-contract';
import type { Directory, DirectoryLink, DirectoryLocation, DirectoryProvider, ProviderKind } from '../directory';
import type { MonthPayload } from '../production';
import type { RpcCaller, RpcError } from '../postgrest/rpc-caller';
import { toUserMessage, unexpectedShapeMessage } from '../postgrest/user-message';

export type SyncFailure =
  | { kind: 'rpc'; fn: string; error: RpcError; message: string }
  | {
      kind: 'api';
      fn: string;
      code: ApiErrorCode;
      message: string;
      directory_version: string | null;
      /** Only for LEASE_HELD, when the server says who holds the lease and until when. */
      holder: string | null;
      expires_at: string | null;
    }
  | { kind: 'malformed'; fn: string; field: string; message: string };

export type SyncApiResult<T> = { ok: true; value: T } | { ok: false; failure: SyncFailure };

export interface DirectoryValue {
  directory: Directory;
  binding: Binding | null;
  scope: { provider_codes: string[] | null; location_codes: string[] | null };
}
export interface BindValue {
  binding: Binding;
  directory_version: string;
}
export interface PlanValue {
  directory_version: string;
  months: PlanMonth[];
}
/** A month-level figure the server refused (sync_ingest's figures_rejected; absent = none). */
export interface FigureReject {
  location_code: string | null;
  name: string | null;
  value: string | null;
  reason: string;
}
/**
 * sync_ingest answers figures_rejected as an ARRAY of rejects (supabase/migrations …_sync_private_work.sql), while
 * api-contract.ts declares it a count: the parser accepts both, and a bare count becomes that many undetailed rejects.
 */
export interface IngestMonthOutcome extends Omit<MonthOutcome, 'figures_rejected'> {
  figures_rejected: FigureReject[];
}
export interface IngestValue {
  directory_version: string;
  months: IngestMonthOutcome[];
  rows: RowOutcome[];
}
export interface LeaseValue {
  held: boolean;
  holder: string | null;
  expires_at: string | null;
}
export type LeaseAction = 'take' | 'renew' | 'release';

export interface SyncApi {
  directory(spreadsheetId: string): SyncApiResult<DirectoryValue>;
  bind(spreadsheetId: string, settings: BindingSettings): SyncApiResult<BindValue>;
  plan(spreadsheetId: string): SyncApiResult<PlanValue>;
  ingest(spreadsheetId: string, months: MonthPayload[]): SyncApiResult<IngestValue>;
  recordRun(spreadsheetId: string, run: SyncRunRecord): SyncApiResult<{ run_id: string }>;
  lease(spreadsheetId: string, holder: string, action: LeaseAction, ttlSeconds: number): SyncApiResult<LeaseValue>;
}

export function createSyncApi(caller: RpcCaller, token: string): SyncApi {
  const call = <T>(fn: string, args: Record<string, unknown>, parse: (r: Obj) => T): SyncApiResult<T> =>
    callRpc(caller, fn, { p_token: token, ...args }, parse);
  return {
    directory: (sid) => call(RPC.directory, { p_spreadsheet_id: sid }, parseDirectoryValue),
    bind: (sid, settings) =>
      call(
        RPC.bind,
        { p_spreadsheet_id: sid, p_provider_code: settings.provider_code, p_settings: settings },
        (r) => ({ binding: parseBinding(r.obj('binding')), directory_version: r.str('directory_version') }),
      ),
    plan: (sid) =>
      call(RPC.plan, { p_spreadsheet_id: sid }, (r) => ({
        directory_version: r.str('directory_version'),
        months: r.arr('months').map(parsePlanMonth),
      })),
    ingest: (sid, months) =>
      call(RPC.ingest, { p_spreadsheet_id: sid, p_months: months }, (r) => ({
        directory_version: r.str('directory_version'),
        months: r.arr('months').map(parseMonthOutcome),
        rows: r.arr('rows').map(parseRowOutcome),
      })),
    recordRun: (sid, run) => call(RPC.recordRun, { p_spreadsheet_id: sid, p_run: run }, (r) => ({ run_id: r.str('run_id') })),
    lease: (sid, holder, action, ttl) =>
      call(
        RPC.lease,
        { p_spreadsheet_id: sid, p_holder: holder, p_action: action, p_ttl_seconds: ttl },
        (r) => ({ held: r.bool('held'), holder: r.strOrNull('holder'), expires_at: r.strOrNull('expires_at') }),
      ),
  };
}

function callRpc<T>(caller: RpcCaller, fn: string, args: Record<string, unknown>, parse: (r: Obj) => T): SyncApiResult<T> {
  const result = caller.rpc<unknown>(fn, args);
  if (result.error) return { ok: false, failure: { kind: 'rpc', fn, error: result.error, message: toUserMessage(result.error, { fn }) } };
  try {
    const body = Obj.of(result.data, fn, '');
    if (body.bool('ok')) return { ok: true, value: parse(body) };
    const error = body.obj('error');
    const code = error.str('code') as ApiErrorCode;
    return {
      ok: false,
      failure: {
        kind: 'api',
        fn,
        code,
        message: error.str('message'),
        directory_version: body.optStr('directory_version') ?? error.optStr('directory_version'),
        holder: error.optStr('holder') ?? body.optStr('holder'),
        expires_at: error.optStr('expires_at') ?? body.optStr('expires_at'),
      },
    };
  } catch (e) {
    if (e instanceof MalformedResponse) return { ok: false, failure: { kind: 'malformed', fn, field: e.field, message: e.message } };
    throw e;
  }
}

/** The sentence a person reads, built in src/core/postgrest/user-message.ts (toUserMessage) for every kind. */
export function failureMessage(failure: SyncFailure): string {
  switch (failure.kind) {
    case 'rpc':
      return failure.message;
    case 'api':
      return toUserMessage({ code: failure.code, message: failure.message });
    case 'malformed':
      return unexpectedShapeMessage(failure.fn, failure.message);
  }
}

// ---- narrow boundary parsing ----

export class MalformedResponse extends Error {
  constructor(
    readonly fn: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${field || 'response'} ${problem}`);
    this.name = 'MalformedResponse';
  }
}

class Obj {
  private constructor(
    private readonly value: Record<string, unknown>,
    readonly fn: string,
    readonly path: string,
  ) {}

  static of(value: unknown, fn: string, path: string): Obj {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedResponse(fn, path, 'is not an object');
    return new Obj(value as Record<string, unknown>, fn, path);
  }

  private at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  private need(key: string): unknown {
    if (!(key in this.value) || this.value[key] === undefined) throw new MalformedResponse(this.fn, this.at(key), 'is missing');
    return this.value[key];
  }

  str(key: string): string {
    const v = this.need(key);
    if (typeof v !== 'string') throw new MalformedResponse(this.fn, this.at(key), 'is not a string');
    return v;
  }

  strOrNull(key: string): string | null {
    const v = this.need(key);
    if (v !== null && typeof v !== 'string') throw new MalformedResponse(this.fn, this.at(key), 'is not a string or null');
    return v;
  }

  optStr(key: string): string | null {
    const v = this.value[key];
    return typeof v === 'string' ? v : null;
  }

  isNumber(key: string): boolean {
    return typeof this.value[key] === 'number';
  }

  has(key: string): boolean {
    return this.value[key] !== undefined && this.value[key] !== null;
  }

  /** A scalar as text (figures echo the raw value, which may be a number or a string), else null. */
  optText(key: string): string | null {
    const v = this.value[key];
    return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : v === null || v === undefined ? null : JSON.stringify(v);
  }

  num(key: string): number {
    const v = this.need(key);
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new MalformedResponse(this.fn, this.at(key), 'is not a number');
    return v;
  }

  /** Amounts may arrive as JSON numbers or numeric strings depending on how the SQL builds them. */
  decimal(key: string): string {
    const v = this.need(key);
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return v;
    throw new MalformedResponse(this.fn, this.at(key), 'is not a decimal');
  }

  bool(key: string): boolean {
    const v = this.need(key);
    if (typeof v !== 'boolean') throw new MalformedResponse(this.fn, this.at(key), 'is not a boolean');
    return v;
  }

  obj(key: string): Obj {
    return Obj.of(this.need(key), this.fn, this.at(key));
  }

  objOrNull(key: string): Obj | null {
    const v = this.need(key);
    return v === null ? null : Obj.of(v, this.fn, this.at(key));
  }

  arr(key: string): Obj[] {
    return this.rawArr(key).map((v, i) => Obj.of(v, this.fn, `${this.at(key)}[${i}]`));
  }

  strArr(key: string): string[] {
    return this.rawArr(key).map((v, i) => {
      if (typeof v !== 'string') throw new MalformedResponse(this.fn, `${this.at(key)}[${i}]`, 'is not a string');
      return v;
    });
  }

  strArrOrNull(key: string): string[] | null {
    return this.need(key) === null ? null : this.strArr(key);
  }

  strRecord(key: string): Record<string, string> {
    const o = this.obj(key);
    const out: Record<string, string> = {};
    for (const k of Object.keys(o.value)) out[k] = o.str(k);
    return out;
  }

  private rawArr(key: string): unknown[] {
    const v = this.need(key);
    if (!Array.isArray(v)) throw new MalformedResponse(this.fn, this.at(key), 'is not an array');
    return v;
  }
}

function parseDirectoryValue(r: Obj): DirectoryValue {
  const scope = r.obj('scope');
  return {
    directory: parseDirectory(r.obj('directory')),
    binding: ((b) => (b ? parseBinding(b) : null))(r.objOrNull('binding')),
    scope: { provider_codes: scope.strArrOrNull('provider_codes'), location_codes: scope.strArrOrNull('location_codes') },
  };
}

export function parseDirectory(d: Obj): Directory {
  const clinic = d.obj('clinic');
  return {
    clinic: { code: clinic.str('code'), name: clinic.str('name'), time_zone: clinic.str('time_zone') },
    locations: d.arr('locations').map((l): DirectoryLocation => ({ code: l.str('code'), name: l.str('name'), aliases: l.strArr('aliases') })),
    providers: d.arr('providers').map(
      (p): DirectoryProvider => ({ code: p.str('code'), name: p.str('name'), kind: p.str('kind') as ProviderKind, aliases: p.strArr('aliases') }),
    ),
    links: d.arr('links').map(
      (l): DirectoryLink => ({
        provider_code: l.str('provider_code'),
        location_code: l.str('location_code'),
        active_from: l.strOrNull('active_from'),
        active_to: l.strOrNull('active_to'),
      }),
    ),
    version: d.str('version'),
  };
}

function parseBinding(b: Obj): Binding {
  return {
    spreadsheet_id: b.str('spreadsheet_id'),
    provider_code: b.str('provider_code'),
    default_location_code: b.strOrNull('default_location_code'),
    column_overrides: b.strRecord('column_overrides'),
    updated_at: b.str('updated_at'),
  };
}

function parsePlanMonth(m: Obj): PlanMonth {
  return { provider_code: m.str('provider_code'), month: m.str('month'), hash: m.str('hash'), row_count: m.num('row_count') };
}

function parseMonthOutcome(m: Obj): IngestMonthOutcome {
  return {
    figures_rejected: !m.has('figures_rejected')
      ? []
      : m.isNumber('figures_rejected')
        ? Array.from({ length: m.num('figures_rejected') }, () => ({ location_code: null, name: null, value: null, reason: 'month figure rejected (the database gave no detail)' }))
        : m.arr('figures_rejected').map((f) => ({ location_code: f.optStr('location_code'), name: f.optStr('name'), value: f.optText('value'), reason: f.str('reason') })),
    provider_code: m.str('provider_code'),
    month: m.str('month'),
    hash: m.str('hash'),
    written: m.num('written'),
    unchanged: m.num('unchanged'),
    rejected: m.num('rejected'),
    deleted: m.num('deleted'),
    // Only servers with the hold migration answer it; absent means nothing was held.
    ...(m.isNumber('held') ? { held: m.num('held') } : {}),
    totals: m.arr('totals').map((t) => ({
      location_code: t.str('location_code'),
      verified_production: t.decimal('verified_production'),
      hours_worked: t.decimal('hours_worked'),
      row_count: t.num('row_count'),
    })),
  };
}

function parseRowOutcome(r: Obj): RowOutcome {
  const outcome = r.str('outcome');
  if (outcome !== 'written' && outcome !== 'unchanged' && outcome !== 'rejected')
    throw new MalformedResponse(r.fn, `${r.path}.outcome`, `is '${outcome}', not written/unchanged/rejected`);
  return {
    tab: r.str('tab'),
    row: r.num('row'),
    location_code: r.str('location_code'),
    work_date: r.str('work_date'),
    outcome,
    reason: r.optStr('reason'), // absent or null unless rejected
  };
}
