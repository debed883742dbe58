-- Sync configuration. Keyed by codes, spreadsheet ids and token ids, never by directory ids: no reseed touches
-- or invalidates it (DESIGN contract 5).

-- Only the SHA-256 of a token is stored; the token itself is shown once (admin_mint_token / admin_rotate_token).
-- Scope: null = unrestricted, else the provider/location codes the token may write.
create table public.sync_tokens (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  label text not null check (btrim(label) <> ''),
  provider_codes text[],
  location_codes text[],
  created_at timestamptz not null default now(),
  rotated_at timestamptz,
  revoked_at timestamptz
);

-- spreadsheet id → the token that claimed it (the add-on's first token-authorised call) and, once the user has
-- confirmed it, the provider and saved choices (contract 8). provider_code null = claimed, not configured yet.
create table public.sync_bindings (
  spreadsheet_id text primary key check (spreadsheet_id ~ '^[A-Za-z0-9_.:-]{1,200}$'),
  token_id uuid not null references public.sync_tokens (id),
  provider_code text check (provider_code ~ '^[a-z][a-z0-9_]{1,62}$'),
  default_location_code text check (default_location_code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  column_overrides jsonb not null default '{}'::jsonb check (jsonb_typeof(column_overrides) = 'object'),
  claimed_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index sync_bindings_token_id on public.sync_bindings (token_id);

-- One writer per binding across users and devices; expiry makes a crashed holder harmless.
create table public.sync_leases (
  spreadsheet_id text primary key references public.sync_bindings (spreadsheet_id) on delete cascade,
  holder text not null check (btrim(holder) <> ''),
  expires_at timestamptz not null,
  taken_at timestamptz not null default now()
);

-- What every run did, including the hourly trigger's runs nobody watches (api-contract.ts SyncRunRecord).
create table public.sync_runs (
  id uuid primary key default gen_random_uuid(),
  spreadsheet_id text not null,
  token_id uuid references public.sync_tokens (id),
  provider_code text,
  started_at timestamptz not null,
  ended_at timestamptz not null,
  status text not null check (status in ('success', 'partial', 'failed', 'yielded')),
  trigger text not null check (trigger in ('manual', 'hourly', 'backfill')),
  written integer not null check (written >= 0),
  unchanged integer not null check (unchanged >= 0),
  skipped integer not null check (skipped >= 0),
  rejected integer not null check (rejected >= 0),
  deleted integer not null check (deleted >= 0),
  rejects jsonb not null default '[]'::jsonb check (jsonb_typeof(rejects) = 'array'),
  totals_check jsonb not null default '[]'::jsonb check (jsonb_typeof(totals_check) = 'array'),
  addon_version text not null,
  self_healed boolean not null default false,
  message text,
  recorded_at timestamptz not null default now()
);
create index sync_runs_spreadsheet on public.sync_runs (spreadsheet_id, started_at desc);
create index sync_runs_token_id on public.sync_runs (token_id);

alter table public.sync_tokens enable row level security;
alter table public.sync_bindings enable row level security;
alter table public.sync_leases enable row level security;
alter table public.sync_runs enable row level security;
create policy no_direct_access on public.sync_tokens for all to anon, authenticated using (false) with check (false);
create policy no_direct_access on public.sync_bindings for all to anon, authenticated using (false) with check (false);
create policy no_direct_access on public.sync_leases for all to anon, authenticated using (false) with check (false);
create policy no_direct_access on public.sync_runs for all to anon, authenticated using (false) with check (false);
