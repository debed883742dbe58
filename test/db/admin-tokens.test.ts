import { createHash } from 'node:crypto';
import { asRole, createTestDatabase, rpcAs, sql, type TestDatabase } from '../support/db';
import { mintToken } from '../support/db-payloads';

describe('admin token functions (service_role only)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('mints a random pst_ token shown once and stores only its SHA-256', async () => {
    const a = await mintToken(db, 'Front desk laptop', ['kia_redfearn'], ['HUMBLE_MAIN']);
    const b = await mintToken(db, 'Front desk laptop');
    expect(a.token).toMatch(/^pst_[0-9a-f]{64}$/);
    expect(b.token).not.toBe(a.token);
    const [row] = await sql(db, 'select token_hash, label, provider_codes, location_codes, revoked_at from public.sync_tokens where id = $1', [a.token_id]);
    expect(row).toEqual({
      token_hash: createHash('sha256').update(a.token).digest('hex'),
      label: 'Front desk laptop',
      provider_codes: ['kia_redfearn'],
      location_codes: ['HUMBLE_MAIN'],
      revoked_at: null,
    });
    const [{ n }] = await sql(db, `select count(*)::int as n from public.sync_tokens t where to_jsonb(t)::text like '%' || $1 || '%'`, [a.token]);
    expect(n).toBe(0);
  });

  it('lists tokens without secrets, with their scope and spreadsheets', async () => {
    const t = await mintToken(db, 'listed', null, ['BAYTOWN_MAIN']);
    await rpcAs(db, 'anon', 'sync_directory', { p_token: t.token, p_spreadsheet_id: 'sheet-listed' });
    const list = await rpcAs(db, 'service_role', 'admin_list_tokens', {});
    const info = list.find((x: any) => x.token_id === t.token_id);
    expect(info).toEqual({
      token_id: t.token_id,
      label: 'listed',
      provider_codes: null,
      location_codes: ['BAYTOWN_MAIN'],
      created_at: expect.any(String),
      rotated_at: null,
      revoked_at: null,
      spreadsheet_ids: ['sheet-listed'],
    });
    expect(JSON.stringify(list)).not.toContain(t.token);
    expect(JSON.stringify(list)).not.toMatch(/token_hash|pst_/);
  });

  it('revokes (idempotently) and refuses to rotate a revoked token', async () => {
    const t = await mintToken(db, 'to revoke');
    const first = await rpcAs(db, 'service_role', 'admin_revoke_token', { p_token_id: t.token_id });
    expect(first.revoked_at).toEqual(expect.any(String));
    const again = await rpcAs(db, 'service_role', 'admin_revoke_token', { p_token_id: t.token_id });
    expect(again.revoked_at).toBe(first.revoked_at);
    await expect(rpcAs(db, 'service_role', 'admin_rotate_token', { p_token_id: t.token_id })).rejects.toMatchObject({ code: '22023' });
  });

  it('refuses unknown scope codes, an empty scope and a missing label', async () => {
    await expect(mintToken(db, 'x', ['nobody_here'])).rejects.toMatchObject({ code: '22023', message: 'unknown provider code(s): nobody_here' });
    await expect(mintToken(db, 'x', null, ['NOWHERE'])).rejects.toMatchObject({ code: '22023', message: 'unknown location code(s): NOWHERE' });
    await expect(mintToken(db, 'x', [])).rejects.toMatchObject({ code: '22023' });
    await expect(mintToken(db, '  ')).rejects.toMatchObject({ code: '22023' });
    await expect(rpcAs(db, 'service_role', 'admin_revoke_token', { p_token_id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'P0002' });
  });

  it('is denied to anon and authenticated with 42501', async () => {
    for (const role of ['anon', 'authenticated'] as const) {
      await expect(asRole(db, role, (c) => c.query(`select public.admin_mint_token('x')`))).rejects.toMatchObject({ code: '42501' });
    }
  });
});
