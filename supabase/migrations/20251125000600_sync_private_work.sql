-- The privileged work behind each API entry point: SECURITY DEFINER, in the unexposed schema sync_private,
-- search_path pinned. Each checks the token itself (sync_private.authorize), so even a direct call (PostgREST
-- never exposes this schema) can do no more than the entry point. Expected failures are RETURNED as
-- {ok:false,error:{code,message}}, never raised: an RPC that raises rolls back everything, run logs included.

create function sync_private.directory(p_token text, p_spreadsheet_id text) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  a record;
begin
  select * into a from sync_private.authorize(p_token, p_spreadsheet_id);
  if a.o_error is not null then return a.o_error; end if;
  return jsonb_build_object(
    'ok', true,
    'directory', sync_private.directory_json((a.o_token).provider_codes, (a.o_token).location_codes),
    'binding', sync_private.binding_json(a.o_binding),
    'scope', jsonb_build_object('provider_codes', to_jsonb((a.o_token).provider_codes),
                                'location_codes', to_jsonb((a.o_token).location_codes)));
end
$$;
revoke all on function sync_private.directory(text, text) from public;
grant execute on function sync_private.directory(text, text) to anon;

create function sync_private.bind(p_token text, p_spreadsheet_id text, p_provider_code text, p_settings jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  a record;
  v_tok public.sync_tokens;
  v_provider public.providers;
  v_settings jsonb := coalesce(p_settings, '{}'::jsonb);
  v_location_code text;
  v_overrides jsonb;
  v_binding public.sync_bindings;
begin
  select * into a from sync_private.authorize(p_token, p_spreadsheet_id);
  if a.o_error is not null then return a.o_error; end if;
  v_tok := a.o_token;
  select * into v_provider from public.providers p where p.provider_code = p_provider_code;
  if not found then
    return sync_private.err('UNKNOWN_PROVIDER', format('There is no provider with code %s in the directory.', coalesce(p_provider_code, 'null')));
  end if;
  if not sync_private.in_scope(v_tok.provider_codes, p_provider_code) then
    return sync_private.err('TOKEN_OUT_OF_SCOPE', format('This sync token may not write for provider %s.', p_provider_code));
  end if;
  if jsonb_typeof(v_settings) <> 'object' then
    return sync_private.err('BAD_PAYLOAD', 'p_settings must be a JSON object.');
  end if;

  if jsonb_typeof(v_settings -> 'default_location_code') = 'string' then
    v_location_code := v_settings ->> 'default_location_code';
    if not exists (select 1 from public.locations l where l.location_code = v_location_code) then
      return sync_private.err('UNKNOWN_LOCATION', format('There is no location with code %s in the directory.', v_location_code));
    end if;
    if not sync_private.in_scope(v_tok.location_codes, v_location_code) then
      return sync_private.err('TOKEN_OUT_OF_SCOPE', format('This sync token may not write for location %s.', v_location_code));
    end if;
    if not exists (select 1 from public.provider_locations pl join public.locations l on l.id = pl.location_id
                    where pl.provider_id = v_provider.id and l.location_code = v_location_code) then
      return sync_private.err('BAD_PAYLOAD', format('Provider %s is not linked to location %s.', p_provider_code, v_location_code));
    end if;
  elsif coalesce(jsonb_typeof(v_settings -> 'default_location_code'), 'null') = 'null' then
    -- A hygiene sheet has no office column: default to the provider's only linked office, if it has just one.
    select min(l.location_code) into v_location_code
      from public.provider_locations pl join public.locations l on l.id = pl.location_id
     where pl.provider_id = v_provider.id
    having count(distinct l.location_code) = 1;
  else
    return sync_private.err('BAD_PAYLOAD', 'default_location_code must be a location code or null.');
  end if;

  v_overrides := coalesce(v_settings -> 'column_overrides', '{}'::jsonb);
  if jsonb_typeof(v_overrides) = 'null' then v_overrides := '{}'::jsonb; end if;
  if jsonb_typeof(v_overrides) <> 'object'
     or exists (select 1 from jsonb_each(v_overrides) e where jsonb_typeof(e.value) <> 'string') then
    return sync_private.err('BAD_PAYLOAD', 'column_overrides must be a JSON object of header text → string.');
  end if;

  update public.sync_bindings b
     set provider_code = p_provider_code, default_location_code = v_location_code,
         column_overrides = v_overrides, updated_at = now()
   where b.spreadsheet_id = p_spreadsheet_id
   returning * into v_binding;
  return jsonb_build_object('ok', true, 'binding', sync_private.binding_json(v_binding),
                            'directory_version', sync_private.directory_version());
end
$$;
revoke all on function sync_private.bind(text, text, text, jsonb) from public;
grant execute on function sync_private.bind(text, text, text, jsonb) to anon;

-- The bound provider's row, or an error: NOT_BOUND, TOKEN_OUT_OF_SCOPE, UNKNOWN_PROVIDER.
create function sync_private.bound_provider(p_token public.sync_tokens, p_binding public.sync_bindings,
  out o_error jsonb, out o_provider public.providers)
language plpgsql stable
set search_path = ''
as $$
begin
  if p_binding.provider_code is null then
    o_error := sync_private.err('NOT_BOUND', 'This spreadsheet is not bound to a provider yet: confirm whose sheet it is first.');
    return;
  end if;
  if not sync_private.in_scope(p_token.provider_codes, p_binding.provider_code) then
    o_error := sync_private.err('TOKEN_OUT_OF_SCOPE', format('This sync token may not write for provider %s.', p_binding.provider_code));
    return;
  end if;
  select * into o_provider from public.providers p where p.provider_code = p_binding.provider_code;
  if not found then
    o_error := sync_private.err('UNKNOWN_PROVIDER', format('The bound provider %s is not in the directory.', p_binding.provider_code));
  end if;
end
$$;
revoke all on function sync_private.bound_provider(public.sync_tokens, public.sync_bindings) from public;

create function sync_private.plan(p_token text, p_spreadsheet_id text) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  a record;
  b record;
begin
  select * into a from sync_private.authorize(p_token, p_spreadsheet_id);
  if a.o_error is not null then return a.o_error; end if;
  select * into b from sync_private.bound_provider(a.o_token, a.o_binding);
  if b.o_error is not null then return b.o_error || jsonb_build_object('directory_version', sync_private.directory_version()); end if;
  return jsonb_build_object(
    'ok', true,
    'directory_version', sync_private.directory_version(),
    'months', coalesce((
      select jsonb_agg(jsonb_build_object(
               'provider_code', (b.o_provider).provider_code,
               'month', to_char(m.first_day::timestamp, 'YYYY-MM'),
               'hash', sync_private.month_hash((b.o_provider).provider_code, m.first_day),
               'row_count', (select count(*) from public.production_days d
                              where d.provider_id = (b.o_provider).id and d.work_date >= m.first_day
                                and d.work_date < (m.first_day + interval '1 month')::date))
             order by m.first_day)
        from (select date_trunc('month', d.work_date)::date as first_day
                from public.production_days d where d.provider_id = (b.o_provider).id
              union
              select f.month from public.month_figures f where f.provider_id = (b.o_provider).id) m), '[]'::jsonb));
end
$$;
revoke all on function sync_private.plan(text, text) from public;
grant execute on function sync_private.plan(text, text) to anon;

-- Whole months by codes (contract 3). Codes resolve to ids here, inside the writing transaction, so a reseed
-- between two calls cannot misdirect a row. Per month: rows whose content is unchanged are left alone, changed
-- rows are written, rows of the month the sheet no longer has are deleted, figures are replaced.
-- A month may carry `held`: [{location_code, work_date, reason}], the (office, day) rows the sheet has but the
-- client could not read (an error cell such as #REF!, an unparseable amount): their stored rows are kept, not
-- deleted, and each month reports `held` (stored rows kept) and `held_ignored` (entries it could not use, with a
-- reason). Holds are not part of the month hash (BEHAVIOR.md "Unreadable cells keep what is stored").
create function sync_private.ingest(p_token text, p_spreadsheet_id text, p_months jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  a record;
  b record;
  v_tok public.sync_tokens;
  v_provider public.providers;
  v_fields constant text[] := array['hours_worked', 'verified_production', 'estimated_production',
                                    'production_goal', 'variance_ratio', 'bonus'];
  v_month jsonb;
  v_month_text text;
  v_seen text[] := '{}';
  v_start date;
  v_end date;
  v_rows jsonb;
  v_figures jsonb;
  v_dups text[];
  r jsonb;
  v_i bigint;
  v_tab text;
  v_row integer;
  v_loc_code text;
  v_date_text text;
  v_date date;
  v_loc_id uuid;
  v_reason text;
  v_vals numeric[];
  v_val numeric;
  v_f integer;
  v_note text;
  v_hash text;
  v_n integer;
  v_written integer;
  v_unchanged integer;
  v_rejected integer;
  v_deleted integer;
  v_fig_written integer;
  v_fig_deleted integer;
  v_fig_rejects jsonb[];
  v_fig_loc text;
  v_fig_name text;
  v_row_outcomes jsonb[] := '{}';
  v_month_outcomes jsonb[] := '{}';
  v_location_ids jsonb;
  v_always_linked text[];
  v_held jsonb;
  v_held_kept integer;
  v_held_ignored jsonb[];
  h jsonb;
  v_h_loc text;
  v_h_date_text text;
  v_h_date date;
begin
  select * into a from sync_private.authorize(p_token, p_spreadsheet_id);
  if a.o_error is not null then return a.o_error; end if;
  v_tok := a.o_token;
  select * into b from sync_private.bound_provider(a.o_token, a.o_binding);
  if b.o_error is not null then return b.o_error || jsonb_build_object('directory_version', sync_private.directory_version()); end if;
  v_provider := b.o_provider;

  -- The whole payload's shape is checked before anything is written.
  if p_months is null or jsonb_typeof(p_months) <> 'array' then
    return sync_private.err('BAD_PAYLOAD', 'p_months must be a JSON array of months.');
  end if;
  for v_month in select e.value from jsonb_array_elements(p_months) e loop
    v_month_text := case when jsonb_typeof(v_month) = 'object' then v_month ->> 'month' end;
    if v_month_text is null or v_month_text !~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])$' then
      return sync_private.err('BAD_PAYLOAD', 'Every month must be an object with "month": "YYYY-MM".');
    end if;
    if v_month_text = any (v_seen) then
      return sync_private.err('BAD_PAYLOAD', format('Month %s was sent twice in one call.', v_month_text));
    end if;
    v_seen := v_seen || v_month_text;
    if jsonb_typeof(v_month -> 'rows') is distinct from 'array'
       or coalesce(jsonb_typeof(v_month -> 'figures'), 'array') not in ('array', 'null') then
      return sync_private.err('BAD_PAYLOAD', format('Month %s must carry "rows" (and "figures") as arrays.', v_month_text));
    end if;
    if coalesce(jsonb_typeof(v_month -> 'held'), 'null') not in ('array', 'null') then
      return sync_private.err('BAD_PAYLOAD', format('Month %s must carry "held" as an array when it carries it.', v_month_text));
    end if;
    if (v_month ->> 'provider_code') is distinct from v_provider.provider_code then
      return sync_private.err('BAD_PAYLOAD', format('Month %s is for provider %s but this spreadsheet is bound to %s.',
        v_month_text, coalesce(v_month ->> 'provider_code', 'null'), v_provider.provider_code));
    end if;
  end loop;

  -- Two writers of the same provider-month (two devices, a trigger) queue here instead of interleaving. All the
  -- call's months are locked up front in month order, so two calls sending months in different orders cannot
  -- deadlock.
  perform pg_advisory_xact_lock(hashtextextended('production_sync:' || v_provider.id::text || ':' || sync_private.iso_date(m.first_day), 0))
     from (select distinct ((e.value ->> 'month') || '-01')::date as first_day from jsonb_array_elements(p_months) e order by 1) m;

  -- Resolved once per call, inside this transaction (a reseed cannot slip in between): code → id, and the offices
  -- the provider is linked to without date limits (the common case; dated links are checked per row).
  select coalesce(jsonb_object_agg(l.location_code, l.id), '{}'::jsonb) into v_location_ids from public.locations l;
  select coalesce(array_agg(l.location_code), '{}') into v_always_linked
    from public.provider_locations pl join public.locations l on l.id = pl.location_id
   where pl.provider_id = v_provider.id and pl.active_from is null and pl.active_to is null;

  for v_month in select e.value from jsonb_array_elements(p_months) e loop
    v_start := ((v_month ->> 'month') || '-01')::date;
    v_end := (v_start + interval '1 month')::date;
    v_rows := v_month -> 'rows';
    v_figures := coalesce(nullif(v_month -> 'figures', 'null'::jsonb), '[]'::jsonb);
    v_written := 0; v_unchanged := 0; v_rejected := 0; v_deleted := 0;

    -- Two rows for the same office and day: neither is right, both are rejected.
    select coalesce(array_agg(k), '{}') into v_dups
      from (select coalesce(e.value ->> 'location_code', '') || '|' || coalesce(e.value ->> 'work_date', '') as k
              from jsonb_array_elements(v_rows) e
             where jsonb_typeof(e.value) = 'object'
             group by 1 having count(*) > 1) s;

    for r, v_i in select e.value, e.ordinality from jsonb_array_elements(v_rows) with ordinality e loop
      v_reason := null; v_loc_id := null; v_date := null; v_vals := '{}'; v_note := null;
      if jsonb_typeof(r) <> 'object' then
        v_tab := ''; v_row := 0; v_loc_code := ''; v_date_text := '';
        v_reason := format('row %s of month %s is not an object', v_i, v_month ->> 'month');
      else
        v_tab := coalesce(r -> 'source' ->> 'tab', '');
        v_row := case when jsonb_typeof(r -> 'source' -> 'row') = 'number' and (r -> 'source' ->> 'row') ~ '^[0-9]{1,9}$'
                      then (r -> 'source' ->> 'row')::integer else 0 end;
        v_loc_code := coalesce(r ->> 'location_code', '');
        v_date_text := coalesce(r ->> 'work_date', '');
        v_date := sync_private.parse_date(v_date_text);
        if v_tab = '' or v_row < 1 then
          v_reason := 'source tab and row (1-based) are required';
        elsif r ? 'provider_code' and (r ->> 'provider_code') is distinct from v_provider.provider_code then
          v_reason := format('row is for provider %s, the month for %s', coalesce(r ->> 'provider_code', 'null'), v_provider.provider_code);
        elsif v_date is null then
          v_reason := format('work_date %s is not a date (YYYY-MM-DD)', to_json(v_date_text)::text);
        elsif v_date < v_start or v_date >= v_end then
          v_reason := format('work_date %s is not in month %s', v_date_text, v_month ->> 'month');
        else
          v_loc_id := (v_location_ids ->> v_loc_code)::uuid;
          if v_loc_id is null then
            v_reason := format('unknown location code %s', to_json(v_loc_code)::text);
          elsif not sync_private.in_scope(v_tok.location_codes, v_loc_code) then
            v_reason := format('location %s is outside this sync token''s scope', v_loc_code);
          elsif not (v_loc_code = any (v_always_linked)) and not exists (select 1 from public.provider_locations pl
                             where pl.provider_id = v_provider.id and pl.location_id = v_loc_id
                               and (pl.active_from is null or pl.active_from <= v_date)
                               and (pl.active_to is null or v_date <= pl.active_to)) then
            v_reason := format('provider %s is not linked to location %s on %s', v_provider.provider_code, v_loc_code, v_date_text);
          elsif (v_loc_code || '|' || v_date_text) = any (v_dups) then
            v_reason := format('more than one row for %s on %s in this month', v_loc_code, v_date_text);
          elsif jsonb_typeof(r -> 'fields') is distinct from 'object' then
            v_reason := 'fields must be an object';
          elsif (r -> 'fields') - v_fields <> '{}'::jsonb then
            v_reason := format('unknown field(s): %s', (select string_agg(k, ', ' order by k) from jsonb_object_keys((r -> 'fields') - v_fields) k));
          elsif jsonb_typeof(r -> 'note') not in ('string', 'null') then
            v_reason := 'note must be text or null';
          else
            v_note := r ->> 'note';
            for v_f in 1 .. 6 loop
              if coalesce(jsonb_typeof(r -> 'fields' -> v_fields[v_f]), 'null') = 'null' then
                v_vals := v_vals || null::numeric;
              else
                v_val := sync_private.parse_decimal(r -> 'fields' -> v_fields[v_f]);
                if v_val is null then
                  v_reason := format('%s: %s is not a decimal', v_fields[v_f], (r -> 'fields' -> v_fields[v_f])::text);
                  exit;
                elsif abs(v_val) >= 1e12 then
                  v_reason := format('%s: %s is out of range', v_fields[v_f], (r -> 'fields' -> v_fields[v_f])::text);
                  exit;
                end if;
                v_vals := v_vals || v_val;
              end if;
            end loop;
          end if;
        end if;
      end if;

      if v_reason is not null then
        v_rejected := v_rejected + 1;
        v_row_outcomes := v_row_outcomes || jsonb_build_object('tab', v_tab, 'row', v_row, 'location_code', v_loc_code,
          'work_date', v_date_text, 'outcome', 'rejected', 'reason', v_reason);
        continue;
      end if;

      v_hash := md5(sync_private.canonical_row_text(v_loc_code, v_date, v_vals[1], v_vals[2], v_vals[3], v_vals[4],
                      v_vals[5], v_vals[6], v_note, v_tab, v_row) || '|' || p_spreadsheet_id);
      insert into public.production_days as d (provider_id, location_id, work_date, hours_worked, verified_production,
          estimated_production, production_goal, variance_ratio, bonus, note, source_spreadsheet_id, source_tab,
          source_row, row_hash)
        values (v_provider.id, v_loc_id, v_date, v_vals[1], v_vals[2], v_vals[3], v_vals[4], v_vals[5], v_vals[6],
          v_note, p_spreadsheet_id, v_tab, v_row, v_hash)
        on conflict on constraint production_days_natural_key do update
          set hours_worked = excluded.hours_worked, verified_production = excluded.verified_production,
              estimated_production = excluded.estimated_production, production_goal = excluded.production_goal,
              variance_ratio = excluded.variance_ratio, bonus = excluded.bonus, note = excluded.note,
              source_spreadsheet_id = excluded.source_spreadsheet_id, source_tab = excluded.source_tab,
              source_row = excluded.source_row, row_hash = excluded.row_hash, updated_at = now()
          where d.row_hash is distinct from excluded.row_hash;
      get diagnostics v_n = row_count;
      if v_n > 0 then v_written := v_written + 1; else v_unchanged := v_unchanged + 1; end if;
      v_row_outcomes := v_row_outcomes || jsonb_build_object('tab', v_tab, 'row', v_row, 'location_code', v_loc_code,
        'work_date', v_date_text, 'outcome', case when v_n > 0 then 'written' else 'unchanged' end, 'reason', null);
    end loop;

    -- Held rows: the sheet has them but the client could not read a cell (#REF!, an unparseable amount). A hold
    -- only keeps what is stored, so a bad entry is ignored with its reason rather than refusing the month: ignoring
    -- it can delete nothing the entry could have protected (an unknown office or a day outside the month holds no
    -- stored row of this month; the delete below never touches offices outside the token's scope).
    v_held := '[]'::jsonb; v_held_ignored := '{}';
    for h in select e.value from jsonb_array_elements(coalesce(nullif(v_month -> 'held', 'null'::jsonb), '[]'::jsonb)) e loop
      v_reason := null;
      v_h_loc := case when jsonb_typeof(h) = 'object' and jsonb_typeof(h -> 'location_code') = 'string' then h ->> 'location_code' end;
      v_h_date_text := case when jsonb_typeof(h) = 'object' and jsonb_typeof(h -> 'work_date') = 'string' then h ->> 'work_date' end;
      v_h_date := sync_private.parse_date(v_h_date_text);
      if jsonb_typeof(h) <> 'object' then
        v_reason := 'held entry is not an object';
      elsif v_h_loc is null or not (v_location_ids ? v_h_loc) then
        v_reason := format('unknown location code %s', coalesce((h -> 'location_code')::text, 'null'));
      elsif not sync_private.in_scope(v_tok.location_codes, v_h_loc) then
        v_reason := format('location %s is outside this sync token''s scope', v_h_loc);
      elsif v_h_date is null then
        v_reason := format('work_date %s is not a date (YYYY-MM-DD)', coalesce((h -> 'work_date')::text, 'null'));
      elsif v_h_date < v_start or v_h_date >= v_end then
        v_reason := format('work_date %s is not in month %s', v_h_date_text, v_month ->> 'month');
      end if;
      if v_reason is not null then
        v_held_ignored := v_held_ignored || jsonb_build_object('location_code', case when jsonb_typeof(h) = 'object' then h -> 'location_code' end,
          'work_date', case when jsonb_typeof(h) = 'object' then h -> 'work_date' end, 'reason', v_reason);
      else
        v_held := v_held || jsonb_build_array(jsonb_build_object('location_code', v_h_loc, 'work_date', sync_private.iso_date(v_h_date)));
      end if;
    end loop;

    -- Stored rows a hold keeps: the ones the delete below would otherwise remove.
    select count(*) into v_held_kept
      from public.production_days d join public.locations l on l.id = d.location_id
     where d.provider_id = v_provider.id
       and d.work_date >= v_start and d.work_date < v_end
       and sync_private.in_scope(v_tok.location_codes, l.location_code)
       and not exists (select 1 from jsonb_array_elements(v_rows) e
                        where e.value ->> 'location_code' = l.location_code
                          and e.value ->> 'work_date' = sync_private.iso_date(d.work_date))
       and exists (select 1 from jsonb_array_elements(v_held) e
                    where e.value ->> 'location_code' = l.location_code
                      and e.value ->> 'work_date' = sync_private.iso_date(d.work_date));

    -- Rows of this month (within the token's offices) that the sheet no longer has. A rejected row still names
    -- its office and day, so the stored row for that key is kept until the sheet's row is fixed; so does a held one.
    delete from public.production_days d
     using public.locations l
     where l.id = d.location_id
       and d.provider_id = v_provider.id
       and d.work_date >= v_start and d.work_date < v_end
       and sync_private.in_scope(v_tok.location_codes, l.location_code)
       and not exists (select 1 from jsonb_array_elements(v_rows) e
                        where e.value ->> 'location_code' = l.location_code
                          and e.value ->> 'work_date' = sync_private.iso_date(d.work_date))
       and not exists (select 1 from jsonb_array_elements(v_held) e
                        where e.value ->> 'location_code' = l.location_code
                          and e.value ->> 'work_date' = sync_private.iso_date(d.work_date));
    get diagnostics v_deleted = row_count;

    -- Month figures: written when new or changed, deleted when the sheet no longer carries them.
    v_fig_written := 0; v_fig_rejects := '{}';
    for r in select e.value from jsonb_array_elements(v_figures) e loop
      v_reason := null; v_loc_id := null; v_val := null;
      v_fig_loc := case when jsonb_typeof(r) = 'object' then r ->> 'location_code' end;
      v_fig_name := case when jsonb_typeof(r) = 'object' then r ->> 'name' end;
      if jsonb_typeof(r) <> 'object' then
        v_reason := 'figure is not an object';
      elsif v_fig_name is null or v_fig_name !~ '^[a-z][a-z0-9_]{0,62}$' then
        v_reason := 'name must be lower_snake_case';
      elsif (select count(*) from jsonb_array_elements(v_figures) e2
              where e2.value ->> 'name' = v_fig_name
                and (e2.value ->> 'location_code') is not distinct from v_fig_loc) > 1 then
        v_reason := 'figure sent more than once for this month';
      else
        if v_fig_loc is not null then
          select l.id into v_loc_id from public.locations l where l.location_code = v_fig_loc;
        end if;
        v_val := sync_private.parse_decimal(r -> 'value');
        if v_fig_loc is not null and v_loc_id is null then
          v_reason := format('unknown location code %s', to_json(v_fig_loc)::text);
        elsif v_fig_loc is not null and not sync_private.in_scope(v_tok.location_codes, v_fig_loc) then
          v_reason := format('location %s is outside this sync token''s scope', v_fig_loc);
        elsif v_val is null then
          v_reason := format('value %s is not a decimal', coalesce((r -> 'value')::text, 'null'));
        elsif abs(v_val) >= 1e12 then
          v_reason := format('value %s is out of range', (r -> 'value')::text);
        end if;
      end if;
      if v_reason is not null then
        v_fig_rejects := v_fig_rejects || jsonb_build_object('location_code', v_fig_loc, 'name', v_fig_name,
          'value', case when jsonb_typeof(r) = 'object' then r -> 'value' end, 'reason', v_reason);
        continue;
      end if;
      insert into public.month_figures as f (provider_id, location_id, month, name, value, source_spreadsheet_id)
        values (v_provider.id, v_loc_id, v_start, v_fig_name, v_val, p_spreadsheet_id)
        on conflict on constraint month_figures_natural_key do update
          set value = excluded.value, source_spreadsheet_id = excluded.source_spreadsheet_id, updated_at = now()
          where trim_scale(f.value) is distinct from trim_scale(excluded.value);
      get diagnostics v_n = row_count;
      v_fig_written := v_fig_written + v_n;
    end loop;
    delete from public.month_figures f
     where f.provider_id = v_provider.id and f.month = v_start
       and (f.location_id is null
            or sync_private.in_scope(v_tok.location_codes, (select l.location_code from public.locations l where l.id = f.location_id)))
       and not exists (select 1 from jsonb_array_elements(v_figures) e
                        where e.value ->> 'name' = f.name
                          and (e.value ->> 'location_code') is not distinct from
                              (select l.location_code from public.locations l where l.id = f.location_id));
    get diagnostics v_fig_deleted = row_count;

    v_month_outcomes := v_month_outcomes || jsonb_build_object(
      'provider_code', v_provider.provider_code,
      'month', v_month ->> 'month',
      'hash', sync_private.month_hash(v_provider.provider_code, v_start),
      'written', v_written,
      'unchanged', v_unchanged,
      'rejected', v_rejected,
      'deleted', v_deleted,
      'held', v_held_kept,
      'held_ignored', to_jsonb(v_held_ignored),
      'totals', coalesce((
        select jsonb_agg(jsonb_build_object('location_code', t.location_code,
                 'verified_production', t.verified_production::text, 'hours_worked', t.hours_worked::text,
                 'row_count', t.row_count) order by t.location_code)
          from (select l.location_code, coalesce(sum(d.verified_production), 0) as verified_production,
                       coalesce(sum(d.hours_worked), 0) as hours_worked, count(*) as row_count
                  from public.production_days d join public.locations l on l.id = d.location_id
                 where d.provider_id = v_provider.id and d.work_date >= v_start and d.work_date < v_end
                 group by l.location_code) t), '[]'::jsonb),
      'figures_written', v_fig_written,
      'figures_deleted', v_fig_deleted,
      'figures_rejected', to_jsonb(v_fig_rejects));
  end loop;

  return jsonb_build_object('ok', true, 'directory_version', sync_private.directory_version(),
                            'months', to_jsonb(v_month_outcomes), 'rows', to_jsonb(v_row_outcomes));
end
$$;
revoke all on function sync_private.ingest(text, text, jsonb) from public;
grant execute on function sync_private.ingest(text, text, jsonb) to anon;

-- text → timestamptz or null, for validating client timestamps without letting a bad one raise.
create function sync_private.try_timestamptz(p_text text) returns timestamptz
language plpgsql stable
set search_path = ''
as $$
begin
  return p_text::timestamptz;
exception when others then
  return null;
end
$$;
revoke all on function sync_private.try_timestamptz(text) from public;

create function sync_private.record_run(p_token text, p_spreadsheet_id text, p_run jsonb) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  a record;
  v_started timestamptz;
  v_ended timestamptz;
  v_key text;
  v_id uuid;
begin
  select * into a from sync_private.authorize(p_token, p_spreadsheet_id);
  if a.o_error is not null then return a.o_error; end if;
  if p_run is null or jsonb_typeof(p_run) <> 'object' then
    return sync_private.err('BAD_PAYLOAD', 'p_run must be a SyncRunRecord object.');
  end if;
  v_started := case when jsonb_typeof(p_run -> 'started_at') = 'string' then sync_private.try_timestamptz(p_run ->> 'started_at') end;
  v_ended := case when jsonb_typeof(p_run -> 'ended_at') = 'string' then sync_private.try_timestamptz(p_run ->> 'ended_at') end;
  if v_started is null or v_ended is null then
    return sync_private.err('BAD_PAYLOAD', 'started_at and ended_at must be ISO timestamps.');
  end if;
  if (p_run ->> 'status') is null or (p_run ->> 'status') not in ('success', 'partial', 'failed', 'yielded') then
    return sync_private.err('BAD_PAYLOAD', 'status must be success, partial, failed or yielded.');
  end if;
  if (p_run ->> 'trigger') is null or (p_run ->> 'trigger') not in ('manual', 'hourly', 'backfill') then
    return sync_private.err('BAD_PAYLOAD', 'trigger must be manual, hourly or backfill.');
  end if;
  foreach v_key in array array['written', 'unchanged', 'skipped', 'rejected', 'deleted'] loop
    if jsonb_typeof(p_run -> v_key) is distinct from 'number' or (p_run ->> v_key) !~ '^[0-9]{1,9}$' then
      return sync_private.err('BAD_PAYLOAD', format('%s must be a non-negative integer.', v_key));
    end if;
  end loop;
  if jsonb_typeof(p_run -> 'rejects') is distinct from 'array' or jsonb_typeof(p_run -> 'totals_check') is distinct from 'array' then
    return sync_private.err('BAD_PAYLOAD', 'rejects and totals_check must be arrays.');
  end if;
  if jsonb_typeof(p_run -> 'addon_version') is distinct from 'string' then
    return sync_private.err('BAD_PAYLOAD', 'addon_version must be a string.');
  end if;
  if jsonb_typeof(p_run -> 'self_healed') is distinct from 'boolean' then
    return sync_private.err('BAD_PAYLOAD', 'self_healed must be true or false.');
  end if;
  if coalesce(jsonb_typeof(p_run -> 'message'), 'null') not in ('string', 'null') then
    return sync_private.err('BAD_PAYLOAD', 'message must be text or null.');
  end if;
  insert into public.sync_runs (spreadsheet_id, token_id, provider_code, started_at, ended_at, status, trigger,
      written, unchanged, skipped, rejected, deleted, rejects, totals_check, addon_version, self_healed, message)
    values (p_spreadsheet_id, (a.o_token).id, (a.o_binding).provider_code, v_started, v_ended, p_run ->> 'status',
      p_run ->> 'trigger', (p_run ->> 'written')::integer, (p_run ->> 'unchanged')::integer,
      (p_run ->> 'skipped')::integer, (p_run ->> 'rejected')::integer, (p_run ->> 'deleted')::integer,
      p_run -> 'rejects', p_run -> 'totals_check', p_run ->> 'addon_version', (p_run ->> 'self_healed')::boolean,
      p_run ->> 'message')
    returning id into v_id;
  return jsonb_build_object('ok', true, 'run_id', v_id);
end
$$;
revoke all on function sync_private.record_run(text, text, jsonb) from public;
grant execute on function sync_private.record_run(text, text, jsonb) to anon;

-- take / renew: granted when free, expired or already ours; otherwise LEASE_HELD. release: drops our lease.
create function sync_private.lease(p_token text, p_spreadsheet_id text, p_holder text, p_action text, p_ttl_seconds integer) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  a record;
  v_lease public.sync_leases;
begin
  select * into a from sync_private.authorize(p_token, p_spreadsheet_id);
  if a.o_error is not null then return a.o_error; end if;
  if p_holder is null or btrim(p_holder) = '' or length(p_holder) > 200 then
    return sync_private.err('BAD_PAYLOAD', 'p_holder must be a non-empty id of at most 200 characters.');
  end if;
  if p_action is null or p_action not in ('take', 'renew', 'release') then
    return sync_private.err('BAD_PAYLOAD', 'p_action must be take, renew or release.');
  end if;
  if p_action = 'release' then
    delete from public.sync_leases l where l.spreadsheet_id = p_spreadsheet_id and l.holder = p_holder;
    select * into v_lease from public.sync_leases l where l.spreadsheet_id = p_spreadsheet_id and l.expires_at > now();
    return jsonb_build_object('ok', true, 'held', false, 'holder', v_lease.holder, 'expires_at', v_lease.expires_at);
  end if;
  if p_ttl_seconds is null or p_ttl_seconds < 1 or p_ttl_seconds > 3600 then
    return sync_private.err('BAD_PAYLOAD', 'p_ttl_seconds must be between 1 and 3600.');
  end if;
  insert into public.sync_leases as l (spreadsheet_id, holder, expires_at)
    values (p_spreadsheet_id, p_holder, now() + make_interval(secs => p_ttl_seconds))
    on conflict (spreadsheet_id) do update
      set holder = excluded.holder, expires_at = excluded.expires_at,
          taken_at = case when l.holder = excluded.holder then l.taken_at else now() end
      where l.holder = excluded.holder or l.expires_at <= now()
    returning * into v_lease;
  if v_lease.spreadsheet_id is null then
    select * into v_lease from public.sync_leases l where l.spreadsheet_id = p_spreadsheet_id;
    -- The holder and expiry also travel as fields, so the card can say who holds it and until when.
    return jsonb_set(jsonb_set(
      sync_private.err('LEASE_HELD', format('Another sync (%s) holds this spreadsheet until %s.', v_lease.holder,
        to_char(v_lease.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))),
      '{error,holder}', to_jsonb(v_lease.holder)),
      '{error,expires_at}', to_jsonb(to_char(v_lease.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')));
  end if;
  return jsonb_build_object('ok', true, 'held', true, 'holder', v_lease.holder, 'expires_at', v_lease.expires_at);
end
$$;
revoke all on function sync_private.lease(text, text, text, text, integer) from public;
grant execute on function sync_private.lease(text, text, text, text, integer) to anon;

-- Admin work: service_role only (npm run token). Bad input raises: these are called by an operator, not the add-on.

create function sync_private.check_scope_codes(p_provider_codes text[], p_location_codes text[]) returns void
language plpgsql stable
set search_path = ''
as $$
declare
  v_unknown text;
begin
  if cardinality(p_provider_codes) = 0 or cardinality(p_location_codes) = 0 then
    raise exception 'an empty scope allows nothing: pass null for "all"' using errcode = '22023';
  end if;
  select string_agg(c, ', ') into v_unknown from unnest(p_provider_codes) c
   where not exists (select 1 from public.providers p where p.provider_code = c);
  if v_unknown is not null then
    raise exception 'unknown provider code(s): %', v_unknown using errcode = '22023';
  end if;
  select string_agg(c, ', ') into v_unknown from unnest(p_location_codes) c
   where not exists (select 1 from public.locations l where l.location_code = c);
  if v_unknown is not null then
    raise exception 'unknown location code(s): %', v_unknown using errcode = '22023';
  end if;
end
$$;
revoke all on function sync_private.check_scope_codes(text[], text[]) from public;

create function sync_private.admin_mint_token(p_label text, p_provider_codes text[], p_location_codes text[]) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_secret text := sync_private.new_token_secret();
  v_id uuid;
begin
  if p_label is null or btrim(p_label) = '' then
    raise exception 'a token needs a label (who or what it is for)' using errcode = '22023';
  end if;
  perform sync_private.check_scope_codes(p_provider_codes, p_location_codes);
  insert into public.sync_tokens (token_hash, label, provider_codes, location_codes)
    values (sync_private.hash_token(v_secret), btrim(p_label), p_provider_codes, p_location_codes)
    returning id into v_id;
  return jsonb_build_object('token_id', v_id, 'token', v_secret);
end
$$;
revoke all on function sync_private.admin_mint_token(text, text[], text[]) from public;
grant execute on function sync_private.admin_mint_token(text, text[], text[]) to service_role;

create function sync_private.admin_list_tokens() returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(sync_private.token_info(t) order by t.created_at, t.id), '[]'::jsonb) from public.sync_tokens t
$$;
revoke all on function sync_private.admin_list_tokens() from public;
grant execute on function sync_private.admin_list_tokens() to service_role;

-- A new secret for the same token id: its bindings and scope stay, the old secret stops working.
create function sync_private.admin_rotate_token(p_token_id uuid) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_secret text := sync_private.new_token_secret();
  v_token public.sync_tokens;
begin
  select * into v_token from public.sync_tokens t where t.id = p_token_id for update;
  if not found then
    raise exception 'no token with id %', p_token_id using errcode = 'P0002';
  end if;
  if v_token.revoked_at is not null then
    raise exception 'token % is revoked; mint a new one instead', p_token_id using errcode = '22023';
  end if;
  update public.sync_tokens t set token_hash = sync_private.hash_token(v_secret), rotated_at = now() where t.id = p_token_id;
  return jsonb_build_object('token_id', p_token_id, 'token', v_secret);
end
$$;
revoke all on function sync_private.admin_rotate_token(uuid) from public;
grant execute on function sync_private.admin_rotate_token(uuid) to service_role;

create function sync_private.admin_revoke_token(p_token_id uuid) returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v_token public.sync_tokens;
begin
  update public.sync_tokens t set revoked_at = coalesce(t.revoked_at, now()) where t.id = p_token_id returning * into v_token;
  if not found then
    raise exception 'no token with id %', p_token_id using errcode = 'P0002';
  end if;
  return sync_private.token_info(v_token);
end
$$;
revoke all on function sync_private.admin_revoke_token(uuid) from public;
grant execute on function sync_private.admin_revoke_token(uuid) to service_role;
