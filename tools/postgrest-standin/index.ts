// A DEVELOPMENT STAND-IN for Supabase's REST gateway + PostgREST v14. Production always talks to real Supabase.
//
// A real PostgREST binary cannot be installed on the development machines, so the local stack (npm run stack)
// and the tests run the add-on against this small server instead. It implements ONLY what the add-on uses, with
// PostgREST's documented behaviour (DESIGN.md "Build and run"; contract tests in test/tools/postgrest-standin):
// - the gateway: `apikey` → role (publishable key → anon, secret key → service_role); a missing or unknown key
//   is a 401 without `code`;
// - POST /rest/v1/rpc/<fn> in schema `public`, arguments by name, one transaction per request with the role
//   switched and the role's own settings (statement_timeout…) applied INSIDE the transaction, as PostgREST does;
// - PostgREST's response shapes, its error body {code,message,details,hint} and its SQLSTATE → HTTP status table.
// Everything else PostgREST offers (tables, GET/HEAD on functions, filters, JWTs, CSV, OpenAPI details) is
// answered 400 PGRST127 "Feature not implemented" rather than imitated.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool, type PoolClient } from 'pg';
import { acceptList, negotiate, type Accepted } from './accept';
import { buildCallSql } from './call';
import { JSON_CONTENT_TYPE, isPgError, pgrstError, responseForPgError, type StandinResponse } from './errors';
import { apiKeyOf, gatewayError, roleForApiKey, type GatewayKeys, type GatewayRole } from './gateway';
import { drain, header, readBody } from './http-body';
import { decodeContentType, readPayload, type MediaKind, type Payload } from './payload';
import { rootDocument } from './root-document';
import { SCHEMA, isolationLevel, txSettings } from './transaction';
import {
  FUNCTION_NAMES_SQL,
  INTROSPECT_SQL,
  ambiguousRpcError,
  findRoutine,
  noRpcError,
  parseRoutines,
  SETTABLE_SQL,
} from './routines';

export interface PostgrestStandinOptions {
  /** A superuser URL or Supabase's `authenticator` login (which must be a member of anon and service_role). */
  databaseUrl: string;
  /** 0 or absent = a free port. The server listens on 127.0.0.1 only. */
  port?: number;
  keys: GatewayKeys;
  /** Connections to PostgreSQL (default 5). */
  poolSize?: number;
  /** How long a request waits for a free connection before 504 PGRST003 (default 10 000 ms). */
  poolAcquireTimeoutMs?: number;
  /**
   * Client-side bound on each database round trip (default 120 000 ms): past it the connection is dropped and
   * the server stops the backend (client_connection_check_interval). The statement timeouts that matter are
   * the database's own: the login role's session default and the request role's setting (anon 3 s).
   */
  queryTimeoutMs?: number;
  /** Largest request body accepted (default 50 MB, UrlFetchApp's request limit). */
  maxBodyBytes?: number;
  log?: (line: string) => void;
}

export interface PostgrestStandin {
  /** http://127.0.0.1:PORT */
  url: string;
  /** url + '/rest/v1' */
  restUrl: string;
  stop(): Promise<void>;
}

const REST_PREFIX = '/rest/v1';

export async function startPostgrestStandin(options: PostgrestStandinOptions): Promise<PostgrestStandin> {
  if (!options.keys.publishable || !options.keys.secret || options.keys.publishable === options.keys.secret) {
    throw new Error('startPostgrestStandin: keys.publishable and keys.secret must be two different non-empty strings');
  }
  const queryTimeout = options.queryTimeoutMs ?? 120_000;
  const pool = new Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 5,
    connectionTimeoutMillis: options.poolAcquireTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    // No statement_timeout startup parameter: it would override the login role's own (Supabase's authenticator
    // has 8 s, which service_role inherits under PostgREST).
    query_timeout: queryTimeout,
    options: '-c client_connection_check_interval=1000',
    application_name: 'postgrest-standin',
  });
  // An idle client's connection dying (database restarted) must not crash the process.
  pool.on('error', (e) => options.log?.(`pool: ${e.message}`));

  const ctx: Context = {
    pool,
    keys: options.keys,
    maxBodyBytes: options.maxBodyBytes ?? 50 * 1024 * 1024,
    log: options.log ?? (() => undefined),
  };
  const inFlight = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    const done = serve(ctx, req, res).finally(() => inFlight.delete(done));
    inFlight.add(done);
  });
  server.requestTimeout = queryTimeout + 60_000;
  server.headersTimeout = 30_000;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  let stopping: Promise<void> | null = null;
  return {
    url,
    restUrl: url + REST_PREFIX,
    stop() {
      if (!stopping) {
        stopping = (async () => {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeIdleConnections();
          await Promise.allSettled([...inFlight]);
          server.closeAllConnections();
          await closed;
          await pool.end();
        })();
      }
      return stopping;
    },
  };
}

interface Context {
  pool: Pool;
  settable?: Promise<Set<string>>;
  keys: GatewayKeys;
  maxBodyBytes: number;
  log: (line: string) => void;
}

