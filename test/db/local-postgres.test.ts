import { asRole, createTestDatabase, sql, type TestDatabase } from '../support/db';

describe('local PostgreSQL and the Supabase-like bootstrap', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrations: false });
  });
  afterAll(() => db?.drop());

  it('runs PostgreSQL 17', async () => {
    const [row] = await sql(db, 'show server_version_num');
    expect(Number(row.server_version_num)).toBeGreaterThanOrEqual(170000);
    expect(Number(row.server_version_num)).toBeLessThan(180000);
  });

  it('has the Supabase API roles, service_role bypassing RLS and authenticator able to become each', async () => {
    const rows = await sql(db, `select rolname, rolcanlogin, rolbypassrls, rolinherit from pg_roles where rolname in ('anon','authenticated','service_role','authenticator') order by rolname`);
    expect(rows).toEqual([
      { rolname: 'anon', rolcanlogin: false, rolbypassrls: false, rolinherit: false },
      { rolname: 'authenticated', rolcanlogin: false, rolbypassrls: false, rolinherit: false },
      { rolname: 'authenticator', rolcanlogin: true, rolbypassrls: false, rolinherit: false },
      { rolname: 'service_role', rolcanlogin: false, rolbypassrls: true, rolinherit: false },
    ]);
    for (const role of ['anon', 'authenticated', 'service_role'] as const) {
      expect(await asRole(db, role, async (c) => (await c.query('select current_user as u')).rows[0].u)).toBe(role);
    }
  });

  it('applies the role statement_timeout inside the request transaction: anon 3s, authenticated 8s', async () => {
    expect(await asRole(db, 'anon', async (c) => (await c.query('show statement_timeout')).rows[0].statement_timeout)).toBe('3s');
    expect(await asRole(db, 'authenticated', async (c) => (await c.query('show statement_timeout')).rows[0].statement_timeout)).toBe('8s');
  });

  it("grants Supabase's default privileges on public to anon and authenticated (what the first migration revokes)", async () => {
    await sql(db, 'create table public.bootstrap_probe (x int)');
    const [row] = await sql(db, `select has_table_privilege('anon', 'public.bootstrap_probe', 'select') as anon_select, has_table_privilege('authenticated', 'public.bootstrap_probe', 'insert') as auth_insert`);
    expect(row).toEqual({ anon_select: true, auth_insert: true });
  });
});
