// npm run stack — the local stand-in for a Supabase project: embedded PostgreSQL 17 with Supabase's roles
// (tools/supabase-bootstrap.sql), our migrations and the demo seed, behind the REST stand-in
// (tools/postgrest-standin, a DEVELOPMENT STAND-IN for Supabase's gateway + PostgREST). Prints what the add-on's
// settings need and writes it to .stack/state.json for reseed, post-reseed, token and sync. Ctrl-C stops it all.
import { randomBytes } from 'node:crypto';
import { startPostgrestStandin, type PostgrestStandin } from './postgrest-standin';
import { spawnPostgrestStandin } from './postgrest-standin/spawn';
import { readDemoPractice } from './generate-seed';
import { readStackState, removeStackState, writeStackState, STACK_STATE_FILE, type StackState } from './lib/db-stack-state';
import { applyBootstrap, createDatabase, freePort, startLocalPostgres, withDatabase, type LocalPostgres } from './local-postgres';

export const APP_DATABASE = 'production_sync';
/** Supabase CLI's local API port, used when free. */
export const DEFAULT_REST_PORT = 54321;

export interface RunningStack extends Omit<StackState, 'pid' | 'startedAt'> {
  postgres: LocalPostgres;
  standin: PostgrestStandin;
  stop(): Promise<void>;
}

async function portOrFree(preferred: number): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => freePort().then(resolve));
    s.listen(preferred, '127.0.0.1', () => s.close(() => resolve(preferred)));
  });
}

/**
 * `inProcessStandin`: run the REST stand-in in this process (fine for `npm run stack`, which only waits). The
 * default is a child process, so a caller that blocks its own thread on a synchronous HTTP call (the UrlFetchApp
 * fake, Atomics.wait) can still be answered.
 */
export async function startStack(options: { restPort?: number; inProcessStandin?: boolean; log?: (line: string) => void } = {}): Promise<RunningStack> {
  const postgres = await startLocalPostgres();
  try {
    await applyBootstrap(postgres.url, { authenticatorPassword: postgres.password });
    const databaseUrl = await createDatabase(postgres.url, APP_DATABASE, { migrations: true, seed: true });
    // Per start, local only: they mean nothing anywhere else.
    const publishableKey = `sb_publishable_local_${randomBytes(16).toString('base64url')}`;
    const secretKey = `sb_secret_local_${randomBytes(24).toString('base64url')}`;
    const standinOptions = {
      // PostgREST logs in as authenticator and switches role per request.
      databaseUrl: withDatabase(databaseUrl, APP_DATABASE, 'authenticator'),
      port: options.restPort ?? (await portOrFree(DEFAULT_REST_PORT)),
      keys: { publishable: publishableKey, secret: secretKey },
    };
    const standin = options.inProcessStandin
      ? await startPostgrestStandin({ ...standinOptions, log: options.log })
      : await spawnPostgrestStandin(standinOptions);
    let stopped: Promise<void> | null = null;
    return {
      restUrl: standin.restUrl,
      supabaseUrl: standin.url,
      publishableKey,
      secretKey,
      demoToken: readDemoPractice().demo_tokens?.[0]?.token ?? '',
      databaseUrl,
      postgres,
      standin,
      stop() {
        stopped ??= standin.stop().finally(() => postgres.stop());
        return stopped;
      },
    };
  } catch (e) {
    await postgres.stop();
    throw e;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const previous = readStackState();
  if (previous && previous.pid !== process.pid && isRunning(previous.pid)) {
    process.stderr.write(`a stack is already running (pid ${previous.pid}, REST ${previous.restUrl}); stop it first (Ctrl-C in its terminal)\n`);
    return 1;
  }
  const portArg = argv.indexOf('--port');
  const stack = await startStack({ restPort: portArg >= 0 ? Number(argv[portArg + 1]) : undefined, inProcessStandin: true });
  const state: StackState = {
    restUrl: stack.restUrl,
    supabaseUrl: stack.supabaseUrl,
    publishableKey: stack.publishableKey,
    secretKey: stack.secretKey,
    demoToken: stack.demoToken,
    databaseUrl: stack.databaseUrl,
    pid: process.pid,
    startedAt: new Date().toISOString(),
  };
  writeStackState(state);
  process.stdout.write(
    [
      'Production Sync local stack (REST: development stand-in for Supabase; never use these values elsewhere)',
      `  Supabase URL     ${stack.supabaseUrl}`,
      `  REST URL         ${stack.restUrl}`,
      `  publishable key  ${stack.publishableKey}`,
      `  demo sync token  ${stack.demoToken}`,
      `  PostgreSQL URL   ${stack.databaseUrl}`,
      `  state file       ${STACK_STATE_FILE}`,
      'Also: npm run reseed [-- --keep-data] · npm run post-reseed · npm run token -- mint|list|rotate|revoke',
      'Ctrl-C stops the stack.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write('stopping…\n');
  await stack.stop();
  removeStackState();
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`stack failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
