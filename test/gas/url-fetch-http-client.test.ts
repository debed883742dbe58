// The UrlFetch HttpClient against the local runtime's UrlFetchApp fake, which form-encodes a payload sent without
// contentType and throws on >= 400 unless muteHttpExceptions, as the real service does.
import { createPostgrestClient } from '../../src/core/postgrest/postgrest-client';
import { isHttpTransportError } from '../../src/core/postgrest/transport-error';
import { toUserMessage } from '../../src/core/postgrest/user-message';
import { UrlFetchHttpClient, type UrlFetchLike } from '../../src/gas/url-fetch-http-client';
import { createGasRuntime, type HttpHandler } from '../../tools/gas-runtime';
import { manualClock, recordingSleeper, response } from '../core/postgrest/scripted-http';
import { thrownBy } from '../support/thrown-by';

const URL = 'https://abcdefghijklmnop.supabase.co/rest/v1/rpc/sync_plan';
const KEY = 'sb_publishable_TESTONLY_notarealkey_0000';
const BODY = '{"p_token":"t","p_spreadsheet_id":"1Abc"}';

function setup(route: HttpHandler = () => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"ok":true}' }), urlFetchWhitelist?: string[]) {
  const runtime = createGasRuntime({ http: route, urlFetchWhitelist });
  const urlFetch = runtime.urlFetch as unknown as UrlFetchLike;
  return { runtime, urlFetch, client: new UrlFetchHttpClient(urlFetch) };
}

const post = { url: URL, method: 'post' as const, headers: { apikey: KEY, 'Content-Type': 'application/json', Accept: 'application/json' }, body: BODY };

describe('UrlFetchHttpClient', () => {
  it('sends the JSON body with contentType application/json and muteHttpExceptions, never form-encoded', () => {
    const { client, urlFetch, runtime } = setup();
    const fetch = jest.spyOn(urlFetch, 'fetch');
    client.fetch(post);
    expect(fetch).toHaveBeenCalledWith(URL, {
      method: 'post',
      headers: { apikey: KEY, Accept: 'application/json' },
      payload: BODY,
      contentType: 'application/json',
      muteHttpExceptions: true,
      followRedirects: false,
    });
    expect(runtime.urlFetch.calls).toEqual([
      {
        url: URL,
        method: 'POST',
        headers: { apikey: KEY, Accept: 'application/json', 'Content-Type': 'application/json' },
        payload: BODY,
        contentType: 'application/json',
        muteHttpExceptions: true,
      },
    ]);
  });

  it('defaults contentType to application/json when the request has a body but no Content-Type header', () => {
    const { client, runtime } = setup();
    client.fetch({ url: URL, method: 'post', headers: { apikey: KEY }, body: BODY });
    expect(runtime.urlFetch.calls[0].contentType).toBe('application/json');
  });

  it('sends no payload and no contentType for a request without a body', () => {
    const { client, urlFetch } = setup();
    const fetch = jest.spyOn(urlFetch, 'fetch');
    client.fetch({ url: URL, method: 'get', headers: { apikey: KEY } });
    expect(fetch.mock.calls[0][1]).toEqual({ method: 'get', headers: { apikey: KEY }, muteHttpExceptions: true, followRedirects: false });
  });

  it('returns error statuses as responses to read, with headers lower-cased and repeated ones joined', () => {
    const { client } = setup(() => ({
      status: 401,
      headers: { 'Content-Type': 'application/json', 'Set-Cookie': ['a=1', 'b=2'], 'Retry-After': '3' },
      body: '{"message":"Invalid API key"}',
    }));
    expect(client.fetch(post)).toEqual({
      status: 401,
      headers: { 'content-type': 'application/json', 'set-cookie': 'a=1, b=2', 'retry-after': '3' },
      body: '{"message":"Invalid API key"}',
    });
  });

  it('reads the body as UTF-8', () => {
    const { client } = setup(() => ({ status: 200, headers: {}, body: '"Dr. Obi — Humble ✓"' }));
    expect(client.fetch(post).body).toBe('"Dr. Obi — Humble ✓"');
  });

  it.each([
    [{ kind: 'network' as const }, 'network', `Address unavailable: ${URL}`],
    [{ kind: 'timeout' as const }, 'timeout', `Timeout: ${URL}`],
  ])('throws a typed transport error when UrlFetchApp throws (%j)', (fault, kind, message) => {
    const { client, runtime } = setup();
    runtime.urlFetch.injectFault(fault);
    const error = thrownBy(() => client.fetch(post));
    expect(isHttpTransportError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'HttpTransportError', kind, message });
  });

  it('names a URL the manifest does not allow as invalid_url', () => {
    const { client } = setup(undefined, ['https://*.supabase.co/rest/v1/']);
    const error = thrownBy(() => client.fetch({ ...post, url: 'https://example.com/rest/v1/rpc/sync_plan' }));
    expect(error).toMatchObject({ name: 'HttpTransportError', kind: 'invalid_url' });
  });

  it('names a malformed URL as invalid_url', () => {
    const { client } = setup();
    const error = thrownBy(() => client.fetch({ ...post, url: 'abcdefghijklmnop.supabase.co/rest/v1/rpc/sync_plan' }));
    expect(error).toMatchObject({ name: 'HttpTransportError', kind: 'invalid_url', message: 'Invalid argument: abcdefghijklmnop.supabase.co/rest/v1/rpc/sync_plan' });
  });

  it.each([
    ['Service invoked too many times for one day: urlfetch.', 'quota'],
    [`DNS error: ${URL}`, 'network'],
    ['Exception: Unexpected error: x', 'network'],
  ])('classifies the UrlFetchApp exception %j as %s', (message, kind) => {
    const throwing: UrlFetchLike = {
      fetch: () => {
        throw new Error(message);
      },
    };
    expect(thrownBy(() => new UrlFetchHttpClient(throwing).fetch(post))).toMatchObject({ kind, message });
  });
});

