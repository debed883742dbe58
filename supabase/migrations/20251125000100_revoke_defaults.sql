-- Nothing in the exposed schema is for the API roles unless a later migration grants it, object by object.
-- Supabase's default privileges grant anon/authenticated everything created in public, and PostgreSQL grants
-- EXECUTE on every new function to PUBLIC; both are revoked here, before any object exists.
-- (Default privileges are per creating role: these apply to the role that runs the migrations.)

alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke all on functions from anon, authenticated;
-- PUBLIC's EXECUTE is a global default: a per-schema revoke cannot remove it.
alter default privileges revoke execute on functions from public;

-- The privileged work lives here; PostgREST never exposes it. anon gets USAGE so that the thin entry points in
-- public (running as anon) can call the few functions granted to it; everything else in it stays denied.
create schema if not exists sync_private;
revoke all on schema sync_private from public;
grant usage on schema sync_private to anon, service_role;
