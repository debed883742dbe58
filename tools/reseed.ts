// npm run reseed [-- --keep-data] [--database-url URL] — does to the database what the practice's legacy reseed
// did, on purpose: every directory row (clinic, location, provider, link, alias) gets a NEW id under the SAME
// code, and the production tables are emptied (--keep-data: kept, re-pointed at the new ids by their codes).
// Sync configuration (bindings, tokens, leases, runs, external id mappings) is keyed by codes and spreadsheet
// ids and is not touched. Afterwards supabase/seed.sql runs again (idempotent), as a real reseed would.
// DESIGN contract 5: after either kind, the next sync must leave the database matching the sheets, unaided.
import { readFileSync } from 'node:fs';
import { resolveDatabaseUrl } from './lib/db-stack-state';
import { SEED_FILE, withClient } from './local-postgres';

export interface ReseedReport {
  keepData: boolean;
  directory: { clinics: number; locations: number; providers: number; links: number; aliases: number };
  /** Directory rows whose id is the same before and after: always 0. */
  idsKept: number;
  production: { daysBefore: number; daysAfter: number; figuresBefore: number; figuresAfter: number };
}

const COUNT_SQL = `select (select count(*) from public.production_days)::int as days, (select count(*) from public.month_figures)::int as figures`;
const IDS_SQL = `select id::text from public.clinics union all select id::text from public.locations union all select id::text from public.providers
  union all select id::text from public.provider_locations union all select id::text from public.provider_aliases union all select id::text from public.location_aliases`;

