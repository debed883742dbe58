// Benchmark (b): sync_ingest on the local stack, as `anon` through the REST stand-in (which applies the anon
// role's 3 s statement_timeout inside each request, as PostgREST does), through the add-on's own synchronous
// client. Whole months of ~60 rows (a dentist at two offices), at several months per call; per size: a first
// write (every row inserted), an unchanged resend and an update (every amount changed). Client-side ms per call
// include HTTP and JSON, so they overstate the statement's own time: the margin shown is conservative for this
// machine — real Supabase adds network latency and may run on a slower, shared CPU.
import type { BindingSettings } from '../../src/core/api-contract';
import { createPostgrestClient } from '../../src/core/postgrest/postgrest-client';
import type { MonthPayload } from '../../src/core/production';
import { createSyncApi, DEFAULT_BATCH_LIMITS, type SyncApi } from '../../src/core/sync';
import { createNodeHttpClient } from '../lib/node-http-client';
import { blockingSleeper, systemClock } from '../lib/sync-node-ports';
import { stats, timeSync, type Stats } from './bench-stats';
import { dentistMonthPayload } from './generate-workbook';

export const ANON_STATEMENT_TIMEOUT_MS = 3000;

export interface IngestTarget {
  restUrl: string;
  apiKey: string;
  token: string;
}

export interface IngestSizeResult {
  months: number;
  rows_per_call: number;
  insert_ms: Stats;
  unchanged_ms: Stats;
  update_ms: Stats;
  worst_ms: number;
  margin_ms: number;
  /** How many times the worst call fits in the 3 s anon statement timeout. */
  headroom: number;
  failures: string[];
}

export interface IngestBenchResult {
  provider_code: string;
  reps: number;
  sizes: IngestSizeResult[];
  recommendation: { max_months: number; max_rows: number; reason: string };
  current_defaults: { max_months: number; max_rows: number };
}

function api(target: IngestTarget): SyncApi {
  const client = createPostgrestClient({
    restUrl: target.restUrl,
    apiKey: target.apiKey,
    http: createNodeHttpClient(),
    sleeper: blockingSleeper,
    clock: systemClock,
    retry: { maxAttempts: 1 }, // a timeout must show, not be retried away
  });
  return createSyncApi(client, target.token);
}

export function runIngestBench(target: IngestTarget, options: { sizes?: number[]; reps?: number; provider_code?: string } = {}): IngestBenchResult {
  const sizes = options.sizes ?? [1, 6, 12, 24];
  const reps = options.reps ?? 5;
  const provider = options.provider_code ?? 'obinna_ezeji';
  const sync = api(target);
  const sid = `bench-ingest-${Date.now()}`;
  const claimed = sync.directory(sid);
  if (!claimed.ok) throw new Error(`sync_directory failed: ${claimed.failure.message}`);
  const settings: BindingSettings = { provider_code: provider, default_location_code: null, column_overrides: {} };
  const bound = sync.bind(sid, settings);
  if (!bound.ok) throw new Error(`sync_bind failed: ${bound.failure.message}`);

  // Months never used elsewhere (1970 on), a fresh range for every call of the first write.
  let cursor = 1970 * 12;
  const nextMonths = (n: number, variant = 0): MonthPayload[] =>
    Array.from({ length: n }, () => {
      const c = cursor++;
      return dentistMonthPayload(provider, Math.floor(c / 12), (c % 12) + 1, variant);
    });

  const results: IngestSizeResult[] = [];
  for (const size of sizes) {
    const insert: number[] = [];
    const unchanged: number[] = [];
    const update: number[] = [];
    const failures: string[] = [];
    let rows = 0;
    for (let r = 0; r < reps; r++) {
      const months = nextMonths(size);
      rows = months.reduce((n, m) => n + m.rows.length, 0);
      const changed = months.map((m) => {
        const [y, mo] = m.month.split('-').map(Number);
        return dentistMonthPayload(provider, y, mo, 1);
      });
      for (const [samples, payload, expect] of [
        [insert, months, 'written'],
        [unchanged, months, 'unchanged'],
        [update, changed, 'written'],
      ] as const) {
        const { ms, value } = timeSync(() => sync.ingest(sid, payload));
        samples.push(ms);
        if (!value.ok) failures.push(`${size} months: ${value.failure.message}`);
        else {
          const n = value.value.months.reduce((k, m) => k + (expect === 'written' ? m.written : m.unchanged), 0);
          if (n !== rows) failures.push(`${size} months: expected ${rows} ${expect}, got ${n}`);
        }
      }
    }
    const worst = Math.max(...insert, ...unchanged, ...update);
    results.push({
      months: size,
      rows_per_call: rows,
      insert_ms: stats(insert),
      unchanged_ms: stats(unchanged),
      update_ms: stats(update),
      worst_ms: Math.round(worst),
      margin_ms: Math.round(ANON_STATEMENT_TIMEOUT_MS - worst),
      headroom: Math.round((ANON_STATEMENT_TIMEOUT_MS / worst) * 10) / 10,
      failures,
    });
  }
  return { provider_code: provider, reps, sizes: results, recommendation: recommend(results), current_defaults: { max_months: DEFAULT_BATCH_LIMITS.maxMonths, max_rows: DEFAULT_BATCH_LIMITS.maxRows } };
}

/**
 * The largest measured size whose WORST call stays within a tenth of the 3 s timeout here (10× headroom: real
 * Supabase is slower than this local machine, shares its CPU, and may hold locks), capped at 12 months.
 */
export function recommend(sizes: IngestSizeResult[]): IngestBenchResult['recommendation'] {
  const ok = sizes.filter((s) => s.failures.length === 0 && s.worst_ms * 10 <= ANON_STATEMENT_TIMEOUT_MS && s.months <= 12);
  const best = ok.sort((a, b) => b.months - a.months)[0];
  if (!best) {
    return { max_months: 1, max_rows: 100, reason: 'no measured size kept 10× headroom under the 3 s anon timeout: send one month per call' };
  }
  return {
    max_months: best.months,
    max_rows: Math.ceil(best.rows_per_call / 100) * 100,
    reason: `${best.months} month(s) (${best.rows_per_call} rows) worst ${best.worst_ms} ms here: ${best.headroom}× headroom under the 3 s anon statement timeout`,
  };
}