describe('PostgREST client over UrlFetchApp (runtime fake)', () => {
  function client(route: HttpHandler) {
    const { runtime, client: http } = setup(route);
    const clock = manualClock();
    const rpc = createPostgrestClient({
      restUrl: 'https://abcdefghijklmnop.supabase.co/rest/v1',
      apiKey: KEY,
      http,
      sleeper: recordingSleeper(clock),
      clock,
      random: () => 1,
    });
    return { runtime, rpc };
  }

  it('reads a 204 from a void function as null data', () => {
    const { rpc } = client(() => response('record_run_void_204'));
    expect(rpc.rpc('sync_record_run', {})).toEqual({ data: null, error: null });
  });

  it('tells a refused key apart through the real adapter path', () => {
    const { rpc } = client(() => response('gateway_invalid_key'));
    const { error } = rpc.rpc('sync_directory', {});
    expect(error).toMatchObject({ kind: 'bad_key', status: 401 });
    expect(toUserMessage(error!)).toBe(
      "The publishable key was refused by Supabase (HTTP 401): check Settings → Publishable key — paste the project's publishable key (it starts with sb_publishable_).",
    );
  });

  it('retries through an injected network failure and a 503, then succeeds: three UrlFetch calls', () => {
    const { runtime, rpc } = client(() => response('ingest_ok'));
    runtime.urlFetch.injectFault({ kind: 'network' });
    runtime.urlFetch.injectFault({ kind: 'status', status: 503, body: '{"code":"PGRST002","message":"schema cache"}' });
    expect(rpc.rpc('sync_ingest', {}).error).toBeNull();
    expect(runtime.callCounts()['UrlFetchApp.fetch']).toBe(3);
  });

  it('retries a transport timeout only twice', () => {
    const { runtime, rpc } = client(() => response('ingest_ok'));
    runtime.urlFetch.injectFault({ kind: 'timeout' }, 5);
    expect(rpc.rpc('sync_ingest', {}).error).toMatchObject({ kind: 'timeout', attempts: 2 });
    expect(runtime.callCounts()['UrlFetchApp.fetch']).toBe(2);
  });
});
