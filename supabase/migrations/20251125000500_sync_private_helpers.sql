-- Helpers of the privileged work. Owner-only: no API role may execute them (they are called from the
-- SECURITY DEFINER functions, which run as their owner). Every function pins search_path = '' and names every
-- object with its schema.

create function sync_private.err(p_code text, p_message text) returns jsonb
language sql immutable
set search_path = ''
as $$
  select jsonb_build_object('ok', false, 'error', jsonb_build_object('code', p_code, 'message', p_message))
$$;
revoke all on function sync_private.err(text, text) from public;

create function sync_private.hash_token(p_token text) returns text
language sql immutable
set search_path = ''
as $$
  select encode(pg_catalog.sha256(convert_to(p_token, 'UTF8')), 'hex')
$$;
revoke all on function sync_private.hash_token(text) from public;

-- 'pst_' + 64 hex digits from two v4 UUIDs: 244 bits from PostgreSQL's strong random source, no extension needed.
create function sync_private.new_token_secret() returns text
language sql volatile
set search_path = ''
as $$
  select 'pst_' || replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
$$;
revoke all on function sync_private.new_token_secret() from public;

create function sync_private.in_scope(p_scope text[], p_code text) returns boolean
language sql immutable
set search_path = ''
as $$
  select p_scope is null or p_code = any (p_scope)
$$;
revoke all on function sync_private.in_scope(text[], text) from public;

-- 'YYYY-MM-DD' → date, or null when it is not a real calendar date. No exception, so no subtransaction per row.
create function sync_private.parse_date(p_text text) returns date
language sql immutable
set search_path = ''
as $$
  select case
    when p_text ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
     and substr(p_text, 9, 2)::int <= extract(day from (make_date(substr(p_text, 1, 4)::int, substr(p_text, 6, 2)::int, 1) + interval '1 month - 1 day'))::int
    then make_date(substr(p_text, 1, 4)::int, substr(p_text, 6, 2)::int, substr(p_text, 9, 2)::int)
  end
$$;
revoke all on function sync_private.parse_date(text) from public;

