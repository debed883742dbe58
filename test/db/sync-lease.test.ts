import { createTestDatabase, rpcAs, sql, type TestDatabase } from '../support/db';
import { DEMO_TOKEN, SHEET_ID } from '../support/db-payloads';

const lease = (db: TestDatabase, holder: string, action: string, ttl = 60) =>
  rpcAs(db, 'anon', 'sync_lease', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID, p_holder: holder, p_action: action, p_ttl_seconds: ttl });

describe('sync_lease: one writer per spreadsheet, with expiry', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('takes a free lease, renews its own, refuses another holder with LEASE_HELD, and releases', async () => {
    const taken = await lease(db, 'device-a', 'take', 120);
    expect(taken).toEqual({ ok: true, held: true, holder: 'device-a', expires_at: expect.any(String) });
    const renewed = await lease(db, 'device-a', 'renew', 300);
    expect(Date.parse(renewed.expires_at)).toBeGreaterThan(Date.parse(taken.expires_at));

    const other = await lease(db, 'device-b', 'take');
    expect(other.ok).toBe(false);
    expect(other.error.code).toBe('LEASE_HELD');
    expect(other.error.message).toMatch(/^Another sync \(device-a\) holds this spreadsheet until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.$/);
    expect(other.error.holder).toBe('device-a');
    expect(other.error.message).toContain(other.error.expires_at);
    expect((await lease(db, 'device-b', 'renew')).error.code).toBe('LEASE_HELD');

    expect(await lease(db, 'device-b', 'release')).toEqual({ ok: true, held: false, holder: 'device-a', expires_at: renewed.expires_at });
    expect(await lease(db, 'device-a', 'release')).toEqual({ ok: true, held: false, holder: null, expires_at: null });
    expect((await lease(db, 'device-b', 'take')).held).toBe(true);
  });

  it('lets another holder take a lease that has expired', async () => {
    await sql(db, `update public.sync_leases set expires_at = now() - interval '1 second' where spreadsheet_id = $1`, [SHEET_ID]);
    expect(await lease(db, 'device-c', 'take')).toEqual({ ok: true, held: true, holder: 'device-c', expires_at: expect.any(String) });
  });

  it.each([
    ['an unknown action', 'h', 'grab', 60, 'p_action must be take, renew or release.'],
    ['a zero ttl', 'h', 'take', 0, 'p_ttl_seconds must be between 1 and 3600.'],
    ['a blank holder', ' ', 'take', 60, 'p_holder must be a non-empty id of at most 200 characters.'],
  ])('refuses %s as BAD_PAYLOAD', async (_n, holder, action, ttl, message) => {
    expect(await lease(db, holder, action, ttl)).toEqual({ ok: false, error: { code: 'BAD_PAYLOAD', message } });
  });
});
