// What the database holds after a sync, read the same way by the core real-stack tests and the bundle tests:
// the stored days by natural key, rows on dead ids or stored twice, and the legacy reseed run between two calls.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { sql, type TestDatabase } from './db';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface DbDay {
  provider_code: string;
  location_code: string;
  work_date: string;
  verified_production: string | null;
  hours_worked: string | null;
  source_tab: string;
  source_row: number;
}

export async function dbDays(db: TestDatabase): Promise<DbDay[]> {
  return sql(
    db,
    `select p.provider_code, l.location_code, d.work_date::text as work_date,
            trim_scale(d.verified_production)::text as verified_production, trim_scale(d.hours_worked)::text as hours_worked,
            d.source_tab, d.source_row
       from public.production_days d
       join public.providers p on p.id = d.provider_id
       join public.locations l on l.id = d.location_id
      order by 1, 2, 3`,
  );
}

/** Rows on an id the directory no longer has, and (provider, office, day) keys stored more than once. */
export async function integrity(db: TestDatabase): Promise<{ stale: number; duplicates: number }> {
  const [stale] = await sql(
    db,
    `select count(*)::int as n from public.production_days d
      where not exists (select 1 from public.providers p where p.id = d.provider_id)
         or not exists (select 1 from public.locations l where l.id = d.location_id)`,
  );
  const [dups] = await sql(
    db,
    `select count(*)::int as n from (select provider_id, location_id, work_date from public.production_days group by 1, 2, 3 having count(*) > 1) x`,
  );
  return { stale: stale.n, duplicates: dups.n };
}

/** The legacy-style reseed, run synchronously in a child process so it can happen between two calls of one run. */
export function reseedNow(db: TestDatabase, keepData: boolean): void {
  const args = ['--require', require.resolve('tsx/cjs'), path.join(REPO_ROOT, 'tools', 'reseed.ts'), '--database-url', db.url, ...(keepData ? ['--keep-data'] : [])];
  const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`reseed failed (${r.status}): ${r.stderr}`);
}
