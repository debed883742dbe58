// Supabase's anon statement_timeout (3 s) applies to RPCs when the role's settings are applied inside the
// request's transaction, as PostgREST does (ALTER ROLE … SET does not follow SET ROLE). Past it: SQLSTATE 57014,
// which PostgREST answers 500 (the through-the-stand-in variant lives in the stand-in's tests).
import { asRole, callRpc, connect, createTestDatabase, sql, type TestDatabase } from '../support/db';
import { bindDemo, dentistMonth, DEMO_TOKEN, SHEET_ID } from '../support/db-payloads';

describe('the anon statement timeout', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await bindDemo(db);
  });
  afterAll(() => db?.drop());

  it('is 3 s for anon inside a request, and not set for the login role itself', async () => {
    expect(await asRole(db, 'anon', async (c) => (await c.query('show statement_timeout')).rows[0].statement_timeout)).toBe('3s');
    const [{ t }] = await sql(db, `select setting as t from pg_settings where name = 'statement_timeout'`);
    expect(t).toBe('0');
  });

  it('cancels a statement running past it with 57014, and an ingest stuck behind a busy month too', async () => {
    const holder = await connect(db.url);
    try {
      // Another writer holds the month's lock (as a long sync on another device would).
      await holder.query('begin');
      const [{ id }] = await sql(db, `select id from public.providers where provider_code = 'obinna_ezeji'`);
      await holder.query(`select pg_advisory_xact_lock(hashtextextended('production_sync:' || $1 || ':' || $2, 0))`, [id, '2024-11-01']);
      const started = Date.now();
      const [sleep, ingest] = await Promise.allSettled([
        asRole(db, 'anon', (c) => c.query('select pg_sleep(3.5)')),
        asRole(db, 'anon', (c) => callRpc(c, 'sync_ingest', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID, p_months: [dentistMonth('2024-11')] })),
      ]);
      expect(sleep).toMatchObject({ status: 'rejected', reason: { code: '57014', message: 'canceling statement due to statement timeout' } });
      expect(ingest).toMatchObject({ status: 'rejected', reason: { code: '57014' } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    // The cancelled ingest left nothing behind.
    expect((await sql(db, 'select count(*)::int as n from public.production_days'))[0].n).toBe(0);
  });
});