-- A JSON decimal string ("-1296.00", ".77") or JSON number → numeric; null for anything else.
create function sync_private.parse_decimal(p_value jsonb) returns numeric
language sql immutable
set search_path = ''
as $$
  select case
    when jsonb_typeof(p_value) = 'number' then (p_value #>> '{}')::numeric
    when jsonb_typeof(p_value) = 'string' and (p_value #>> '{}') ~ '^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)\s*$'
      then btrim(p_value #>> '{}')::numeric
  end
$$;
revoke all on function sync_private.parse_decimal(jsonb) from public;

create function sync_private.iso_date(p_date date) returns text
language sql stable
set search_path = ''
as $$
  select to_char(p_date::timestamp, 'YYYY-MM-DD')
$$;
revoke all on function sync_private.iso_date(date) from public;

-- A canonical decimal as a JSON value: "1296.5" (trim_scale, BEHAVIOR.md) or null.
create function sync_private.json_decimal(p_value numeric) returns text
language sql immutable
set search_path = ''
as $$
  select coalesce(to_json(trim_scale(p_value)::text)::text, 'null')
$$;
revoke all on function sync_private.json_decimal(numeric) from public;

-- ROW of BEHAVIOR.md "Month content hash": [location_code, work_date, six decimals, note, source_tab, source_row].
-- One flat expression (no nested helper calls): it runs once per row on every ingest and every plan. A canonical
-- decimal's text is digits, '-' and '.', so it needs no JSON escaping.
create function sync_private.canonical_row_text(
  p_location_code text, p_work_date date,
  p_hours_worked numeric, p_verified_production numeric, p_estimated_production numeric,
  p_production_goal numeric, p_variance_ratio numeric, p_bonus numeric,
  p_note text, p_source_tab text, p_source_row integer
) returns text
language sql stable
set search_path = ''
as $$
  select '[' || to_json(p_location_code)::text
    || ',"' || to_char(p_work_date::timestamp, 'YYYY-MM-DD') || '"'
    || ',' || coalesce('"' || trim_scale(p_hours_worked)::text || '"', 'null')
    || ',' || coalesce('"' || trim_scale(p_verified_production)::text || '"', 'null')
    || ',' || coalesce('"' || trim_scale(p_estimated_production)::text || '"', 'null')
    || ',' || coalesce('"' || trim_scale(p_production_goal)::text || '"', 'null')
    || ',' || coalesce('"' || trim_scale(p_variance_ratio)::text || '"', 'null')
    || ',' || coalesce('"' || trim_scale(p_bonus)::text || '"', 'null')
    || ',' || coalesce(to_json(p_note)::text, 'null')
    || ',' || to_json(p_source_tab)::text
    || ',' || p_source_row::text
    || ']'
$$;
revoke all on function sync_private.canonical_row_text(text, date, numeric, numeric, numeric, numeric, numeric, numeric, text, text, integer) from public;

-- The exact text the month hash is taken of (BEHAVIOR.md "Month content hash"; src/core/month-hash.ts
-- canonicalMonthText computes the same from the sheet). p_month: any day of the month. Null for an unknown provider.
create function sync_private.month_canonical_text(p_provider_code text, p_month date) returns text
language sql stable
set search_path = ''
as $$
  with m as (select date_trunc('month', p_month)::date as first_day)
  select '{"v":1,"provider":' || to_json(p.provider_code)::text
    || ',"month":' || to_json(to_char(m.first_day::timestamp, 'YYYY-MM'))::text
    || ',"rows":[' || coalesce((
         select string_agg(
                  sync_private.canonical_row_text(l.location_code, d.work_date, d.hours_worked, d.verified_production,
                    d.estimated_production, d.production_goal, d.variance_ratio, d.bonus, d.note, d.source_tab, d.source_row),
                  ',' order by l.location_code collate "C", d.work_date)
           from public.production_days d
           join public.locations l on l.id = d.location_id
          where d.provider_id = p.id
            and d.work_date >= m.first_day
            and d.work_date < (m.first_day + interval '1 month')::date), '')
    || '],"figures":[' || coalesce((
         select string_agg(
                  '[' || to_json(coalesce(l.location_code, ''))::text || ',' || to_json(f.name)::text || ','
                    || sync_private.json_decimal(f.value) || ']',
                  ',' order by coalesce(l.location_code, '') collate "C", f.name collate "C")
           from public.month_figures f
           left join public.locations l on l.id = f.location_id
          where f.provider_id = p.id
            and f.month = m.first_day), '')
    || ']}'
  from public.providers p, m
  where p.provider_code = p_provider_code
$$;
revoke all on function sync_private.month_canonical_text(text, date) from public;

create function sync_private.month_hash(p_provider_code text, p_month date) returns text
language sql stable
set search_path = ''
as $$
  select encode(pg_catalog.sha256(convert_to(sync_private.month_canonical_text(p_provider_code, p_month), 'UTF8')), 'hex')
$$;
revoke all on function sync_private.month_hash(text, date) from public;

-- Changes whenever any code→id relationship changes (a reseed, a new row) and whenever anything the add-on
-- caches from the directory changes (names, aliases, links).
create function sync_private.directory_version() returns text
language sql stable
set search_path = ''
as $$
  select md5(coalesce(string_agg(x, E'\n' order by x collate "C"), ''))
  from (
    select concat_ws('|', 'c', c.clinic_code, c.id, c.name, c.time_zone) as x from public.clinics c
    union all
    select concat_ws('|', 'l', l.location_code, l.id, l.name, l.clinic_id) from public.locations l
    union all
    select concat_ws('|', 'p', p.provider_code, p.id, p.name, p.kind, p.clinic_id) from public.providers p
    union all
    select concat_ws('|', 'pl', pl.id, pl.provider_id, pl.location_id,
                     coalesce(sync_private.iso_date(pl.active_from), '-'), coalesce(sync_private.iso_date(pl.active_to), '-'))
      from public.provider_locations pl
    union all
    select concat_ws('|', 'pa', a.provider_id, a.alias, a.ordinal) from public.provider_aliases a
    union all
    select concat_ws('|', 'la', a.location_id, a.alias, a.ordinal) from public.location_aliases a
  ) s
$$;
revoke all on function sync_private.directory_version() from public;

-- The Directory of src/core/directory.ts, limited to a token's scope (null = everything).
create function sync_private.directory_json(p_provider_codes text[], p_location_codes text[]) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'clinic', (
      select jsonb_build_object('code', c.clinic_code, 'name', c.name, 'time_zone', c.time_zone)
        from public.clinics c order by c.clinic_code limit 1),
    'locations', coalesce((
      select jsonb_agg(jsonb_build_object(
               'code', l.location_code, 'name', l.name,
               'aliases', coalesce((select jsonb_agg(a.alias order by a.ordinal, a.alias)
                                      from public.location_aliases a where a.location_id = l.id), '[]'::jsonb))
             order by l.location_code)
        from public.locations l
       where sync_private.in_scope(p_location_codes, l.location_code)), '[]'::jsonb),
    'providers', coalesce((
      select jsonb_agg(jsonb_build_object(
               'code', p.provider_code, 'name', p.name, 'kind', p.kind,
               'aliases', coalesce((select jsonb_agg(a.alias order by a.ordinal, a.alias)
                                      from public.provider_aliases a where a.provider_id = p.id), '[]'::jsonb))
             order by p.provider_code)
        from public.providers p
       where sync_private.in_scope(p_provider_codes, p.provider_code)), '[]'::jsonb),
    'links', coalesce((
      select jsonb_agg(jsonb_build_object(
               'provider_code', p.provider_code, 'location_code', l.location_code,
               'active_from', sync_private.iso_date(pl.active_from), 'active_to', sync_private.iso_date(pl.active_to))
             order by p.provider_code, l.location_code, pl.active_from nulls first)
        from public.provider_locations pl
        join public.providers p on p.id = pl.provider_id
        join public.locations l on l.id = pl.location_id
       where sync_private.in_scope(p_provider_codes, p.provider_code)
         and sync_private.in_scope(p_location_codes, l.location_code)), '[]'::jsonb),
    'version', sync_private.directory_version()
  )
$$;
revoke all on function sync_private.directory_json(text[], text[]) from public;

-- external_id_mappings → the CURRENT id of the entity its code names (null when the code is not in the directory).
create function sync_private.resolve_external_id(p_external_system text, p_entity_type text, p_external_id text) returns uuid
language sql stable
set search_path = ''
as $$
  select case m.entity_type
           when 'clinic' then (select c.id from public.clinics c where c.clinic_code = m.entity_code)
           when 'location' then (select l.id from public.locations l where l.location_code = m.entity_code)
           when 'provider' then (select p.id from public.providers p where p.provider_code = m.entity_code)
         end
    from public.external_id_mappings m
   where m.external_system = p_external_system and m.entity_type = p_entity_type and m.external_id = p_external_id
$$;
revoke all on function sync_private.resolve_external_id(text, text, text) from public;

create function sync_private.binding_json(p_binding public.sync_bindings) returns jsonb
language sql stable
set search_path = ''
as $$
  select case when p_binding.provider_code is null then null else jsonb_build_object(
    'spreadsheet_id', p_binding.spreadsheet_id,
    'provider_code', p_binding.provider_code,
    'default_location_code', p_binding.default_location_code,
    'column_overrides', p_binding.column_overrides,
    'updated_at', p_binding.updated_at) end
$$;
revoke all on function sync_private.binding_json(public.sync_bindings) from public;

create function sync_private.token_info(p_token public.sync_tokens) returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'token_id', p_token.id,
    'label', p_token.label,
    'provider_codes', to_jsonb(p_token.provider_codes),
    'location_codes', to_jsonb(p_token.location_codes),
    'created_at', p_token.created_at,
    'rotated_at', p_token.rotated_at,
    'revoked_at', p_token.revoked_at,
    'spreadsheet_ids', coalesce((select jsonb_agg(b.spreadsheet_id order by b.spreadsheet_id)
                                   from public.sync_bindings b where b.token_id = p_token.id), '[]'::jsonb))
$$;
revoke all on function sync_private.token_info(public.sync_tokens) from public;

-- Every entry point starts here: the token (unknown → TOKEN_INVALID, revoked → TOKEN_REVOKED), then the
-- spreadsheet, which the token's first call claims (bound to another live token → SPREADSHEET_BOUND_ELSEWHERE;
-- a spreadsheet whose token was revoked may be claimed by the token issued in its place).
create function sync_private.authorize(
  p_token text, p_spreadsheet_id text,
  out o_error jsonb, out o_token public.sync_tokens, out o_binding public.sync_bindings
)
language plpgsql volatile
set search_path = ''
as $$
declare
  v_bound_revoked timestamptz;
