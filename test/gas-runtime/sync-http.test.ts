// A real HTTP server in a child process (loopback only): the blocking client cannot be served by its own thread.
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import { closeSyncHttp, createGasRuntime, syncHttpRequest, SyncHttpError } from '../../tools/gas-runtime';

const SERVER = `
const http = require('node:http');
http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url.startsWith('/hang')) return;
    const status = req.url.startsWith('/status/') ? Number(req.url.split('/')[2]) : 200;
    res.writeHead(status, { 'Content-Type': 'application/json', 'X-Echo': 'yes' });
    res.end(JSON.stringify({ method: req.method, url: req.url, body, contentType: req.headers['content-type'] || null }));
  });
}).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });
`;

let server: ChildProcess;
let base: string;

beforeAll(async () => {
  server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => server.stdout!.once('data', (d) => resolve(String(d).trim())));
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.kill();
  await closeSyncHttp();
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

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
