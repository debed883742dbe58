// The anon role (the add-on's publishable key) may call the six entry points and nothing else; authenticated
// nothing at all; the admin functions are service_role's alone.
import { RPC } from '../../src/core/api-contract';
import { asRole, createTestDatabase, sql, type ApiRole, type TestDatabase } from '../support/db';
import { DEMO_TOKEN, SHEET_ID } from '../support/db-payloads';

const TABLES = [
  'clinics', 'locations', 'providers', 'provider_locations', 'provider_aliases', 'location_aliases', 'external_id_mappings',
  'production_days', 'month_figures', 'sync_tokens', 'sync_bindings', 'sync_leases', 'sync_runs',
];

async function sqlstate(db: TestDatabase, role: ApiRole, text: string): Promise<string | null> {
  try {
    await asRole(db, role, (c) => c.query(text));
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? 'no code';
  }
}

describe('grants and RLS for the API roles', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it.each(TABLES)('anon and authenticated can neither read nor write public.%s (42501)', async (table) => {
    for (const role of ['anon', 'authenticated'] as const) {
      expect(await sqlstate(db, role, `select * from public.${table} limit 1`)).toBe('42501');
      expect(await sqlstate(db, role, `delete from public.${table}`)).toBe('42501');
      const col = table === 'sync_bindings' || table === 'sync_leases' ? 'spreadsheet_id' : 'id';
      expect(await sqlstate(db, role, `update public.${table} set ${col} = ${col}`)).toBe('42501');
    }
    expect(await sqlstate(db, 'anon', `insert into public.${table} default values`)).toBe('42501');
  });

  it('anon cannot call the private helpers (42501)', async () => {
    for (const call of [
      `select sync_private.month_canonical_text('obinna_ezeji', date '2024-11-01')`,
      `select sync_private.hash_token('x')`,
      `select sync_private.new_token_secret()`,
      `select sync_private.directory_version()`,
      `select * from sync_private.authorize('${DEMO_TOKEN}', '${SHEET_ID}')`,
      `select sync_private.resolve_external_id('dentist_sync', 'provider', 'OBINNA_PROVIDER')`,
      `select sync_private.admin_mint_token('x', null, null)`,
      `select sync_private.admin_list_tokens()`,
    ]) {
      expect([call, await sqlstate(db, 'anon', call)]).toEqual([call, '42501']);
    }
  });

  it('in sync_private anon may execute exactly the six work functions behind the entry points', async () => {
    const rows = await sql(
      db,
      `select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'sync_private' and has_function_privilege('anon', p.oid, 'EXECUTE') order by 1`,
    );
    expect(rows.map((r) => r.proname)).toEqual(['bind', 'directory', 'ingest', 'lease', 'plan', 'record_run']);
    const noOne = await sql(
      db,
      `select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'sync_private' and (has_function_privilege('authenticated', p.oid, 'EXECUTE') or has_function_privilege('public', p.oid, 'EXECUTE'))`,
    );
    expect(noOne).toEqual([]);
  });

  it('anon and authenticated cannot call the admin functions (42501); service_role can', async () => {
    for (const role of ['anon', 'authenticated'] as const) {
      expect(await sqlstate(db, role, `select public.admin_list_tokens()`)).toBe('42501');
      expect(await sqlstate(db, role, `select public.admin_mint_token('x')`)).toBe('42501');
      expect(await sqlstate(db, role, `select public.admin_rotate_token(gen_random_uuid())`)).toBe('42501');
      expect(await sqlstate(db, role, `select public.admin_revoke_token(gen_random_uuid())`)).toBe('42501');
    }
    expect(await sqlstate(db, 'service_role', `select public.admin_list_tokens()`)).toBeNull();
  });

  it('authenticated cannot call the entry points (42501); anon can', async () => {
    const call = `select public.${RPC.directory}(p_token => '${DEMO_TOKEN}', p_spreadsheet_id => '${SHEET_ID}')`;
    expect(await sqlstate(db, 'authenticated', call)).toBe('42501');
    expect(await sqlstate(db, 'anon', call)).toBeNull();
  });

  it('new objects in public get no grants for anon/authenticated (the default privileges were revoked)', async () => {
    await sql(db, 'create table public.later_table (id int primary key); create function public.later_fn() returns int language sql set search_path = \'\' as $$ select 1 $$');
    try {
      const [row] = await sql(
        db,
        `select has_table_privilege('anon', 'public.later_table', 'select') as anon_t, has_table_privilege('authenticated', 'public.later_table', 'select') as auth_t,
                has_function_privilege('anon', 'public.later_fn()', 'execute') as anon_f, has_function_privilege('authenticated', 'public.later_fn()', 'execute') as auth_f`,
      );
      expect(row).toEqual({ anon_t: false, auth_t: false, anon_f: false, auth_f: false });
    } finally {
      await sql(db, 'drop table public.later_table; drop function public.later_fn()');
    }
  });
});
