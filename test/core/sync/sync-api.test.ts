import type { RpcCaller, RpcResult } from '../../../src/core/postgrest/rpc-caller';
import { createSyncApi, failureMessage } from '../../../src/core/sync/sync-api';
import { demoDirectory } from '../../../src/core/demo-practice';
import { TOKEN } from './fakes';

/** Answers every call with the scripted result and records the call. */
function scripted(answer: unknown | (() => RpcResult<unknown>)) {
  const calls: { fn: string; args: Record<string, unknown> }[] = [];
  const caller: RpcCaller = {
    rpc<T>(fn: string, args: Record<string, unknown>): RpcResult<T> {
      calls.push({ fn, args });
      return (typeof answer === 'function' ? (answer as () => RpcResult<unknown>)() : { data: answer, error: null }) as RpcResult<T>;
    },
  };
  return { calls, api: createSyncApi(caller, TOKEN) };
}

describe('createSyncApi', () => {
  test('sends each RPC its named arguments, the token first', () => {
    const s = scripted({ ok: true, held: true, holder: 'me', expires_at: '2026-11-25T03:01:00Z' });
    s.api.lease('sid-1', 'me', 'take', 90);
    expect(s.calls).toEqual([{ fn: 'sync_lease', args: { p_token: TOKEN, p_spreadsheet_id: 'sid-1', p_holder: 'me', p_action: 'take', p_ttl_seconds: 90 } }]);
    const b = scripted({ ok: true, binding: { spreadsheet_id: 'sid-1', provider_code: 'kia_redfearn', default_location_code: 'HUMBLE_MAIN', column_overrides: {}, updated_at: 'x' }, directory_version: 'v1' });
    const settings = { provider_code: 'kia_redfearn', default_location_code: 'HUMBLE_MAIN', column_overrides: {} };
    b.api.bind('sid-1', settings);
    expect(b.calls[0]).toEqual({ fn: 'sync_bind', args: { p_token: TOKEN, p_spreadsheet_id: 'sid-1', p_provider_code: 'kia_redfearn', p_settings: settings } });
  });

  test('parses a directory answer into the Directory type', () => {
    const s = scripted({ ok: true, directory: { ...demoDirectory(), version: 'v7' }, binding: null, scope: { provider_codes: ['kia_redfearn'], location_codes: null } });
    const r = s.api.directory('sid-1');
    expect(r.ok && r.value.directory.version).toBe('v7');
    expect(r.ok && r.value.scope).toEqual({ provider_codes: ['kia_redfearn'], location_codes: null });
  });

  test('an expected failure in a 200 becomes a typed api failure, not an exception', () => {
    const s = scripted({ ok: false, error: { code: 'TOKEN_REVOKED', message: 'revoked on 2026-11-01' } });
    const r = s.api.plan('sid-1');
    expect(r).toEqual({
      ok: false,
      failure: { kind: 'api', fn: 'sync_plan', code: 'TOKEN_REVOKED', message: 'revoked on 2026-11-01', directory_version: null, holder: null, expires_at: null },
    });
    expect(!r.ok && failureMessage(r.failure)).toBe('The sync token has been revoked: ask your administrator for a new one and paste it into Settings → Sync token.');
  });

  test('a missing field is a named malformed failure', () => {
    const s = scripted({ ok: true, directory_version: 'v1', months: [{ provider_code: 'p', month: '2024-11', row_count: 3 }] });
    expect(s.api.plan('sid-1')).toEqual({ ok: false, failure: { kind: 'malformed', fn: 'sync_plan', field: 'months[0].hash', message: 'months[0].hash is missing' } });
  });

  test('a wrong type is named too, and a non-object answer is malformed', () => {
    expect(scripted({ ok: true, run_id: 42 }).api.recordRun('s', {} as never)).toEqual({
      ok: false,
      failure: { kind: 'malformed', fn: 'sync_record_run', field: 'run_id', message: 'run_id is not a string' },
    });
    expect(scripted(null).api.plan('s')).toEqual({ ok: false, failure: { kind: 'malformed', fn: 'sync_plan', field: '', message: 'response is not an object' } });
  });

  test('an ingest row outcome outside the contract is malformed; amounts as numbers or strings are accepted', () => {
    const month = { provider_code: 'p', month: '2024-11', hash: 'h', written: 1, unchanged: 0, rejected: 0, deleted: 0, totals: [{ location_code: 'L', verified_production: 12.5, hours_worked: '8.00', row_count: 1 }] };
    const good = scripted({ ok: true, directory_version: 'v1', months: [month], rows: [{ tab: 'Nov-24', row: 2, location_code: 'L', work_date: '2024-11-01', outcome: 'written' }] }).api.ingest('s', []);
    expect(good.ok && good.value.months[0].totals[0]).toEqual({ location_code: 'L', verified_production: '12.5', hours_worked: '8.00', row_count: 1 });
    expect(good.ok && good.value.rows[0].reason).toBeNull();
    const bad = scripted({ ok: true, directory_version: 'v1', months: [], rows: [{ tab: 'T', row: 2, location_code: 'L', work_date: 'd', outcome: 'moved' }] }).api.ingest('s', []);
    expect(!bad.ok && bad.failure).toEqual({ kind: 'malformed', fn: 'sync_ingest', field: 'rows[0].outcome', message: "rows[0].outcome is 'moved', not written/unchanged/rejected" });
  });

  test.each([
    ['bad_key', 401, null, "The publishable key was refused by Supabase (HTTP 401): check Settings → Publishable key — paste the project's publishable key (it starts with sb_publishable_)."],
    ['missing_rpc', 404, 'PGRST202', 'The database has no function sync_plan (HTTP 404, PGRST202): run the migrations on this Supabase project, or check that Settings → Supabase URL names the right project.'],
    ['timeout', 500, '57014', 'Timed out: the database stopped sync_plan at its statement time limit (HTTP 500, 57014). Nothing from that call was saved; sync again, and if it keeps happening, sync fewer months at a time.'],
  ] as const)('a transport error of kind %s becomes the one user message, naming the RPC', (kind, status, code, sentence) => {
    const s = scripted(() => ({ data: null, error: { kind, status, code, message: 'Invalid API key', details: null, hint: null } }));
    const r = s.api.plan('sid');
    expect(!r.ok && r.failure.kind).toBe('rpc');
    expect(!r.ok && failureMessage(r.failure)).toBe(sentence);
  });

  test('figures_rejected is read as the array sync_ingest sends, and tolerated as the count api-contract.ts declares', () => {
    const month = { provider_code: 'p', month: '2024-11', hash: 'h', written: 0, unchanged: 0, rejected: 0, deleted: 0, totals: [] };
    const asArray = scripted({ ok: true, directory_version: 'v1', months: [{ ...month, figures_rejected: [{ location_code: null, name: 'Goal', value: 70000, reason: 'name must be lower_snake_case' }] }], rows: [] }).api.ingest('s', []);
    expect(asArray.ok && asArray.value.months[0].figures_rejected).toEqual([{ location_code: null, name: 'Goal', value: '70000', reason: 'name must be lower_snake_case' }]);
    const asCount = scripted({ ok: true, directory_version: 'v1', months: [{ ...month, figures_rejected: 2 }], rows: [] }).api.ingest('s', []);
    expect(asCount.ok && asCount.value.months[0].figures_rejected.map((f) => f.reason)).toEqual([
      'month figure rejected (the database gave no detail)',
      'month figure rejected (the database gave no detail)',
    ]);
  });

  test('LEASE_HELD carries who holds the lease and until when', () => {
    const r = scripted({ ok: false, error: { code: 'LEASE_HELD', message: 'held', holder: 'b@x', expires_at: '2026-11-25T03:05:00Z' } }).api.lease('s', 'a', 'take', 60);
    expect(!r.ok && r.failure.kind === 'api' && [r.failure.holder, r.failure.expires_at]).toEqual(['b@x', '2026-11-25T03:05:00Z']);
  });
});
