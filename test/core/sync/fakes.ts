// Test doubles for the sync engine at unit level: an in-memory sync server that speaks the api-contract shapes
// and records every call, a counting KeyValueStore enforcing the property limits, a sheet source, a clock, a
// tiny `understand`. NOT modelled: SQL, PostgREST transport, the real month-hash SQL (the fake hashes the
// payload it received with the client's canonical form), token scopes beyond one valid token.
import { createHash } from 'node:crypto';
import type { Binding, BindingSettings, MonthOutcome, RowOutcome, SyncRunRecord, PlanMonth } from '../../../src/core/api-contract';
import type { Cell } from '../../../src/core/cell';
import { demoDirectory } from '../../../src/core/demo-practice';
import { isLinked, type Directory } from '../../../src/core/directory';
import { monthHash } from '../../../src/core/month-hash';
import type { Clock, Hasher, KeyValueStore, Logger, SheetSource, SheetTab, Workbook } from '../../../src/core/ports';
import { emptyDayFields, type MonthPayload, type ProductionRow } from '../../../src/core/production';
import type { RpcCaller, RpcError, RpcResult } from '../../../src/core/postgrest/rpc-caller';
import { parseMonthTab, isMonthTab } from '../../../src/core/sheet/month-tab';
import type { MonthUnderstanding, UnderstandOptions, WorkbookUnderstanding } from '../../../src/core/understanding';

export const TOKEN = 'pst_test_TOKEN_0123456789abcdef';
export const KEY = 'sb_publishable_TESTKEY0123456789abcdef';

