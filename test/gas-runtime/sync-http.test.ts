// A real HTTP server in a child process (loopback only): the blocking client cannot be served by its own thread.
import { closeSyncHttp, createGasRuntime, syncHttpRequest, SyncHttpError } from '../../tools/gas-runtime';
import { startChildHttpServer, type ChildHttpServer } from '../../tools/lib/child-http-server';
import { freePort as closedPort } from '../../tools/local-postgres';

// Echoes the request; /hang never answers, /status/N answers N.
const ECHO = `(req, res, body) => {
  if (req.url.startsWith('/hang')) return;
  const status = req.url.startsWith('/status/') ? Number(req.url.split('/')[2]) : 200;
  res.writeHead(status, { 'Content-Type': 'application/json', 'X-Echo': 'yes' });
  res.end(JSON.stringify({ method: req.method, url: req.url, body, contentType: req.headers['content-type'] || null }));
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

describe('syncHttpRequest', () => {
  it('blocks until a real server in another process answers, and returns status, headers and body', () => {
    const res = syncHttpRequest({ url: `${base}/rpc/ingest?x=1`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"é":1}' });
    expect(res.status).toBe(200);
    expect(res.headers['x-echo']).toBe('yes');
    expect(JSON.parse(res.body)).toEqual({ method: 'POST', url: '/rpc/ingest?x=1', body: '{"é":1}', contentType: 'application/json' });
  });

  it('returns error statuses as responses, not errors', () => {
    expect(syncHttpRequest({ url: `${base}/status/503` }).status).toBe(503);
  });

  it('throws a NETWORK error when the connection is refused', async () => {
    const port = await closedPort();
    let error: unknown;
    try {
      syncHttpRequest({ url: `http://127.0.0.1:${port}/`, timeoutMs: 2000 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SyncHttpError);
    expect((error as SyncHttpError).code).toBe('NETWORK');
    expect((error as SyncHttpError).causeCode).toBe('ECONNREFUSED');
    expect((error as SyncHttpError).message).toBe(
      `sync-http: GET http://127.0.0.1:${port}/ network error: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  it('throws a TIMEOUT error when the server does not answer in time, and stays usable afterwards', () => {
    expect(() => syncHttpRequest({ url: `${base}/hang`, timeoutMs: 200 })).toThrow(
      `sync-http: GET ${base}/hang timed out: no answer within 200 ms`,
    );
    expect(syncHttpRequest({ url: `${base}/after` }).status).toBe(200);
  });
});

describe('UrlFetchApp routed to a real server', () => {
  it('replaces the origin with the server URL and keeps path, query, method, headers and body', () => {
    const runtime = createGasRuntime({ http: { serverUrl: base } });
    const res = runtime.urlFetch.fetch('https://demo.supabase.co/rest/v1/rpc/plan?select=*', {
      method: 'post',
      contentType: 'application/json',
      headers: { apikey: 'sb_publishable_test' },
      payload: '{"months":[]}',
    });
    expect(JSON.parse(res.getContentText())).toEqual({
      method: 'POST',
      url: '/rest/v1/rpc/plan?select=*',
      body: '{"months":[]}',
      contentType: 'application/json',
    });
    expect(runtime.urlFetch.calls[0].forwardedTo).toBe(`${base}/rest/v1/rpc/plan?select=*`);
  });

  it('turns a refused connection and a timeout into the errors Apps Script throws', async () => {
    const refused = createGasRuntime({ http: { serverUrl: `http://127.0.0.1:${await closedPort()}` } });
    expect(() => refused.urlFetch.fetch('https://demo.supabase.co/rest/v1/rpc/plan')).toThrow(
      'Address unavailable: https://demo.supabase.co/rest/v1/rpc/plan',
    );
    const slow = createGasRuntime({ http: { serverUrl: base, timeoutMs: 200 } });
    expect(() => slow.urlFetch.fetch('https://demo.supabase.co/hang')).toThrow('Timeout: https://demo.supabase.co/hang');
  });

  it('throws on a server error status unless muted', () => {
    const runtime = createGasRuntime({ http: { serverUrl: base } });
    expect(() => runtime.urlFetch.fetch('https://demo.supabase.co/status/500')).toThrow(
      'Request failed for https://demo.supabase.co returned code 500. Truncated server response: {"method":"GET","url":"/status/500","body":"","contentType":null} (use muteHttpExceptions option to examine full response)',
    );
  });
});
