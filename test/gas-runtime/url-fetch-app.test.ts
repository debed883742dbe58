import { createGasRuntime, type FetchRequestRecord, type HttpHandler } from '../../tools/gas-runtime';

const echo: HttpHandler = (req) => ({
  status: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ method: req.method, contentType: req.contentType ?? null, payload: req.payload ?? null }),
});

describe('UrlFetchApp fake', () => {
  it('sends GET by default and records the call', () => {
    const runtime = createGasRuntime({ http: echo });
    const res = runtime.urlFetch.fetch('https://demo.supabase.co/rest/v1/rpc/directory');
    expect(res.getResponseCode()).toBe(200);
    expect(JSON.parse(res.getContentText())).toEqual({ method: 'GET', contentType: null, payload: null });
    expect(runtime.urlFetch.calls).toEqual<FetchRequestRecord[]>([
      { url: 'https://demo.supabase.co/rest/v1/rpc/directory', method: 'GET', headers: {}, muteHttpExceptions: false },
    ]);
  });

  it('sends a string payload without contentType as a form, so JSON needs contentType application/json', () => {
    const runtime = createGasRuntime({ http: echo });
    runtime.urlFetch.fetch('https://x.test/a', { method: 'post', payload: '{"a":1}' });
    runtime.urlFetch.fetch('https://x.test/b', { method: 'post', payload: '{"a":1}', contentType: 'application/json' });
    const [form, json] = runtime.urlFetch.calls;
    expect(form.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.payload).toBe('{"a":1}');
    expect(json.headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('form-encodes an object payload field by field', () => {
    const runtime = createGasRuntime({ http: echo });
    runtime.urlFetch.fetch('https://x.test/form', { method: 'post', payload: { name: 'Dr. Obi', n: 2 } });
    expect(runtime.urlFetch.calls[0]).toMatchObject({
      payload: 'name=Dr.%20Obi&n=2',
      contentType: 'application/x-www-form-urlencoded',
    });
  });

  it('throws on a status of 400 or more unless muteHttpExceptions is true', () => {
    const runtime = createGasRuntime({ http: () => ({ status: 401, body: '{"message":"Invalid API key"}' }) });
    expect(() => runtime.urlFetch.fetch('https://demo.supabase.co/rest/v1/rpc/ingest?x=1')).toThrow(
      'Request failed for https://demo.supabase.co returned code 401. Truncated server response: {"message":"Invalid API key"} (use muteHttpExceptions option to examine full response)',
    );
    const res = runtime.urlFetch.fetch('https://demo.supabase.co/rest/v1/rpc/ingest', { muteHttpExceptions: true });
    expect(res.getResponseCode()).toBe(401);
    expect(res.getContentText()).toBe('{"message":"Invalid API key"}');
  });

  it('rejects a URL over 2 KB before sending it', () => {
    const runtime = createGasRuntime({ http: echo });
    const base = 'https://x.test/?q=';
    runtime.urlFetch.fetch(base + 'a'.repeat(2048 - base.length));
    expect(() => runtime.urlFetch.fetch(base + 'a'.repeat(2049 - base.length))).toThrow('Limit Exceeded: URLFetch URL Length.');
  });

  it('rejects a request body or a response over 50 MB', () => {
    const big = 'x'.repeat(50 * 1024 * 1024 + 1);
    const runtime = createGasRuntime({ http: () => ({ status: 200, body: big }) });
    expect(() => runtime.urlFetch.fetch('https://x.test/up', { method: 'post', payload: big })).toThrow(
      'Limit Exceeded: URLFetch POST Size.',
    );
    expect(() => runtime.urlFetch.fetch('https://x.test/down')).toThrow('Limit Exceeded: URLFetch response size.');
  });

  it('refuses URLs outside the manifest urlFetchWhitelist when one is given', () => {
    const runtime = createGasRuntime({ http: echo, urlFetchWhitelist: ['https://*.supabase.co/rest/v1/'] });
    expect(runtime.urlFetch.fetch('https://demo.supabase.co/rest/v1/rpc/plan').getResponseCode()).toBe(200);
    expect(() => runtime.urlFetch.fetch('https://evil.test/rest/v1/rpc/plan')).toThrow(
      'UrlFetch to https://evil.test/rest/v1/rpc/plan is not allowed by urlFetchWhitelist in appsscript.json (local runtime)',
    );
    expect(() => runtime.urlFetch.fetch('https://demo.supabase.co/auth/v1/token')).toThrow('is not allowed by urlFetchWhitelist');
  });

  it('fails the next calls with injected faults, then recovers', () => {
    const runtime = createGasRuntime({ http: echo });
    runtime.urlFetch.injectFault({ kind: 'network' });
    runtime.urlFetch.injectFault({ kind: 'timeout' });
    runtime.urlFetch.injectFault({ kind: 'status', status: 429, body: 'slow down', headers: { 'Retry-After': '2' } }, 2);
    const url = 'https://x.test/rpc';
    expect(() => runtime.urlFetch.fetch(url)).toThrow('Address unavailable: https://x.test/rpc');
    expect(() => runtime.urlFetch.fetch(url)).toThrow('Timeout: https://x.test/rpc');
    const limited = runtime.urlFetch.fetch(url, { muteHttpExceptions: true });
    expect([limited.getResponseCode(), limited.getHeaders()]).toEqual([429, { 'Retry-After': '2' }]);
    expect(() => runtime.urlFetch.fetch(url)).toThrow('returned code 429');
    expect(runtime.urlFetch.fetch(url).getResponseCode()).toBe(200);
    expect(runtime.urlFetch.calls).toHaveLength(5);
  });

  it('fails like an unreachable host when the runtime has no HTTP route', () => {
    expect(() => createGasRuntime().urlFetch.fetch('https://x.test/')).toThrow('Address unavailable: https://x.test/');
  });

  it('fetches several requests with fetchAll, each with its own options', () => {
    const runtime = createGasRuntime({ http: echo });
    const [a, b] = runtime.urlFetch.fetchAll([
      { url: 'https://x.test/1' },
      { url: 'https://x.test/2', method: 'post', payload: '[]', contentType: 'application/json' },
    ]);
    expect(JSON.parse(a.getContentText()).method).toBe('GET');
    expect(JSON.parse(b.getContentText())).toEqual({ method: 'POST', contentType: 'application/json', payload: '[]' });
    expect(runtime.callCounts()['UrlFetchApp.fetchAll']).toBe(1);
  });

  it('gives the response as a blob and as signed bytes', () => {
    const runtime = createGasRuntime({ http: () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'é' }) });
    const res = runtime.urlFetch.fetch('https://x.test/');
    expect(res.getBlob().getDataAsString()).toBe('é');
    expect(res.getBlob().getContentType()).toBe('text/plain');
    expect(res.getContent()).toEqual([-61, -87]);
    expect(res.getAllHeaders()).toEqual({ 'content-type': 'text/plain' });
  });

  it('keeps its test hooks out of the bundle-visible UrlFetchApp', () => {
    const visible = createGasRuntime().globals.UrlFetchApp as Record<string, unknown>;
    expect(Object.keys(visible).sort()).toEqual(['fetch', 'fetchAll', 'getRequest']);
  });
});