async function serve(ctx: Context, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  let response: StandinResponse;
  try {
    response = await route(ctx, req);
  } catch (e) {
    ctx.log(`unexpected: ${(e as Error).stack ?? e}`);
    response = pgrstError(500, 'PGRSTX00', 'Internal error of the development stand-in', String((e as Error).message ?? e));
  }
  send(res, response, req.method === 'HEAD');
}

function send(res: http.ServerResponse, r: StandinResponse, headOnly: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = { ...r.headers };
  const body = r.body === undefined ? undefined : Buffer.from(r.body, 'utf8');
  if (body !== undefined) headers['content-length'] = body.length;
  const statusText = r.statusText === undefined ? undefined : r.statusText.replace(/[^\x20-\x7e]/g, '?');
  try {
    res.writeHead(r.status, statusText, headers);
  } catch {
    res.writeHead(r.status, headers);
  }
  res.end(headOnly ? undefined : body);
}

async function route(ctx: Context, req: http.IncomingMessage): Promise<StandinResponse> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const pathname = url.pathname;
  if (pathname !== REST_PREFIX && !pathname.startsWith(REST_PREFIX + '/')) {
    await drain(req);
    // The gateway's own answer for a path no service is routed to.
    return gatewayError(404, 'no Route matched with those values');
  }
  const role = roleForApiKey(apiKeyOf(req.headers, url), ctx.keys);
  if (typeof role !== 'string') {
    await drain(req);
    return role;
  }

  const rest = pathname.slice(REST_PREFIX.length);
  const segments = rest === '' || rest === '/' ? [] : rest.slice(1).split('/');
  let decoded: string[];
  try {
    decoded = segments.map((s) => decodeURIComponent(s));
  } catch {
    await drain(req);
    return pgrstError(404, 'PGRST125', 'Invalid path specified in request URL');
  }

  if (decoded.length === 2 && decoded[0] === 'rpc') {
    if (method === 'POST') return invoke(ctx, req, role, decoded[1], rest);
    await drain(req);
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') {
      return notImplemented(`${method} on /rpc/<function>: the stand-in implements only POST`);
    }
    return pgrstError(405, 'PGRST101', `Cannot use the ${method} method on RPC`);
  }
  await drain(req);
  if (decoded.length === 0) {
    if (method === 'GET' || method === 'HEAD') return rootDocument(ctx.pool, role);
    if (method === 'OPTIONS') return { status: 200, headers: { allow: 'OPTIONS,GET,HEAD' }, body: '' };
    return pgrstError(405, 'PGRST117', `Unsupported HTTP method: ${method}`);
  }
  if (decoded.length === 1) {
    if (!['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].includes(method)) {
      return pgrstError(405, 'PGRST117', `Unsupported HTTP method: ${method}`);
    }
    return notImplemented('Table and view endpoints: the stand-in implements only POST /rpc/<function>');
  }
  return pgrstError(404, 'PGRST125', 'Invalid path specified in request URL');
}

function notImplemented(what: string): StandinResponse {
  return pgrstError(400, 'PGRST127', 'Feature not implemented', `${what} (development stand-in for Supabase)`);
}

async function invoke(
  ctx: Context,
  req: http.IncomingMessage,
  role: GatewayRole,
  fn: string,
  restPath: string,
): Promise<StandinResponse> {
  const body = await readBody(req, ctx.maxBodyBytes);
  if (body === null) return gatewayError(413, 'Request Entity Too Large');

  const profile = header(req, 'content-profile');
  if (profile !== undefined && profile !== SCHEMA) {
    return pgrstError(406, 'PGRST106', `Invalid schema: ${profile}`, null, `Only the following schemas are exposed: ${SCHEMA}`);
  }
  const media = decodeContentType(header(req, 'content-type'));
  const parsed = readPayload(body, media);
  if (!parsed.ok) {
    if (media.kind === 'csv') return notImplemented('text/csv request bodies');
    return pgrstError(400, 'PGRST102', parsed.message);
  }
  const payload = parsed.payload;
  const accept = negotiate(header(req, 'accept'));
  if (accept === null) {
    return pgrstError(406, 'PGRST107', `None of these media types are available: ${acceptList(header(req, 'accept'))}`);
  }

  let client: PoolClient;
  try {
    client = await ctx.pool.connect();
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    // pg-pool's words for "no connection came free in time" (a slow connect is a connection error, 503).
    if (/timeout exceeded when trying to connect/i.test(message)) {
      return pgrstError(504, 'PGRST003', 'Timed out acquiring connection from connection pool.');
    }
    return pgrstError(503, 'PGRST000', 'Database connection error.', message);
  }
  let broken: Error | undefined;
  try {
    return await runCall(ctx, client, req, role, fn, restPath, payload, media.kind, accept);
  } catch (e) {
    if (isPgError(e)) {
      await client.query('ROLLBACK').catch((err: Error) => (broken = err));
      return responseForPgError(e, role === 'anon');
    }
    broken = e as Error;
    const message = (e as Error).message ?? String(e);
    return pgrstError(503, 'PGRST001', 'Database client error. Retrying the connection.', message);
  } finally {
    client.release(broken);
  }
}

