-- LOCAL ONLY. Mimics what a Supabase project has before our migrations run: its API roles, their grants on schema
-- public, the default privileges Supabase sets (so that our first migration's REVOKE is really exercised) and the
-- per-role statement timeouts. Never a migration: on real Supabase all of this already exists.
-- Roles are per cluster (guarded, so this file can run once per database); grants and default privileges are
-- per database.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;

-- Supabase: anon 3 s, authenticated 8 s. They do not follow SET ROLE: whoever plays PostgREST applies them per
-- request (set local statement_timeout) the way PostgREST does.
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';

grant usage on schema public to anon, authenticated, service_role;

-- Supabase's defaults: everything a migration creates in public is granted to the API roles. Our first migration
-- must revoke these for anon/authenticated.
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
