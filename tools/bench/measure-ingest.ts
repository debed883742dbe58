// npm run bench:ingest — how long sync_ingest takes as anon (statement_timeout 3 s applied the PostgREST way) on
// the local embedded PostgreSQL, for 1, 12 and 50 months of ~30 rows: first write, unchanged re-send, every row
// changed. The sync engine sizes its batches from these figures (keep a wide margin under 3 s: Supabase's hosted
// database is slower than a local one and the HTTP hop adds to it). Prints a table; median of N runs.
import { Client } from 'pg';
import type { MonthPayload, ProductionRow } from '../../src/core/production';
import { readDemoPractice } from '../generate-seed';
import { applyBootstrap, createDatabase, startLocalPostgres, withDatabase } from '../local-postgres';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function monthsFrom(start: [number, number], count: number, salt: number): MonthPayload[] {
  const out: MonthPayload[] = [];
  let [y, m] = start;
  for (let i = 0; i < count; i++) {
    const ym = `${y}-${String(m).padStart(2, '0')}`;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const rows: ProductionRow[] = [];
    for (let d = 1; d <= Math.min(30, last); d++) {
      const cents = ((d * 7919 + m * 104729 + salt) % 250000) - (d % 9 === 0 ? 300000 : 0);
      rows.push({
        provider_code: 'obinna_ezeji',
        location_code: d % 2 ? 'HUMBLE_MAIN' : 'BAYTOWN_MAIN',
        work_date: `${ym}-${String(d).padStart(2, '0')}`,
        fields: { hours_worked: '7.5', verified_production: (cents / 100).toFixed(2), estimated_production: null, production_goal: null, variance_ratio: null, bonus: null },
        note: d % 5 === 0 ? 'Billing adjustment' : null,
        source: { tab: ym, row: d + 1 },
      });
    }
    out.push({ provider_code: 'obinna_ezeji', month: ym, rows, figures: [{ location_code: null, name: 'monthly_goal', value: '70000.00' }] });
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

async function ingestAsAnon(url: string, token: string, sheet: string, months: MonthPayload[]): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('begin');
    await c.query('set local role anon');
    await c.query(`select set_config('statement_timeout', '3s', true)`);
    const t0 = process.hrtime.bigint();
    const res = await c.query('select public.sync_ingest(p_token => $1, p_spreadsheet_id => $2, p_months => $3) as r', [token, sheet, JSON.stringify(months)]);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    await c.query('commit');
    if (!res.rows[0].r.ok) throw new Error(JSON.stringify(res.rows[0].r));
    return ms;
  } finally {
    await c.end();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function main(): Promise<number> {
  const pg = await startLocalPostgres();
  try {
    await applyBootstrap(pg.url, { authenticatorPassword: pg.password });
    const dbUrl = await createDatabase(pg.url, 'bench', { migrations: true, seed: true });
    const anonUrl = withDatabase(dbUrl, 'bench', 'authenticator');
    const token = readDemoPractice().demo_tokens![0].token;
    const admin = new Client({ connectionString: dbUrl });
    await admin.connect();
    const lines = ['months  rows   first write   unchanged   all changed   (ms, median of ' + RUNS + ')'];
    let sheetNo = 0;
    for (const count of [1, 12, 50]) {
      const first: number[] = [];
      const same: number[] = [];
      const changed: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const sheet = `bench-sheet-${sheetNo++}`;
        await admin.query('truncate public.production_days, public.month_figures');
        await admin.query(`insert into public.sync_bindings (spreadsheet_id, token_id, provider_code)
                           select $1, id, 'obinna_ezeji' from public.sync_tokens limit 1`, [sheet]);
        const months = monthsFrom([2020, 1], count, 0);
        first.push(await ingestAsAnon(anonUrl, token, sheet, months));
        same.push(await ingestAsAnon(anonUrl, token, sheet, months));
        changed.push(await ingestAsAnon(anonUrl, token, sheet, monthsFrom([2020, 1], count, 17)));
      }
      const rows = monthsFrom([2020, 1], count, 0).reduce((n, m) => n + m.rows.length, 0);
      lines.push(`${String(count).padStart(6)}  ${String(rows).padStart(4)}   ${median(first).toFixed(0).padStart(11)}   ${median(same).toFixed(0).padStart(9)}   ${median(changed).toFixed(0).padStart(11)}`);
    }
    await admin.end();
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await pg.stop();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
