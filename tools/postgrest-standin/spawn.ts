// The REST stand-in (a development stand-in for Supabase) in a CHILD PROCESS. The synchronous UrlFetchApp fake
// blocks its thread on Atomics.wait while a worker does the HTTP call, so a stand-in in that same process could
// never answer (DESIGN.md "Build and run"). Same options and handle as startPostgrestStandin; the keys travel in
// the child's environment, never on its command line. The child also stops when this process goes away.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { PostgrestStandin } from './index';

export interface SpawnedPostgrestStandin extends PostgrestStandin {
  pid: number;
}

export async function spawnPostgrestStandin(options: {
  databaseUrl: string;
  port?: number;
  keys: { publishable: string; secret: string };
  startTimeoutMs?: number;
}): Promise<SpawnedPostgrestStandin> {
  const entry = path.join(__dirname, 'index.ts');
  const child = spawn(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), entry, '--port', String(options.port ?? 0), '--exit-with-stdin'],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        STANDIN_DATABASE_URL: options.databaseUrl,
        STANDIN_PUBLISHABLE_KEY: options.keys.publishable,
        STANDIN_SECRET_KEY: options.keys.secret,
      },
    },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`REST stand-in did not start within ${options.startTimeoutMs ?? 30_000} ms: ${stderr}`));
    }, options.startTimeoutMs ?? 30_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\/rest\/v1\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`REST stand-in exited with ${code} before it listened: ${stderr}`));
    });
  });

  let stopping: Promise<void> | null = null;
  return {
    url,
    restUrl: `${url}/rest/v1`,
    pid: child.pid ?? -1,
    stop() {
      if (!stopping) {
        stopping = (async () => {
          child.stdin.end();
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(timer);
        })();
      }
      return stopping;
    },
  };
}
