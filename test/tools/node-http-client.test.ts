// The Node HttpClient against a real HTTP server in a child process (loopback only): the blocking client cannot
// be served by its own thread.
import { createPostgrestClient } from '../../src/core/postgrest/postgrest-client';
import { isHttpTransportError } from '../../src/core/postgrest/transport-error';
import { closeSyncHttp } from '../../tools/gas-runtime/sync-http';
import { startChildHttpServer, type ChildHttpServer } from '../../tools/lib/child-http-server';
import { createNodeHttpClient } from '../../tools/lib/node-http-client';
import { freePort as closedPort } from '../../tools/local-postgres';
import { thrownBy } from '../support/thrown-by';

// Echoes the request with its headers; /hang never answers, /status/N answers N, rpc/void answers 204.
const ECHO = `(req, res, body) => {
  if (req.url.startsWith('/hang')) return;
  if (req.url.startsWith('/rest/v1/rpc/void')) { res.writeHead(204); return res.end(); }
  const status = req.url.startsWith('/status/') ? Number(req.url.split('/')[2]) : 200;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '0' });
  res.end(JSON.stringify({ method: req.method, url: req.url, body, headers: req.headers }));
}`;

let server: ChildHttpServer;
let base: string;

beforeAll(async () => {
  server = await startChildHttpServer(ECHO);
  base = server.base;
});

afterAll(async () => {
  server.stop();
  await closeSyncHttp();
});

describe('createNodeHttpClient', () => {
  it('sends method, headers and the UTF-8 body, and returns status, lower-case headers and body synchronously', () => {
    const http = createNodeHttpClient();
    const res = http.fetch({ url: `${base}/rest/v1/rpc/sync_plan`, method: 'post', headers: { apikey: 'k', 'Content-Type': 'application/json' }, body: '{"p":"é"}' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const echoed = JSON.parse(res.body);
    expect(echoed).toMatchObject({ method: 'POST', url: '/rest/v1/rpc/sync_plan', body: '{"p":"é"}' });
    expect(echoed.headers).toMatchObject({ apikey: 'k', 'content-type': 'application/json' });
  });

  it('returns error statuses as responses', () => {
    expect(createNodeHttpClient().fetch({ url: `${base}/status/503`, method: 'post', headers: {}, body: '{}' }).status).toBe(503);
  });

  it('throws a typed network error when the connection is refused', async () => {
    const port = await closedPort();
    const error = thrownBy(() => createNodeHttpClient({ timeoutMs: 2000 }).fetch({ url: `http://127.0.0.1:${port}/`, method: 'post', headers: {}, body: '{}' }));
    expect(isHttpTransportError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'network' });
  });

  it('throws a typed timeout when the server does not answer in time', () => {
    const error = thrownBy(() => createNodeHttpClient({ timeoutMs: 200 }).fetch({ url: `${base}/hang`, method: 'post', headers: {}, body: '{}' }));
    expect(error).toMatchObject({ name: 'HttpTransportError', kind: 'timeout' });
  });

  it('throws invalid_url for a URL that cannot be parsed', () => {
    const error = thrownBy(() => createNodeHttpClient().fetch({ url: 'not a url', method: 'post', headers: {}, body: '{}' }));
    expect(error).toMatchObject({ name: 'HttpTransportError', kind: 'invalid_url' });
  });

  it('carries the PostgREST client end to end: the request it sends and a 204 read as null', () => {
    const clock = { now: () => 0 };
    const client = createPostgrestClient({ restUrl: `${base}/rest/v1`, apiKey: 'sb_publishable_TESTONLY', http: createNodeHttpClient(), sleeper: { sleep: () => undefined }, clock });
    const echoed = client.rpc<{ method: string; url: string; body: string; headers: Record<string, string> }>('sync_plan', { p_token: 't' });
    expect(echoed.error).toBeNull();
    expect(echoed.data).toMatchObject({ method: 'POST', url: '/rest/v1/rpc/sync_plan', body: '{"p_token":"t"}' });
    expect(echoed.data!.headers).toMatchObject({ apikey: 'sb_publishable_TESTONLY', 'content-type': 'application/json', accept: 'application/json' });
    expect(echoed.data!.headers.authorization).toBeUndefined();
    expect(client.rpc('void', {})).toEqual({ data: null, error: null });
  });
});
