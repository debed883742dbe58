// Measures the round trip of syncHttpRequest against a loopback server in a child process:
//   npx tsx tools/gas-runtime/measure-sync-http.ts [calls]
// Prints one JSON line: calls, ms per call (mean, p50, p95). A measurement, not a test: nothing asserts on it.
import { startChildHttpServer } from '../lib/child-http-server';
import { closeSyncHttp, syncHttpRequest } from './sync-http';

const OK = `(req, res) => res.end('{"ok":true}')`;

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const calls = Number(argv[0] ?? 1000);
  const server = await startChildHttpServer(OK);
  try {
    const url = `${server.base}/rest/v1/rpc/plan`;
    for (let i = 0; i < 20; i++) syncHttpRequest({ url, method: 'POST', body: '{}' }); // warm-up: worker + keep-alive
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t0 = process.hrtime.bigint();
      syncHttpRequest({ url, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"months":[]}' });
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    samples.sort((a, b) => a - b);
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
    const round = (n: number) => Math.round(n * 1000) / 1000;
    console.log(JSON.stringify({ calls, msPerCall: round(mean), p50: round(at(0.5)), p95: round(at(0.95)) }));
  } finally {
    server.stop();
    await closeSyncHttp();
  }
}

if (require.main === module) void main();
