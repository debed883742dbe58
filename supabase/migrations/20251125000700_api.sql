-- The API PostgREST exposes (names and arguments: src/core/api-contract.ts). Thin SECURITY INVOKER entry points:
-- they run as the caller, so they can do only what a granted sync_private function does for them. Each is
-- granted to exactly the role that may call it, right after it is created.

create function public.sync_directory(p_token text, p_spreadsheet_id text) returns jsonb
language sql volatile security invoker
set search_path = ''
as $$ select sync_private.directory(p_token, p_spreadsheet_id) $$;
revoke all on function public.sync_directory(text, text) from public, anon, authenticated;
grant execute on function public.sync_directory(text, text) to anon;

create function public.sync_bind(p_token text, p_spreadsheet_id text, p_provider_code text, p_settings jsonb) returns jsonb
language sql volatile security invoker
set search_path = ''
as $$ select sync_private.bind(p_token, p_spreadsheet_id, p_provider_code, p_settings) $$;
revoke all on function public.sync_bind(text, text, text, jsonb) from public, anon, authenticated;
grant execute on function public.sync_bind(text, text, text, jsonb) to anon;

create function public.sync_plan(p_token text, p_spreadsheet_id text) returns jsonb
language sql volatile security invoker
set search_path = ''
as $$ select sync_private.plan(p_token, p_spreadsheet_id) $$;
revoke all on function public.sync_plan(text, text) from public, anon, authenticated;
grant execute on function public.sync_plan(text, text) to anon;

create function public.sync_ingest(p_token text, p_spreadsheet_id text, p_months jsonb) returns jsonb
language sql volatile security invoker
set search_path = ''
as $$ select sync_private.ingest(p_token, p_spreadsheet_id, p_months) $$;
revoke all on function public.sync_ingest(text, text, jsonb) from public, anon, authenticated;
grant execute on function public.sync_ingest(text, text, jsonb) to anon;

create function public.sync_record_run(p_token text, p_spreadsheet_id text, p_run jsonb) returns jsonb
language sql volatile security invoker
set search_path = ''
as $$ select sync_private.record_run(p_token, p_spreadsheet_id, p_run) $$;
revoke all on function public.sync_record_run(text, text, jsonb) from public, anon, authenticated;
grant execute on function public.sync_record_run(text, text, jsonb) to anon;

create function public.sync_lease(p_token text, p_spreadsheet_id text, p_holder text, p_action text, p_ttl_seconds integer) returns jsonb
language sql volatile security invoker
set search_path = ''
as $$ select sync_private.lease(p_token, p_spreadsheet_id, p_holder, p_action, p_ttl_seconds) $$;
revoke all on function public.sync_lease(text, text, text, text, integer) from public, anon, authenticated;
grant execute on function public.sync_lease(text, text, text, text, integer) to anon;

-- Admin entry points: service_role only (a secret key / npm run token), never anon or authenticated.

create function public.admin_mint_token(p_label text, p_provider_codes text[] default null, p_location_codes text[] default null) returns jsonb
language sql volatile security invoker
set search_path = ''
as $$ select sync_private.admin_mint_token(p_label, p_provider_codes, p_location_codes) $$;
revoke all on function public.admin_mint_token(text, text[], text[]) from public, anon, authenticated;
grant execute on function public.admin_mint_token(text, text[], text[]) to service_role;

create function public.admin_list_tokens() returns jsonb
language sql stable security invoker
set search_path = ''
as $$ select sync_private.admin_list_tokens() $$;
revoke all on function public.admin_list_tokens() from public, anon, authenticated;
grant execute on function public.admin_list_tokens() to service_role;

create function public.admin_rotate_token(p_token_id uuid) returns jsonb
language sql volatile security invoker
set search_path = ''
as $$ select sync_private.admin_rotate_token(p_token_id) $$;
revoke all on function public.admin_rotate_token(uuid) from public, anon, authenticated;
grant execute on function public.admin_rotate_token(uuid) to service_role;

create function public.admin_revoke_token(p_token_id uuid) returns jsonb
language sql volatile security invoker
set search_path = ''
as $$ select sync_private.admin_revoke_token(p_token_id) $$;
revoke all on function public.admin_revoke_token(uuid) from public, anon, authenticated;
grant execute on function public.admin_revoke_token(uuid) to service_role;
