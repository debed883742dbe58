// What the REST stand-in adds to one RPC call: N sequential POST /rest/v1/rpc/<trivial fn> over HTTP keep-alive,
// against the same SQL called directly on one pg connection. Run: npx tsx tools/bench/measure-standin-overhead.ts
// [calls]. Uses its own embedded PostgreSQL; prints one JSON line. A benchmark, never a test.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { Client } from 'pg';
import { applyBootstrap, createDatabase, startLocalPostgres, withDatabase } from '../local-postgres';
import { startPostgrestStandin } from '../postgrest-standin';

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const calls = Number(argv[0] ?? 200);
  const pg = await startLocalPostgres();
  try {
    await applyBootstrap(pg.url, { authenticatorPassword: pg.password });
    const dbUrl = await createDatabase(pg.url, 'bench_standin');
    const su = new Client({ connectionString: dbUrl });
    await su.connect();
    await su.query('create function public.bench_add(a int, b int) returns int language sql immutable as $$ select a + b $$');
    await su.end();

    const keys = { publishable: `sb_publishable_${randomBytes(8).toString('hex')}`, secret: `sb_secret_${randomBytes(8).toString('hex')}` };
    const authUrl = withDatabase(dbUrl, 'bench_standin', 'authenticator');
    const standin = await startPostgrestStandin({ databaseUrl: authUrl, keys });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (body: string) =>
      new Promise<void>((resolve, reject) => {
        const req = http.request(
          `${standin.restUrl}/rpc/bench_add`,
          { method: 'POST', agent, headers: { apikey: keys.publishable, 'content-type': 'application/json' } },
          (res) => {
            res.resume();
            res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
          },
        );
        req.on('error', reject);
        req.end(body);
      });

    const direct = new Client({ connectionString: authUrl });
    await direct.connect();
    const viaStandin: number[] = [];
    const viaPg: number[] = [];
    for (let i = 0; i < 20; i++) {
      await post('{"a":1,"b":2}');
      await direct.query('select public.bench_add(1, 2)');
    }
    for (let i = 0; i < calls; i++) {
      let t = process.hrtime.bigint();
      await post(JSON.stringify({ a: i, b: 2 }));
      viaStandin.push(Number(process.hrtime.bigint() - t) / 1e6);
      t = process.hrtime.bigint();
      await direct.query('select public.bench_add($1, 2)', [i]);
      viaPg.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    await direct.end();
    agent.destroy();
    await standin.stop();

    const stats = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
      return { mean: round(xs.reduce((a, b) => a + b, 0) / xs.length), p50: round(q(0.5)), p95: round(q(0.95)) };
    };
    const standinStats = stats(viaStandin);
    const pgStats = stats(viaPg);
    process.stdout.write(
      JSON.stringify({
        calls,
        standin_ms: standinStats,
        direct_pg_ms: pgStats,
        overhead_ms_mean: round(standinStats.mean - pgStats.mean),
      }) + '\n',
    );
  } finally {
    await pg.stop();
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
