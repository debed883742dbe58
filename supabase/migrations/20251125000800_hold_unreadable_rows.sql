-- Client-side rejects protect stored rows as server-side ones do (BEHAVIOR.md "Unreadable cells keep what is
-- stored"). A month may carry `held`: [{location_code, work_date, reason}], the (office, day) rows the sheet has but
-- the client could not read (an error cell such as #REF!, an unparseable amount). sync_ingest no longer deletes the
-- stored row of a held key and reports per month `held` (stored rows kept) and `held_ignored` (entries it could
-- not use, with a reason). Everything else is sync_private.ingest of 20251125000600 unchanged; holds are not part
-- of the month hash, so a month with a hold differs from the server's until the sheet is fixed and is re-sent.

create or replace function sync_private.ingest(p_token text, p_spreadsheet_id text, p_months jsonb) returns jsonb
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
