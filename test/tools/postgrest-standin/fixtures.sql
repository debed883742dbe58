-- Test functions for the REST stand-in's contract tests (test/tools/postgrest-standin). Applied as superuser on a
-- database that has only tools/supabase-bootstrap.sql, so Supabase's default grants give anon, authenticated and
-- service_role EXECUTE on everything created in public.

create table public.items (id int primary key, name text not null unique);
create table public.secrets (id int primary key, v text);
revoke all on public.secrets from anon, authenticated, service_role;

create schema private;
revoke all on schema private from public;
grant usage on schema private to anon, service_role;
create table private.notes (id int primary key, body text);
insert into private.notes values (1, 'one'), (2, 'two');

create function public.t_add(a int, b int) returns int language sql immutable as $$ select a + b $$;

create function public.t_put_item(p_id int, p_name text) returns void language sql as $$
  insert into public.items values (p_id, p_name)
$$;

create function public.t_count(p_n int) returns setof int language sql as $$ select generate_series(1, p_n) $$;

create function public.t_rows(p_n int) returns table (n int, label text) language sql as $$
  select g, 'row ' || g from generate_series(1, p_n) g
$$;

create type public.t_pair as (label text, amount numeric);
create function public.t_pair_of(p_label text, p_amount numeric) returns public.t_pair language sql as $$
  select row(p_label, p_amount)::public.t_pair
$$;

create function public.t_wrap(p_doc jsonb, p_tag text default 'none') returns jsonb language sql as $$
  select jsonb_build_object('doc', p_doc, 'tag', p_tag)
$$;

create function public.t_whole_body(jsonb) returns jsonb language sql as $$ select $1 $$;

create function public.t_overloaded(p_x int) returns text language sql as $$ select 'int' $$;
create function public.t_overloaded(p_x text) returns text language sql as $$ select 'text' $$;

create function private.t_count_notes() returns int
  language sql security definer set search_path = '' as $$ select count(*)::int from private.notes $$;
revoke execute on function private.t_count_notes() from public;
grant execute on function private.t_count_notes() to anon, service_role;

create function public.t_notes() returns int language sql security invoker as $$ select private.t_count_notes() $$;

create function public.t_read_secrets() returns int language sql security invoker as $$
  select count(*)::int from public.secrets
$$;

create function public.t_fail(p_kind text) returns int language plpgsql as $$
begin
  insert into public.items values (1000, 'written before the failure');
  if p_kind = 'raise' then
    raise exception 'I refuse!' using detail = 'Pretty simple', hint = 'There is nothing you can do.';
  elsif p_kind = 'pt409' then
    raise sqlstate 'PT409' using message = 'Conflict chosen by the function';
  elsif p_kind = 'no_data' then
    raise no_data_found using message = 'nothing here';
  elsif p_kind = 'unique' then
    insert into public.items values (1000, 'again');
  end if;
  return 1;
end
$$;

create function public.t_sleep(p_seconds float8) returns int language sql as $$
  select 1 from pg_sleep(p_seconds)
$$;

create function public.t_sleep_bounded(p_seconds float8) returns int language sql
  set statement_timeout = '1s' as $$ select 1 from pg_sleep(p_seconds) $$;

create function public.t_context() returns jsonb language sql stable as $$
  select jsonb_build_object(
    'user', current_user,
    'statement_timeout', current_setting('statement_timeout'),
    'method', current_setting('request.method', true),
    'path', current_setting('request.path', true),
    'content_type', current_setting('request.headers', true)::json->>'content-type',
    'claims_role', current_setting('request.jwt.claims', true)::json->>'role',
    'search_path', current_setting('search_path'))
$$;
