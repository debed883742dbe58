// npm run post-reseed [-- --json] [--database-url URL] — after a reseed (or any time): every code resolves and
// everything that refers to the directory by code or id is consistent. Prints a report; exits 1 on any problem.
import { resolveDatabaseUrl } from './lib/db-stack-state';
import { withClient } from './local-postgres';

export interface PostReseedCheck {
  name: string;
  ok: boolean;
  /** One line per inconsistency found (empty when ok). */
  problems: string[];
}

export interface PostReseedReport {
  ok: boolean;
  checks: PostReseedCheck[];
  counts: Record<string, number>;
}

// Each query returns one text column `problem` per inconsistency.
const CHECKS: [string, string][] = [
  [
    'the directory has one clinic and every location/provider belongs to it',
    `select 'clinics: ' || count(*) as problem from public.clinics having count(*) <> 1
     union all select 'location ' || l.location_code || ' belongs to another clinic than provider ' || p.provider_code
       from public.provider_locations pl join public.providers p on p.id = pl.provider_id join public.locations l on l.id = pl.location_id
      where p.clinic_id <> l.clinic_id`,
  ],
  [
    'every sync binding names a provider and office that exist, are linked, and are in its token\'s scope',
    `select 'binding ' || b.spreadsheet_id || ': ' || x.why as problem
       from public.sync_bindings b join public.sync_tokens t on t.id = b.token_id
       cross join lateral (
         select 'unknown provider ' || b.provider_code as why where b.provider_code is not null and not exists (select 1 from public.providers p where p.provider_code = b.provider_code)
         union all select 'unknown location ' || b.default_location_code where b.default_location_code is not null and not exists (select 1 from public.locations l where l.location_code = b.default_location_code)
         union all select 'provider ' || b.provider_code || ' not linked to ' || b.default_location_code
           where b.provider_code is not null and b.default_location_code is not null and not exists (
             select 1 from public.provider_locations pl join public.providers p on p.id = pl.provider_id join public.locations l on l.id = pl.location_id
              where p.provider_code = b.provider_code and l.location_code = b.default_location_code)
         union all select 'provider ' || b.provider_code || ' outside its token''s scope'
           where b.provider_code is not null and t.provider_codes is not null and not (b.provider_code = any (t.provider_codes))
       ) x`,
  ],
  [
    'every sync token scope names codes that exist',
    `select 'token ' || t.label || ' (' || t.id || '): unknown ' || x.kind || ' ' || x.code as problem
       from public.sync_tokens t cross join lateral (
         select 'provider' as kind, c as code from unnest(t.provider_codes) c where not exists (select 1 from public.providers p where p.provider_code = c)
         union all select 'location', c from unnest(t.location_codes) c where not exists (select 1 from public.locations l where l.location_code = c)
       ) x`,
  ],
  [
    'every external id mapping resolves to a live row',
    `select 'mapping ' || m.external_system || '/' || m.entity_type || '/' || m.external_id || ' → ' || m.entity_code || ' does not resolve' as problem
       from public.external_id_mappings m
      where sync_private.resolve_external_id(m.external_system, m.entity_type, m.external_id) is null`,
  ],
  [
    'every production row is on a provider↔office link active that day',
    `select 'production day ' || p.provider_code || '/' || l.location_code || '/' || d.work_date || ' has no active link' as problem
       from public.production_days d join public.providers p on p.id = d.provider_id join public.locations l on l.id = d.location_id
      where not exists (select 1 from public.provider_locations pl where pl.provider_id = d.provider_id and pl.location_id = d.location_id
                          and (pl.active_from is null or pl.active_from <= d.work_date) and (pl.active_to is null or d.work_date <= pl.active_to))`,
  ],
  [
    'every month figure is for an office its provider is linked to',
    `select 'month figure ' || p.provider_code || '/' || l.location_code || '/' || f.month || '/' || f.name || ' is for an unlinked office' as problem
       from public.month_figures f join public.providers p on p.id = f.provider_id join public.locations l on l.id = f.location_id
      where not exists (select 1 from public.provider_locations pl where pl.provider_id = f.provider_id and pl.location_id = f.location_id)`,
  ],
  [
    'no production day or figure twice under one natural key',
    `select 'duplicate production day ' || provider_id || '/' || location_id || '/' || work_date as problem
       from public.production_days group by provider_id, location_id, work_date having count(*) > 1
     union all select 'duplicate month figure ' || provider_id || '/' || coalesce(location_id::text, '-') || '/' || month || '/' || name
       from public.month_figures group by provider_id, location_id, month, name having count(*) > 1`,
  ],
  [
    'every lease belongs to a binding',
    `select 'lease on ' || s.spreadsheet_id || ' without a binding' as problem from public.sync_leases s
      where not exists (select 1 from public.sync_bindings b where b.spreadsheet_id = s.spreadsheet_id)`,
  ],
];

export async function postReseedCheck(databaseUrl: string): Promise<PostReseedReport> {
  return withClient(databaseUrl, async (c) => {
    const checks: PostReseedCheck[] = [];
    for (const [name, text] of CHECKS) {
      const problems = (await c.query<{ problem: string }>(text)).rows.map((r) => r.problem);
      checks.push({ name, ok: problems.length === 0, problems });
    }
    const counts = (
      await c.query(`select (select count(*) from public.providers)::int as providers, (select count(*) from public.locations)::int as locations,
        (select count(*) from public.provider_locations)::int as links, (select count(*) from public.external_id_mappings)::int as external_id_mappings,
        (select count(*) from public.sync_bindings)::int as bindings, (select count(*) from public.sync_tokens where revoked_at is null)::int as live_tokens,
        (select count(*) from public.production_days)::int as production_days, (select count(*) from public.month_figures)::int as month_figures`)
    ).rows[0];
    return { ok: checks.every((ch) => ch.ok), checks, counts };
  });
}

export function formatPostReseedReport(report: PostReseedReport): string {
  const lines = [`post-reseed: ${report.ok ? 'CONSISTENT' : 'INCONSISTENT'}`];
  for (const ch of report.checks) {
    lines.push(`  ${ch.ok ? 'ok  ' : 'FAIL'} ${ch.name}`);
    for (const p of ch.problems.slice(0, 20)) lines.push(`         ${p}`);
    if (ch.problems.length > 20) lines.push(`         … and ${ch.problems.length - 20} more`);
  }
  lines.push(`  counts: ${Object.entries(report.counts).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const report = await postReseedCheck(resolveDatabaseUrl(argv));
  process.stdout.write(argv.includes('--json') ? `${JSON.stringify(report, null, 2)}\n` : formatPostReseedReport(report));
  return report.ok ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`post-reseed failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    },
  );
}