begin
  if p_token is null or p_token = '' then
    o_error := sync_private.err('TOKEN_INVALID', 'No sync token was sent. Paste the token from your administrator into the settings.');
    return;
  end if;
  select * into o_token from public.sync_tokens t where t.token_hash = sync_private.hash_token(p_token);
  if not found then
    o_error := sync_private.err('TOKEN_INVALID', 'The sync token is not known. Check that it was pasted whole, or ask your administrator for a new one.');
    return;
  end if;
  if o_token.revoked_at is not null then
    o_error := sync_private.err('TOKEN_REVOKED', 'This sync token was revoked. Ask your administrator for a new one.');
    return;
  end if;
  if p_spreadsheet_id is null or p_spreadsheet_id !~ '^[A-Za-z0-9_.:-]{1,200}$' then
    o_error := sync_private.err('BAD_PAYLOAD', 'p_spreadsheet_id must be a spreadsheet id (letters, digits, _ . : -; at most 200).');
    return;
  end if;
  insert into public.sync_bindings (spreadsheet_id, token_id) values (p_spreadsheet_id, o_token.id)
    on conflict (spreadsheet_id) do nothing;
  select * into o_binding from public.sync_bindings b where b.spreadsheet_id = p_spreadsheet_id;
  if o_binding.token_id <> o_token.id then
    select t.revoked_at into v_bound_revoked from public.sync_tokens t where t.id = o_binding.token_id;
    if v_bound_revoked is null then
      o_error := sync_private.err('SPREADSHEET_BOUND_ELSEWHERE', 'This spreadsheet is bound to another sync token. Use that token, or ask your administrator to revoke it.');
      return;
    end if;
    update public.sync_bindings b set token_id = o_token.id, updated_at = now()
     where b.spreadsheet_id = p_spreadsheet_id
     returning * into o_binding;
  end if;
end
$$;
revoke all on function sync_private.authorize(text, text) from public;