export async function reseed(databaseUrl: string, options: { keepData?: boolean } = {}): Promise<ReseedReport> {
  const keepData = options.keepData === true;
  const seed = readFileSync(SEED_FILE, 'utf8');
  return withClient(databaseUrl, async (c) => {
    await c.query('begin');
    try {
      const before = (await c.query(COUNT_SQL)).rows[0];
      const oldIds = new Set((await c.query<{ id: string }>(IDS_SQL)).rows.map((r) => r.id));
      // Everything by codes, in temp tables dropped at commit.
      await c.query(`
        create temp table rs_clinics on commit drop as select clinic_code, name, time_zone from public.clinics;
        create temp table rs_locations on commit drop as
          select c.clinic_code, l.location_code, l.name from public.locations l join public.clinics c on c.id = l.clinic_id;
        create temp table rs_providers on commit drop as
          select c.clinic_code, p.provider_code, p.name, p.kind from public.providers p join public.clinics c on c.id = p.clinic_id;
        create temp table rs_links on commit drop as
          select p.provider_code, l.location_code, pl.active_from, pl.active_to
            from public.provider_locations pl join public.providers p on p.id = pl.provider_id join public.locations l on l.id = pl.location_id;
        create temp table rs_provider_aliases on commit drop as
          select p.provider_code, a.alias, a.ordinal from public.provider_aliases a join public.providers p on p.id = a.provider_id;
        create temp table rs_location_aliases on commit drop as
          select l.location_code, a.alias, a.ordinal from public.location_aliases a join public.locations l on l.id = a.location_id;
        create temp table rs_days on commit drop as
          select p.provider_code, l.location_code, d.work_date, d.hours_worked, d.verified_production, d.estimated_production,
                 d.production_goal, d.variance_ratio, d.bonus, d.note, d.source_spreadsheet_id, d.source_tab, d.source_row,
                 d.row_hash, d.created_at, d.updated_at
            from public.production_days d join public.providers p on p.id = d.provider_id join public.locations l on l.id = d.location_id;
        create temp table rs_figures on commit drop as
          select p.provider_code, l.location_code, f.month, f.name, f.value, f.source_spreadsheet_id, f.updated_at
            from public.month_figures f join public.providers p on p.id = f.provider_id left join public.locations l on l.id = f.location_id;
      `);
      // The legacy way: wipe the directory (the production tables go with it, by cascade) ...
      await c.query('truncate public.clinics, public.locations, public.providers, public.provider_locations, public.provider_aliases, public.location_aliases, public.production_days, public.month_figures');
      // ... and write it again: same codes, ids freshly generated.
      await c.query(`
        insert into public.clinics (clinic_code, name, time_zone) select clinic_code, name, time_zone from rs_clinics;
        insert into public.locations (clinic_id, location_code, name)
          select c.id, r.location_code, r.name from rs_locations r join public.clinics c on c.clinic_code = r.clinic_code;
        insert into public.providers (clinic_id, provider_code, name, kind)
          select c.id, r.provider_code, r.name, r.kind from rs_providers r join public.clinics c on c.clinic_code = r.clinic_code;
        insert into public.provider_locations (provider_id, location_id, active_from, active_to)
          select p.id, l.id, r.active_from, r.active_to from rs_links r
            join public.providers p on p.provider_code = r.provider_code join public.locations l on l.location_code = r.location_code;
        insert into public.provider_aliases (provider_id, alias, ordinal)
          select p.id, r.alias, r.ordinal from rs_provider_aliases r join public.providers p on p.provider_code = r.provider_code;
        insert into public.location_aliases (location_id, alias, ordinal)
          select l.id, r.alias, r.ordinal from rs_location_aliases r join public.locations l on l.location_code = r.location_code;
      `);
      await c.query(seed);
      if (keepData) {
        await c.query(`
          insert into public.production_days (provider_id, location_id, work_date, hours_worked, verified_production, estimated_production,
              production_goal, variance_ratio, bonus, note, source_spreadsheet_id, source_tab, source_row, row_hash, created_at, updated_at)
            select p.id, l.id, r.work_date, r.hours_worked, r.verified_production, r.estimated_production, r.production_goal, r.variance_ratio,
                   r.bonus, r.note, r.source_spreadsheet_id, r.source_tab, r.source_row, r.row_hash, r.created_at, r.updated_at
              from rs_days r join public.providers p on p.provider_code = r.provider_code join public.locations l on l.location_code = r.location_code;
          insert into public.month_figures (provider_id, location_id, month, name, value, source_spreadsheet_id, updated_at)
            select p.id, l.id, r.month, r.name, r.value, r.source_spreadsheet_id, r.updated_at
              from rs_figures r join public.providers p on p.provider_code = r.provider_code left join public.locations l on l.location_code = r.location_code;
        `);
      }
      const after = (await c.query(COUNT_SQL)).rows[0];
      const newIds = (await c.query<{ id: string }>(IDS_SQL)).rows.map((r) => r.id);
      const dir = (
        await c.query(`select (select count(*) from public.clinics)::int as clinics, (select count(*) from public.locations)::int as locations,
          (select count(*) from public.providers)::int as providers, (select count(*) from public.provider_locations)::int as links,
          ((select count(*) from public.provider_aliases) + (select count(*) from public.location_aliases))::int as aliases`)
      ).rows[0];
      await c.query('commit');
      return {
        keepData,
        directory: dir,
        idsKept: newIds.filter((id) => oldIds.has(id)).length,
        production: { daysBefore: before.days, daysAfter: after.days, figuresBefore: before.figures, figuresAfter: after.figures },
      };
    } catch (e) {
      await c.query('rollback').catch(() => undefined);
      throw e;
    }
  });
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const keepData = argv.includes('--keep-data');
  const report = await reseed(resolveDatabaseUrl(argv), { keepData });
  const d = report.directory;
  process.stdout.write(
    [
      `reseed${keepData ? ' --keep-data' : ''}: every directory row has a new id under the same code`,
      `  directory: ${d.clinics} clinic(s), ${d.locations} location(s), ${d.providers} provider(s), ${d.links} link(s), ${d.aliases} alias(es); ids kept: ${report.idsKept}`,
      `  production days: ${report.production.daysBefore} → ${report.production.daysAfter}; month figures: ${report.production.figuresBefore} → ${report.production.figuresAfter}`,
      '  sync bindings, tokens, leases, runs and external id mappings untouched (keyed by codes). Check with: npm run post-reseed',
      '',
    ].join('\n'),
  );
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`reseed failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