async function runCall(
  ctx: Context,
  client: PoolClient,
  req: http.IncomingMessage,
  role: GatewayRole,
  fn: string,
  restPath: string,
  payload: Payload,
  mediaKind: MediaKind,
  accept: Accepted,
): Promise<StandinResponse> {
  const intro = await client.query<{ routines: string; role_settings: string }>(prepared(INTROSPECT_SQL, [SCHEMA, fn, role]));
  const candidates = parseRoutines(SCHEMA, intro.rows[0].routines);
  const keys = new Set(payload.keys);
  const found = findRoutine(candidates, keys, mediaKind, true);
  if (!found.ok) {
    if (found.kind === 'ambiguous') return ambiguousRpcError(found.ambiguous);
    const names =
      candidates.length === 0 ? (await client.query<{ name: string }>(FUNCTION_NAMES_SQL, [SCHEMA])).rows.map((r) => r.name) : [];
    return noRpcError(SCHEMA, fn, keys, mediaKind, true, candidates, names);
  }
  const routine = found.routine;
  const settable = await settableSettings(ctx, client);
  const roleSettings = (JSON.parse(intro.rows[0].role_settings) as Array<[string, string]>).filter(([k]) => settable.has(k));
  const isolation = isolationLevel(routine, roleSettings);

  await client.query(`BEGIN ISOLATION LEVEL ${isolation} READ WRITE`);
  await client.query(prepared(...txSettings(req, role, routine, roleSettings, restPath)));
  const call = buildCallSql(routine, payload, accept === 'singular');
  const result = await client.query<{ page_total: number; body: string }>(prepared(call.text, call.values));
  const row = result.rows[0];
  if (accept === 'singular' && row.page_total !== 1) {
    await client.query('ROLLBACK');
    return pgrstError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${row.page_total} rows`);
  }
  await client.query('COMMIT');

  const contentRange = row.page_total > 0 ? `0-${row.page_total - 1}/*` : '*/*';
  if (routine.returnsVoid) return { status: 204, headers: { 'content-range': contentRange } };
  return {
    status: 200,
    headers: {
      'content-type': accept === 'singular' ? 'application/vnd.pgrst.object+json; charset=utf-8' : JSON_CONTENT_TYPE,
      'content-range': contentRange,
    },
    body: row.body,
  };
}

/**
 * A named statement, so each pooled connection parses and plans it once: planning the catalog query costs more
 * than running it. The name derives from the text, so different texts never share one.
 */
function prepared(text: string, values: unknown[]): { name: string; text: string; values: unknown[] } {
  return { name: `standin_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text, values };
}

function settableSettings(ctx: Context, client: PoolClient): Promise<Set<string>> {
  if (!ctx.settable) {
    ctx.settable = client.query<{ name: string }>(SETTABLE_SQL).then((r) => new Set(r.rows.map((x) => x.name)));
    ctx.settable.catch(() => (ctx.settable = undefined));
  }
  return ctx.settable;
}

/**
 * CLI: `STANDIN_PUBLISHABLE_KEY=… STANDIN_SECRET_KEY=… tsx tools/postgrest-standin/index.ts --database-url URL
 * [--port N] [--exit-with-stdin]`. Keys come from the environment only, so they never show in a process list.
 * Prints "… listening on http://127.0.0.1:PORT/rest/v1" once it accepts requests (spawn.ts waits for that line).
 */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const databaseUrl = arg('--database-url') ?? process.env.STANDIN_DATABASE_URL;
  const publishable = process.env.STANDIN_PUBLISHABLE_KEY;
  const secret = process.env.STANDIN_SECRET_KEY;
  if (!databaseUrl || !publishable || !secret) {
    process.stderr.write(
      'usage: STANDIN_PUBLISHABLE_KEY=… STANDIN_SECRET_KEY=… tsx tools/postgrest-standin/index.ts ' +
        '--database-url postgresql://authenticator:…@127.0.0.1:PORT/DB [--port 54321] [--exit-with-stdin]\n' +
        'A development stand-in for Supabase REST (PostgREST v14 subset); production always talks to real Supabase.\n',
    );
    process.exitCode = 2;
    return;
  }
  const standin = await startPostgrestStandin({
    databaseUrl,
    port: Number(arg('--port') ?? 0),
    keys: { publishable, secret },
    log: (line) => process.stderr.write(line + '\n'),
  });
  process.stdout.write(`REST stand-in (development only) listening on ${standin.restUrl}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void standin.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (argv.includes('--exit-with-stdin')) {
    // The parent (spawn.ts) holds our stdin: when it ends or the parent dies, stop.
    process.stdin.on('end', stop);
    process.stdin.on('close', stop);
    process.stdin.resume();
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
