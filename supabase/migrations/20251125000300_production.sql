-- Production facts. One row per (provider, location, work date): the natural key decides identity, so a re-sync
-- can never duplicate a day (legacy F10). Every figure is exact numeric without a precision cap: negatives are
-- billing adjustments (F15), and -77% stores as -0.77 without clipping (F9). Month-level figures live in
-- month_figures, never on day rows.

create table public.production_days (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null references public.providers (id) on delete cascade,
  location_id uuid not null references public.locations (id) on delete cascade,
  work_date date not null,
  hours_worked numeric check (abs(hours_worked) < 1e12),
  verified_production numeric check (abs(verified_production) < 1e12),
  estimated_production numeric check (abs(estimated_production) < 1e12),
  production_goal numeric check (abs(production_goal) < 1e12),
  variance_ratio numeric check (abs(variance_ratio) < 1e12),
  bonus numeric check (abs(bonus) < 1e12),
  note text,
  source_spreadsheet_id text not null,
  source_tab text not null,
  source_row integer not null check (source_row >= 1),
  -- md5 of the row's canonical text (BEHAVIOR.md "Month content hash", ROW) plus its spreadsheet: equal → unchanged.
  row_hash text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint production_days_natural_key unique (provider_id, location_id, work_date)
);
create index production_days_provider_month on public.production_days (provider_id, work_date);
create index production_days_location_id on public.production_days (location_id);

-- The sheet's own month figures (goal, sheet totals, hours): per provider, location (null = all offices), month.
create table public.month_figures (
  id uuid primary key default gen_random_uuid(),
  provider_id uuid not null references public.providers (id) on delete cascade,
  location_id uuid references public.locations (id) on delete cascade,
  month date not null check (extract(day from month) = 1),
  name text not null check (name ~ '^[a-z][a-z0-9_]{0,62}$'),
  value numeric not null check (abs(value) < 1e12),
  source_spreadsheet_id text not null,
  updated_at timestamptz not null default now(),
  constraint month_figures_natural_key unique nulls not distinct (provider_id, location_id, month, name)
);
create index month_figures_location_id on public.month_figures (location_id);

alter table public.production_days enable row level security;
alter table public.month_figures enable row level security;
create policy no_direct_access on public.production_days for all to anon, authenticated using (false) with check (false);
create policy no_direct_access on public.month_figures for all to anon, authenticated using (false) with check (false);
