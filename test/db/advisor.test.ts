// Supabase's database advisor (supabase/splinter) must have nothing to flag on our schema. These are our own
// readings of its security lints (0011, 0013, 0028, 0029) and the table hygiene ones (0001, 0006, 0008), run on a
// migrated plain PostgreSQL. Exposed schemas: Supabase's default PostgREST db_schemas. (0005 unused_index is
// about index usage at runtime, so a fresh database cannot be judged by it.)
import { createTestDatabase, sql, type TestDatabase } from '../support/db';

const EXPOSED = ['public', 'graphql_public'];
const SYSTEM = ['pg_catalog', 'information_schema', 'pg_toast'];

describe("Supabase's advisor lints on the migrated database", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('0011 function_search_path_mutable: every function of ours pins its search_path', async () => {
    const rows = await sql(
      db,
      `select n.nspname || '.' || p.proname as fn
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         left join pg_depend dep on dep.objid = p.oid and dep.deptype = 'e'
        where n.nspname <> all ($1) and n.nspname not like 'pg_temp%' and dep.objid is null
          and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`,
      [SYSTEM],
    );
    expect(rows).toEqual([]);
  });

  it('0013 rls_disabled_in_public: every table in an exposed schema has RLS enabled (whatever its grants)', async () => {
    const rows = await sql(
      db,
      `select n.nspname || '.' || c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname = any ($1) and not c.relrowsecurity`,
      [EXPOSED],
    );
    expect(rows).toEqual([]);
    const [{ n }] = await sql(db, `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' and n.nspname = 'public'`);
    expect(n).toBe(13);
  });

  it.each(['anon', 'authenticated'])('0028/0029: no SECURITY DEFINER function in an exposed schema is executable by %s', async (role) => {
    const rows = await sql(
      db,
      `select n.nspname || '.' || p.proname as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where p.prosecdef and n.nspname = any ($1) and has_function_privilege($2, p.oid, 'EXECUTE')`,
      [EXPOSED, role],
    );
    expect(rows).toEqual([]);
  });

  it('the exposed schema holds only SECURITY INVOKER entry points, and exactly the API of src/core/api-contract.ts', async () => {
    const { RPC, ADMIN_RPC } = await import('../../src/core/api-contract');
    const rows = await sql(
      db,
      `select p.proname as name, p.prosecdef as definer from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' order by 1`,
    );
    expect(rows.map((r) => r.name)).toEqual([...Object.values(RPC), ...Object.values(ADMIN_RPC)].sort());
    expect(rows.filter((r) => r.definer)).toEqual([]);
  });

  it('0008 rls_enabled_no_policy: every RLS table states its (deny-all) policy', async () => {
    const rows = await sql(
      db,
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and c.relrowsecurity and n.nspname <> all ($1)
          and not exists (select 1 from pg_policy p where p.polrelid = c.oid)`,
      [SYSTEM],
    );
    expect(rows).toEqual([]);
  });

  it('0006 multiple_permissive_policies: at most one permissive policy per table, role and action', async () => {
    const rows = await sql(
      db,
      `select c.relname, r.rolname, act, count(*) from pg_policy p
         join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
         join pg_roles r on p.polroles @> array[r.oid] or p.polroles = array[0::oid]
         cross join lateral unnest(case p.polcmd when 'r' then array['SELECT'] when 'a' then array['INSERT']
           when 'w' then array['UPDATE'] when 'd' then array['DELETE'] else array['SELECT','INSERT','UPDATE','DELETE'] end) act
        where p.polpermissive and n.nspname <> all ($1) and not r.rolbypassrls and r.rolname not like 'pg\\_%'
        group by 1, 2, 3 having count(*) > 1`,
      [SYSTEM],
    );
    expect(rows).toEqual([]);
  });

  it('0001 unindexed_foreign_keys: every foreign key has a covering index', async () => {
    const rows = await sql(
      db,
      `select c.relname, ct.conname from pg_constraint ct join pg_class c on c.oid = ct.conrelid
         join pg_namespace n on n.oid = c.relnamespace
        where ct.contype = 'f' and n.nspname <> all ($1)
          and not exists (select 1 from pg_index i where i.indrelid = ct.conrelid and i.indisvalid
                            and (string_to_array(i.indkey::text, ' ')::smallint[])[1:array_length(ct.conkey, 1)] = ct.conkey)`,
      [SYSTEM],
    );
    expect(rows).toEqual([]);
  });

  it('0009 duplicate_index: no two indexes of a table are the same definition', async () => {
    const rows = await sql(
      db,
      `select tablename, array_agg(indexname) from pg_indexes where schemaname <> all ($1)
        group by schemaname, tablename, replace(indexdef, indexname, '') having count(*) > 1`,
      [SYSTEM],
    );
    expect(rows).toEqual([]);
  });
});
