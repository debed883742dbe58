// Contract 6: every entry point checks the sync token first, each failure with its own code; the first call with
// a spreadsheet id claims it for the token; scope limits what may be written.
import { createTestDatabase, rpcAs, sql, type TestDatabase } from '../support/db';
import { day, DEMO_TOKEN, ingest, mintToken, month } from '../support/db-payloads';

const ENTRY_POINTS: [string, Record<string, unknown>][] = [
  ['sync_directory', {}],
  ['sync_bind', { p_provider_code: 'obinna_ezeji', p_settings: {} }],
  ['sync_plan', {}],
  ['sync_ingest', { p_months: [] }],
  ['sync_record_run', { p_run: {} }],
  ['sync_lease', { p_holder: 'h', p_action: 'take', p_ttl_seconds: 60 }],
];

describe('sync tokens at the entry points', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it.each(ENTRY_POINTS)('%s answers TOKEN_INVALID for an unknown or missing token, as data', async (fn, args) => {
    for (const token of ['pst_not_a_real_token', '', null]) {
      const res = await rpcAs(db, 'anon', fn, { p_token: token, p_spreadsheet_id: 'sheet-invalid', ...args });
      expect(res.ok).toBe(false);
      expect(res.error.code).toBe('TOKEN_INVALID');
    }
    const [{ n }] = await sql(db, `select count(*)::int as n from public.sync_bindings where spreadsheet_id = 'sheet-invalid'`);
    expect(n).toBe(0);
  });

  it.each(ENTRY_POINTS)('%s answers TOKEN_REVOKED for a revoked token', async (fn, args) => {
    const t = await mintToken(db, `revoked for ${fn}`);
    await rpcAs(db, 'service_role', 'admin_revoke_token', { p_token_id: t.token_id });
    const res = await rpcAs(db, 'anon', fn, { p_token: t.token, p_spreadsheet_id: `sheet-revoked-${fn}`, ...args });
    expect(res).toEqual({ ok: false, error: { code: 'TOKEN_REVOKED', message: 'This sync token was revoked. Ask your administrator for a new one.' } });
  });

  it('the first call binds the spreadsheet to the token; another live token gets SPREADSHEET_BOUND_ELSEWHERE', async () => {
    const other = await mintToken(db, 'other device');
    const first = await rpcAs(db, 'anon', 'sync_directory', { p_token: DEMO_TOKEN, p_spreadsheet_id: 'sheet-claimed' });
    expect([first.ok, first.binding]).toEqual([true, null]);
    const res = await rpcAs(db, 'anon', 'sync_directory', { p_token: other.token, p_spreadsheet_id: 'sheet-claimed' });
    expect(res.ok).toBe(false);
    expect(res.error.code).toBe('SPREADSHEET_BOUND_ELSEWHERE');
    // Revoking the bound token lets the token issued in its place take the spreadsheet over.
    const replaced = await mintToken(db, 'replacement');
    const old = await mintToken(db, 'old');
    await rpcAs(db, 'anon', 'sync_directory', { p_token: old.token, p_spreadsheet_id: 'sheet-handover' });
    await rpcAs(db, 'service_role', 'admin_revoke_token', { p_token_id: old.token_id });
    const taken = await rpcAs(db, 'anon', 'sync_directory', { p_token: replaced.token, p_spreadsheet_id: 'sheet-handover' });
    expect(taken.ok).toBe(true);
    const [row] = await sql(db, `select token_id from public.sync_bindings where spreadsheet_id = 'sheet-handover'`);
    expect(row.token_id).toBe(replaced.token_id);
  });

  it('a provider-scoped token sees only its providers and cannot bind another (TOKEN_OUT_OF_SCOPE)', async () => {
    const t = await mintToken(db, 'Adriane only', ['adriane_fontenot'], ['BAYTOWN_MAIN']);
    const dir = await rpcAs(db, 'anon', 'sync_directory', { p_token: t.token, p_spreadsheet_id: 'sheet-scoped' });
    expect(dir.scope).toEqual({ provider_codes: ['adriane_fontenot'], location_codes: ['BAYTOWN_MAIN'] });
    expect(dir.directory.providers.map((p: any) => p.code)).toEqual(['adriane_fontenot']);
    expect(dir.directory.locations.map((l: any) => l.code)).toEqual(['BAYTOWN_MAIN']);
    expect(dir.directory.links).toEqual([{ provider_code: 'adriane_fontenot', location_code: 'BAYTOWN_MAIN', active_from: null, active_to: null }]);
    const bind = await rpcAs(db, 'anon', 'sync_bind', { p_token: t.token, p_spreadsheet_id: 'sheet-scoped', p_provider_code: 'kia_redfearn', p_settings: {} });
    expect(bind).toEqual({ ok: false, error: { code: 'TOKEN_OUT_OF_SCOPE', message: 'This sync token may not write for provider kia_redfearn.' } });
  });

  it('a location-scoped token has rows for other offices rejected with the scope as reason', async () => {
    const t = await mintToken(db, 'Dr. Obi at Humble', ['obinna_ezeji'], ['HUMBLE_MAIN']);
    await rpcAs(db, 'anon', 'sync_bind', { p_token: t.token, p_spreadsheet_id: 'sheet-humble', p_provider_code: 'obinna_ezeji', p_settings: {} });
    const res = await ingest(
      db,
      [month('obinna_ezeji', '2024-11', [day('HUMBLE_MAIN', '2024-11-01', { verified_production: '1' }, { tab: 'Nov-24', row: 2 }), day('BAYTOWN_MAIN', '2024-11-02', { verified_production: '2' }, { tab: 'Nov-24', row: 3 })])],
      t.token,
      'sheet-humble',
    );
    expect(res.rows.map((r: any) => [r.location_code, r.outcome, r.reason])).toEqual([
      ['HUMBLE_MAIN', 'written', null],
      ['BAYTOWN_MAIN', 'rejected', "location BAYTOWN_MAIN is outside this sync token's scope"],
    ]);
  });

  it('a rotated token keeps its id, scope and spreadsheets; the old secret stops working', async () => {
    const t = await mintToken(db, 'to rotate', ['kia_redfearn'], null);
    await rpcAs(db, 'anon', 'sync_bind', { p_token: t.token, p_spreadsheet_id: 'sheet-rotate', p_provider_code: 'kia_redfearn', p_settings: {} });
    const rotated = await rpcAs(db, 'service_role', 'admin_rotate_token', { p_token_id: t.token_id });
    expect(rotated.token_id).toBe(t.token_id);
    expect(rotated.token).not.toBe(t.token);
    const old = await rpcAs(db, 'anon', 'sync_plan', { p_token: t.token, p_spreadsheet_id: 'sheet-rotate' });
    expect(old.error.code).toBe('TOKEN_INVALID');
    const now = await rpcAs(db, 'anon', 'sync_plan', { p_token: rotated.token, p_spreadsheet_id: 'sheet-rotate' });
    expect(now).toEqual({ ok: true, directory_version: expect.any(String), months: [] });
  });
});
