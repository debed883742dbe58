// npm run bench [-- --json FILE]
// Benchmarks, not tests (nothing asserts on a time): (a) the sheet engine on the fixture exports and on a generated
// 5-year workbook (ms, peak RSS, retained heap); (b) sync_ingest as anon through the REST stand-in at 1, 6, 12 and
// 24 whole months per call, with the margin against the 3 s anon statement timeout and a recommended batch size;
// (c) the synchronous HTTP transport and the PostgREST client's round trip; (d) `npm run sync` end to end on the
// generated workbook as .xlsx (first run, then the unchanged re-run). Runs on its own temporary local stack.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeSyncHttp } from './gas-runtime/sync-http';
import { startTemporaryStack } from './lib/sync-target';
import { runIngestBench, ANON_STATEMENT_TIMEOUT_MS, type IngestBenchResult } from './bench/bench-ingest';
import { runClientRoundTrips, runRawRoundTrip, type RoundTripResult } from './bench/bench-round-trip';
import { runScenarioInChild, type EngineResult } from './bench/bench-sheet-engine';
import { round, table } from './bench/bench-stats';
import { largeDentistWorkbook } from './bench/generate-workbook';
import { writeWorkbookXlsx } from './bench/write-xlsx';
import { main as syncMain } from './sync-workbook';

const REPO_ROOT = path.resolve(__dirname, '..');
const SHARED_EXPORTS = path.resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'legacy-exports');
const TEST_EXPORTS = path.join(REPO_ROOT, 'test', 'fixtures', 'workbooks');
const FIXTURE_FILES = ['Dr. Obi - Associate Prodution Tracker - Nov-24.csv', 'Hygiene Production Tracker - Adriane - Dec-23.csv'];
const LARGE_YEARS = 5;

interface EndToEnd {
  run: string;
  exit_code: number;
  elapsed_ms: number;
  written: number;
  unchanged: number;
  rpc_total: number;
  ingest_calls: number;
  worst_batch_ms: number;
}

export interface BenchReport {
  machine: { node: string; platform: string; cpus: number };
  sheet_engine: EngineResult[];
  ingest: IngestBenchResult;
  round_trip: RoundTripResult[];
  sync_end_to_end: EndToEnd[];
  elapsed_ms: number;
}

async function endToEnd(file: string, restUrl: string, apiKey: string, token: string, label: string): Promise<EndToEnd> {
  let out = '';
  const code = await syncMain([file, '--json', '--url', restUrl, '--key', apiKey, '--token', token], { stdout: (t) => (out += t), stderr: () => undefined });
  const report = JSON.parse(out);
  const o = report.workbooks[0].outcome;
  return {
    run: label,
    exit_code: code,
    elapsed_ms: report.sync.elapsed_ms,
    written: o.counts.written,
    unchanged: o.counts.unchanged,
    rpc_total: report.sync.calls.rpc_total,
    ingest_calls: o.calls.ingest,
    worst_batch_ms: Math.max(0, ...o.batches.map((b: { ms: number }) => b.ms)),
  };
}