export const nodeHasher: Hasher = { sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex') };

export class FakeClock implements Clock {
  constructor(public t = Date.UTC(2026, 10, 25, 3, 0, 0)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export class MemoryLogger implements Logger {
  lines: string[] = [];
  log(message: string): void {
    this.lines.push(message);
  }
}

/** Strings only, null for a missing key, key+value ≤ 9 KB (9,216 bytes), counts every call. */
export class CountingStore implements KeyValueStore {
  data: Record<string, string> = {};
  calls = { get: 0, getAll: 0, set: 0, setAll: 0, delete: 0 };
  static readonly ENTRY_LIMIT = 9216;

  reads(): number {
    return this.calls.get + this.calls.getAll;
  }
  writes(): number {
    return this.calls.set + this.calls.setAll + this.calls.delete;
  }
  private check(key: string, value: string): void {
    if (typeof value !== 'string') throw new Error(`property values are strings: ${key}`);
    const bytes = Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8');
    if (bytes > CountingStore.ENTRY_LIMIT) throw new Error(`Argument too large: ${key} (${bytes} bytes)`);
  }
  get(key: string): string | null {
    this.calls.get++;
    return this.data[key] ?? null;
  }
  getAll(): Record<string, string> {
    this.calls.getAll++;
    return { ...this.data };
  }
  set(key: string, value: string): void {
    this.calls.set++;
    this.check(key, value);
    this.data[key] = value;
  }
  setAll(values: Record<string, string>): void {
    this.calls.setAll++;
    for (const [k, v] of Object.entries(values)) this.check(k, v);
    Object.assign(this.data, values);
  }
  delete(key: string): void {
    this.calls.delete++;
    delete this.data[key];
  }
}

// ---- workbook: rows of [date, location code, verified production, hours]; a blank date row is skipped ----

export type DayRow = [string | null, string, string, string];

export function monthTab(name: string, sheetId: number, days: DayRow[]): SheetTab {
  const values: Cell[][] = [['Date', 'Location', 'Verified Production', 'Hours']];
  for (const d of days) values.push([d[0] === null ? null : { date: d[0] }, d[1], d[2], d[3]]);
  return { name, sheetId, values };
}

/** Days 1..n of a month at one office, production 100+day, 8 hours. */
export function days(month: string, n: number, location = 'HUMBLE_MAIN'): DayRow[] {
  return Array.from({ length: n }, (_, i) => [`${month}-${String(i + 1).padStart(2, '0')}`, location, `${100 + i}.50`, '8']);
}

export class FakeSource implements SheetSource {
  describes = 0;
  reads: string[][] = [];
  constructor(public workbook: Workbook) {}
  describe() {
    this.describes++;
    const w = this.workbook;
    return { spreadsheetId: w.spreadsheetId, title: w.title, timeZone: w.timeZone, tabs: w.tabs.map((t) => ({ name: t.name, sheetId: t.sheetId })) };
  }
  read(tabNames: string[]): SheetTab[] {
    this.reads.push([...tabNames]);
    return this.workbook.tabs.filter((t) => tabNames.includes(t.name)).map((t) => ({ ...t, values: t.values.map((r) => [...r]) }));
  }
  tab(name: string): SheetTab {
    const t = this.workbook.tabs.find((x) => x.name === name);
    if (!t) throw new Error(`no tab ${name}`);
    return t;
  }
}

export function workbook(spreadsheetId: string, title: string, tabs: SheetTab[]): Workbook {
  return { spreadsheetId, title, timeZone: 'America/Chicago', tabs };
}

/** A stand-in for the sheet engine: enough to produce real months from the fixture layout above. */
export function fakeUnderstand(detected: { provider_code: string | null; confidence?: 'high' | 'medium'; ambiguous?: boolean } = { provider_code: 'obinna_ezeji' }) {
  const calls: { binding: BindingSettings | null | undefined; directoryVersion: string }[] = [];
  const understand = (wb: Workbook, directory: Directory, options: UnderstandOptions = {}): WorkbookUnderstanding => {
    calls.push({ binding: options.binding, directoryVersion: directory.version });
    const providerCode = options.binding?.provider_code ?? options.provider_code ?? detected.provider_code;
    const p = directory.providers.find((x) => x.code === providerCode) ?? null;
    const months: MonthUnderstanding[] = [];
    const tabs: WorkbookUnderstanding['tabs'] = [];
    for (const t of wb.tabs) {
      const parsed = parseMonthTab(t.name);
      if (!isMonthTab(parsed) || !providerCode) {
        tabs.push({ tab: t.name, sheet_id: t.sheetId, month: isMonthTab(parsed) ? parsed.month : null, skipped_reason: 'no provider', sheet_kind: null, header_row: null, columns: [], row_count: 0 });
        continue;
      }
      const rows: ProductionRow[] = [];
      const skipped: MonthUnderstanding['skipped'] = [];
      t.values.slice(1).forEach((r, i) => {
        const rowNumber = i + 2;
        const date = r[0] as { date: string } | null;
        if (!date) {
          skipped.push({ tab: t.name, row: rowNumber, reason: 'blank day' });
          return;
        }
        const fields = emptyDayFields();
        fields.verified_production = String(r[2]);
        fields.hours_worked = String(r[3]);
        rows.push({ provider_code: providerCode, location_code: String(r[1]), work_date: date.date, fields, note: null, source: { tab: t.name, row: rowNumber } });
      });
      months.push({ tab: t.name, payload: { provider_code: providerCode, month: parsed.month, rows, figures: [] }, skipped, rejects: [], totals: [] });
      tabs.push({ tab: t.name, sheet_id: t.sheetId, month: parsed.month, skipped_reason: null, sheet_kind: 'dentist', header_row: 1, columns: [], row_count: rows.length });
    }
    return {
      spreadsheet_id: wb.spreadsheetId,
      title: wb.title,
      time_zone: wb.timeZone,
      provider: {
        best: p ? { provider_code: p.code, name: p.name, score: 0.95, matched: p.aliases[0] ?? p.name } : null,
        runner_up: null,
        confidence: p ? (detected.confidence ?? 'high') : 'none',
        ambiguous: detected.ambiguous ?? false,
        source: options.binding ? 'binding' : 'title',
      },
      tabs,
      months,
      rejects: [],
    };
  };
  return { understand, calls };
}

// ---- the server ----

interface StoredMonth {
  hash: string;
  rows: Map<string, ProductionRow>; // location|date
}

type Fault = { fn: string; times: number; error?: Partial<RpcError>; api?: { code: string; message: string } };

export class FakeSyncServer implements RpcCaller {
  calls: { fn: string; args: Record<string, unknown> }[] = [];
  directory: Directory;
  bindings = new Map<string, Binding>();
  months = new Map<string, Map<string, StoredMonth>>(); // sid → provider|month → stored
  leases = new Map<string, { holder: string; expires: number }>();
  runs: { sid: string; run: SyncRunRecord }[] = [];
  faults: Fault[] = [];
  /** Called before each call is answered: tests reseed here "between two batches". */
  before: ((fn: string, n: number) => void) | null = null;
  msPerCall: Record<string, number> = {};
  failRecordRun = false;
  missingProviders = new Set<string>(); // codes that do not resolve right now (a reseed in progress)

  constructor(public clock: FakeClock) {
    this.directory = { ...demoDirectory(), version: 'v1' };
  }

  count(fn: string): number {
    return this.calls.filter((c) => c.fn === fn).length;
  }

  bind(sid: string, provider_code: string, default_location_code: string | null = null): void {
    this.bindings.set(sid, { spreadsheet_id: sid, provider_code, default_location_code, column_overrides: {}, updated_at: '2026-11-25T00:00:00Z' });
  }

  /** Contract 5: new ids under the same codes (version changes); optionally the production tables emptied. */
  reseed(opts: { emptyProduction: boolean }): void {
    this.directory = { ...this.directory, version: `${this.directory.version}+r` };
    if (opts.emptyProduction) this.months.clear();
  }

  storedRows(sid: string): ProductionRow[] {
    return [...(this.months.get(sid)?.values() ?? [])].flatMap((m) => [...m.rows.values()]);
  }

  rpc<T>(fn: string, args: Record<string, unknown>): RpcResult<T> {
    this.calls.push({ fn, args: JSON.parse(JSON.stringify(args)) });
    this.before?.(fn, this.count(fn));
    this.clock.advance(this.msPerCall[fn] ?? 100);
    const fault = this.faults.find((f) => f.fn === fn && f.times > 0);
    if (fault) {
      fault.times--;
      if (fault.api) return { data: { ok: false, error: fault.api } as T, error: null };
      return { data: null, error: { kind: 'server', status: 503, code: null, message: 'Service Unavailable', details: null, hint: null, ...fault.error } };
    }
    if (args.p_token !== TOKEN) return ok({ ok: false, error: { code: 'TOKEN_INVALID', message: 'unknown token' } });
    const sid = String(args.p_spreadsheet_id);
    switch (fn) {
      case 'sync_directory':
        return ok({ ok: true, directory: this.directory, binding: this.bindings.get(sid) ?? null, scope: { provider_codes: null, location_codes: null } });
      case 'sync_bind': {
        const s = args.p_settings as BindingSettings;
        this.bind(sid, s.provider_code, s.default_location_code);
        return ok({ ok: true, binding: this.bindings.get(sid), directory_version: this.directory.version });
      }
      case 'sync_plan': {
        if (!this.bindings.has(sid)) return ok({ ok: false, error: { code: 'NOT_BOUND', message: 'not bound' } });
        const months: PlanMonth[] = [...(this.months.get(sid) ?? new Map()).entries()].map(([key, m]) => ({
          provider_code: key.split('|')[0],
          month: key.split('|')[1],
          hash: m.hash,
          row_count: m.rows.size,
        }));
        return ok({ ok: true, directory_version: this.directory.version, months });
      }
      case 'sync_ingest':
        return ok(this.ingest(sid, args.p_months as MonthPayload[]));
      case 'sync_record_run':
        if (this.failRecordRun) return { data: null, error: { kind: 'network', status: null, code: null, message: 'connection reset', details: null, hint: null } };
        this.runs.push({ sid, run: args.p_run as SyncRunRecord });
        return ok({ ok: true, run_id: `run-${this.runs.length}` });
      case 'sync_lease': {
        const now = this.clock.now();
        const held = this.leases.get(sid);
        const holder = String(args.p_holder);
        const action = args.p_action;
        if (action === 'release') {
          if (held?.holder === holder) this.leases.delete(sid);
          return ok({ ok: true, held: false, holder: null, expires_at: null });
        }
        if (held && held.holder !== holder && held.expires > now)
          // The shape sync_private.lease answers (supabase/migrations): who and until when are in the message only.
          return ok({ ok: false, error: { code: 'LEASE_HELD', message: `Another sync (${held.holder}) holds this spreadsheet until ${new Date(held.expires).toISOString().replace(/\.\d{3}Z$/, 'Z')}.` } });
        const ttl = Number(args.p_ttl_seconds);
        if (!Number.isInteger(ttl) || ttl < 1 || ttl > 3600) return ok({ ok: false, error: { code: 'BAD_PAYLOAD', message: 'p_ttl_seconds must be between 1 and 3600.' } });
        const expires = now + ttl * 1000;
        this.leases.set(sid, { holder, expires });
        return ok({ ok: true, held: true, holder, expires_at: new Date(expires).toISOString() });
      }
      default:
        return { data: null, error: { kind: 'missing_rpc', status: 404, code: 'PGRST202', message: `no function ${fn}`, details: null, hint: null } };
    }
  }

  private ingest(sid: string, payloads: MonthPayload[]) {
    const binding = this.bindings.get(sid);
    if (!binding) return { ok: false, error: { code: 'NOT_BOUND', message: 'not bound' } };
    for (const p of payloads) {
      if (this.missingProviders.has(p.provider_code) || !this.directory.providers.some((d) => d.code === p.provider_code))
        return { ok: false, error: { code: 'UNKNOWN_PROVIDER', message: `unknown provider ${p.provider_code}` }, directory_version: this.directory.version };
    }
    const store = this.months.get(sid) ?? new Map<string, StoredMonth>();
    this.months.set(sid, store);
    const months: MonthOutcome[] = [];
    const rows: RowOutcome[] = [];
    for (const p of payloads) {
      const key = `${p.provider_code}|${p.month}`;
      const before = store.get(key)?.rows ?? new Map<string, ProductionRow>();
      const after = new Map<string, ProductionRow>();
      const o: MonthOutcome = { provider_code: p.provider_code, month: p.month, hash: monthHash(p, nodeHasher), written: 0, unchanged: 0, rejected: 0, deleted: 0, totals: [] };
      for (const r of p.rows) {
        const rk = `${r.location_code}|${r.work_date}`;
        const base = { tab: r.source.tab, row: r.source.row, location_code: r.location_code, work_date: r.work_date };
        if (!isLinked(this.directory, p.provider_code, r.location_code, r.work_date)) {
          o.rejected++;
          rows.push({ ...base, outcome: 'rejected', reason: `provider not linked to ${r.location_code}` });
          continue;
        }
        after.set(rk, r);
        const old = before.get(rk);
        if (old && JSON.stringify(old) === JSON.stringify(r)) {
          o.unchanged++;
          rows.push({ ...base, outcome: 'unchanged', reason: null });
        } else {
          o.written++;
          rows.push({ ...base, outcome: 'written', reason: null });
        }
      }
      for (const k of before.keys()) if (!after.has(k)) o.deleted++;
      (o as unknown as { figures_rejected: unknown[] }).figures_rejected = p.figures
        .filter((f) => !/^[a-z][a-z0-9_]{0,62}$/.test(f.name))
        .map((f) => ({ location_code: f.location_code, name: f.name, value: f.value, reason: 'name must be lower_snake_case' }));
      // Like sync_ingest: what the database now holds for the month, per office. Rows rejected this time keep the
      // stored row of their key, as the real server does.
      for (const [k, r] of before) if (!after.has(k) && rows.some((x) => x.outcome === 'rejected' && `${x.location_code}|${x.work_date}` === k)) after.set(k, r);
      const sum = (xs: ProductionRow[], f: 'verified_production' | 'hours_worked') => xs.reduce((n, r) => n + Number(r.fields[f] ?? 0), 0);
      for (const loc of [...new Set([...after.values()].map((r) => r.location_code))].sort()) {
        const at = [...after.values()].filter((r) => r.location_code === loc);
        o.totals.push({ location_code: loc, verified_production: sum(at, 'verified_production').toFixed(2), hours_worked: sum(at, 'hours_worked').toFixed(2), row_count: at.length });
      }
      store.set(key, { hash: o.hash, rows: after });
      months.push(o);
    }
    return { ok: true, directory_version: this.directory.version, months, rows };
  }
}

function ok<T>(data: unknown): RpcResult<T> {
  return { data: data as T, error: null };
}
