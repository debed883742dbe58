// Benchmark (a): the sheet engine — read (for files) + understandWorkbook + every month's content hash, which is
// what a sync does before its plan call. Each scenario runs in a FRESH child process so its peak RSS is its own;
// the child also reports the heap the result retains (after a forced GC). Never a test: nothing asserts on it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { demoDirectory } from '../../src/core/demo-practice';
import { monthHash } from '../../src/core/month-hash';
import { understandWorkbook } from '../../src/core/sheet/understand-workbook';
import type { Workbook } from '../../src/core/ports';
import { nodeHasher } from '../lib/node-hasher';
import { readWorkbookFiles } from '../lib/workbook-reader';
import { stats, msSince, round, type Stats } from './bench-stats';
import { largeDentistWorkbook } from './generate-workbook';

export interface EngineScenario {
  name: string;
  /** 'files': read these files each iteration; 'generated': a generated workbook, read once. */
  files?: string[];
  generatedYears?: number;
  iterations: number;
}

export interface EngineResult {
  scenario: string;
  tabs: number;
  months: number;
  rows: number;
  rejects: number;
  totals_agree: number;
  ms: Stats;
  rss_before_mb: number;
  peak_rss_mb: number;
  retained_heap_mb: number;
}

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

async function once(scenario: EngineScenario, generated: Workbook | null): Promise<{ ms: number; rows: number; months: number; tabs: number; rejects: number; agree: number; keep: unknown }> {
  const t = process.hrtime.bigint();
  const workbooks = scenario.files
    ? (await readWorkbookFiles(scenario.files, { timeZone: 'America/Chicago' })).workbooks.map((w) => w.workbook)
    : [generated as Workbook];
  const directory = demoDirectory();
  const understood = workbooks.map((w) => understandWorkbook(w, directory));
  const hashes = understood.flatMap((u) => u.months.map((m) => monthHash(m.payload, nodeHasher)));
  const ms = msSince(t);
  const months = understood.flatMap((u) => u.months);
  return {
    ms,
    tabs: understood.reduce((n, u) => n + u.tabs.length, 0),
    months: months.length,
    rows: months.reduce((n, m) => n + m.payload.rows.length, 0),
    rejects: months.reduce((n, m) => n + m.rejects.length, 0) + understood.reduce((n, u) => n + u.rejects.length, 0),
    agree: months.flatMap((m) => m.totals).filter((t) => t.status === 'agree').length,
    keep: [understood, hashes],
  };
}

/** Child side: runs one scenario, prints one JSON line. */
export async function runChild(scenario: EngineScenario): Promise<EngineResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const generated = scenario.generatedYears ? largeDentistWorkbook(scenario.generatedYears) : null;
  gc?.();
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  const heapBefore = process.memoryUsage().heapUsed;
  const samples: number[] = [];
  let last = await once(scenario, generated); // warm-up (JIT), also the retained-heap sample
  gc?.();
  const retained = process.memoryUsage().heapUsed - heapBefore;
  for (let i = 0; i < scenario.iterations; i++) {
    last = await once(scenario, generated);
    samples.push(last.ms);
  }
  return {
    scenario: scenario.name,
    tabs: last.tabs,
    months: last.months,
    rows: last.rows,
    rejects: last.rejects,
    totals_agree: last.agree,
    ms: stats(samples),
    rss_before_mb: mb(rssBefore),
    peak_rss_mb: mb(process.resourceUsage().maxRSS * 1024),
    retained_heap_mb: mb(Math.max(0, retained)),
  };
}

export function runScenarioInChild(scenario: EngineScenario): Promise<EngineResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--require', require.resolve('tsx/cjs'), __filename, JSON.stringify(scenario)], {
      cwd: path.resolve(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as EngineResult);
      else reject(new Error(`sheet-engine bench '${scenario.name}' failed (${code}): ${err.slice(-2000)}`));
    });
  });
}

if (require.main === module) {
  runChild(JSON.parse(process.argv[2]) as EngineScenario).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e) => {
      process.stderr.write(String(e instanceof Error ? e.stack : e));
      process.exit(1);
    },
  );
}