function render(r: BenchReport): string {
  const parts: string[] = [];
  parts.push(`Benchmarks — node ${r.machine.node}, ${r.machine.platform}, ${r.machine.cpus} CPU(s); total ${round(r.elapsed_ms / 1000, 1)} s`);
  parts.push(
    '(a) Sheet engine: read (files) + understandWorkbook + month hashes; each scenario in a fresh process\n' +
      table(
        ['scenario', 'tabs', 'months', 'rows', 'rejects', 'totals agree', 'median ms', 'max ms', 'peak RSS MB', 'RSS before MB', 'retained heap MB'],
        r.sheet_engine.map((e) => [e.scenario, e.tabs, e.months, e.rows, e.rejects, e.totals_agree, e.ms.median, e.ms.max, e.peak_rss_mb, e.rss_before_mb, e.retained_heap_mb]),
      ),
  );
  parts.push(
    `(b) sync_ingest as anon through the REST stand-in (anon statement_timeout ${ANON_STATEMENT_TIMEOUT_MS} ms enforced), ${r.ingest.reps} call(s) per kind and size, client-side ms\n` +
      table(
        ['months/call', 'rows/call', 'insert median', 'insert max', 'update median', 'update max', 'unchanged median', 'worst', 'margin to 3 s', 'headroom'],
        r.ingest.sizes.map((s) => [s.months, s.rows_per_call, s.insert_ms.median, s.insert_ms.max, s.update_ms.median, s.update_ms.max, s.unchanged_ms.median, s.worst_ms, s.margin_ms, `${s.headroom}×`]),
      ) +
      `\n  recommended batch limits: maxMonths ${r.ingest.recommendation.max_months}, maxRows ${r.ingest.recommendation.max_rows} — ${r.ingest.recommendation.reason}` +
      `\n  sync core defaults now: maxMonths ${r.ingest.current_defaults.max_months}, maxRows ${r.ingest.current_defaults.max_rows}` +
      (r.ingest.sizes.some((s) => s.failures.length) ? `\n  FAILURES: ${r.ingest.sizes.flatMap((s) => s.failures).join('; ')}` : ''),
  );
  parts.push('(c) One synchronous call\n' + table(['path', 'calls', 'median ms', 'p95 ms', 'max ms'], r.round_trip.map((t) => [t.name, t.ms.n, t.ms.median, t.ms.p95, t.ms.max])));
  parts.push(
    `(d) npm run sync end to end: the generated ${LARGE_YEARS}-year workbook as .xlsx (read + understand + plan + batches), default batch limits\n` +
      table(
        ['run', 'exit', 'elapsed ms', 'written', 'unchanged', 'RPC calls', 'ingest calls', 'worst batch ms'],
        r.sync_end_to_end.map((e) => [e.run, e.exit_code, e.elapsed_ms, e.written, e.unchanged, e.rpc_total, e.ingest_calls, e.worst_batch_ms]),
      ),
  );
  return parts.join('\n\n') + '\n';
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const jsonAt = argv.indexOf('--json');
  const jsonFile = jsonAt >= 0 ? argv[jsonAt + 1] : null;
  if (jsonAt >= 0 && (!jsonFile || jsonFile.startsWith('--'))) {
    process.stderr.write('usage: npm run bench [-- --json FILE]\n');
    return 2;
  }
  const t0 = Date.now();
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const exportsDir = existsSync(SHARED_EXPORTS) ? SHARED_EXPORTS : TEST_EXPORTS;
  const tmp = mkdtempSync(path.join(tmpdir(), 'ps-bench-'));
  try {
    const xlsx = path.join(tmp, 'Dr. Obi - Associate Production Tracker (5 years).xlsx');
    await writeWorkbookXlsx(largeDentistWorkbook(LARGE_YEARS), xlsx);

    log('(a) sheet engine');
    const sheetEngine = [
      await runScenarioInChild({ name: 'fixture exports (2 CSV files)', files: FIXTURE_FILES.map((f) => path.join(exportsDir, f)), iterations: 20 }),
      await runScenarioInChild({ name: `generated ${LARGE_YEARS}y × 12 tabs (in memory)`, generatedYears: LARGE_YEARS, iterations: 5 }),
      await runScenarioInChild({ name: `generated ${LARGE_YEARS}y × 12 tabs (.xlsx file)`, files: [xlsx], iterations: 3 }),
    ];

    log('starting a temporary local stack');
    const stack = await startTemporaryStack(null);
    try {
      log('(b) ingest');
      const ingest = runIngestBench(stack);
      log('(c) round trips');
      const roundTrip = [await runRawRoundTrip(), ...runClientRoundTrips(stack)];
      log('(d) npm run sync end to end');
      const e2e = [
        await endToEnd(xlsx, stack.restUrl, stack.apiKey, stack.token, 'first run (binds, writes)'),
        await endToEnd(xlsx, stack.restUrl, stack.apiKey, stack.token, 're-run (nothing changed)'),
      ];
      const report: BenchReport = {
        machine: { node: process.version, platform: `${process.platform}/${process.arch}`, cpus: require('node:os').cpus().length },
        sheet_engine: sheetEngine,
        ingest,
        round_trip: roundTrip,
        sync_end_to_end: e2e,
        elapsed_ms: Date.now() - t0,
      };
      process.stdout.write(render(report));
      if (jsonFile) {
        writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
        log(`JSON written to ${jsonFile}`);
      }
      return 0;
    } finally {
      await stack.stop();
    }
  } finally {
    await closeSyncHttp();
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
