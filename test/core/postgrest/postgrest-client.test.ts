import fc from 'fast-check';
import {
  createPostgrestClient,
  isTransientRpcError,
  normalizeRestUrl,
  type PostgrestClientOptions,
} from '../../../src/core/postgrest/postgrest-client';
import type { RetryPolicy } from '../../../src/core/postgrest/retry-policy';
import { toUserMessage } from '../../../src/core/postgrest/user-message';
import { fixture, manualClock, recordingSleeper, response, scriptedHttp, type Step } from './scripted-http';

const REST_URL = 'https://abcdefghijklmnop.supabase.co/rest/v1';
const API_KEY = 'sb_publishable_TESTONLY_notarealkey_0000';
const TOKEN = 'sync_tok_TESTONLY_0123456789abcdef';
const INGEST_ARGS = { p_token: TOKEN, p_spreadsheet_id: '1AbcSheet', p_months: [] };

// random = 1 turns full jitter into its ceiling, so waits are exact: 500, 1000, 2000, …
function setup(
  steps: Step[],
  opts: { latencyMs?: number; random?: () => number; retry?: Partial<RetryPolicy>; retryDeadline?: () => number | null } = {},
) {
  const clock = manualClock();
  const sleeper = recordingSleeper(clock);
  const http = scriptedHttp(steps, clock, opts.latencyMs ?? 0);
  const options: PostgrestClientOptions = {
    restUrl: REST_URL,
    apiKey: API_KEY,
    http,
    sleeper,
    clock,
    random: opts.random ?? (() => 1),
    retry: opts.retry,
    retryDeadline: opts.retryDeadline,
  };
  return { client: createPostgrestClient(options), http, sleeper, clock };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('PostgREST client: the request', () => {
  it('POSTs named JSON args to {restUrl}/rpc/{fn} with the publishable key as apikey and no Authorization', () => {
    const { client, http } = setup([response('ingest_ok')]);
    client.rpc('sync_ingest', INGEST_ARGS);
    expect(http.requests).toEqual([
      {
        url: 'https://abcdefghijklmnop.supabase.co/rest/v1/rpc/sync_ingest',
        method: 'post',
        headers: { apikey: API_KEY, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(INGEST_ARGS),
      },
    ]);
    expect(Object.keys(http.requests[0].headers).map((h) => h.toLowerCase())).not.toContain('authorization');
  });

  it('sends a pasted key without the whitespace around it', () => {
    const clock = manualClock();
    const http = scriptedHttp([response('ingest_ok')], clock);
    const client = createPostgrestClient({ restUrl: REST_URL, apiKey: ` ${API_KEY}\n`, http, sleeper: recordingSleeper(clock), clock });
    client.rpc('sync_plan', {});
    expect(http.requests[0].headers.apikey).toBe(API_KEY);
  });

  it.each([
    ['https://abcdefghijklmnop.supabase.co', 'https://abcdefghijklmnop.supabase.co/rest/v1'],
    ['https://abcdefghijklmnop.supabase.co/', 'https://abcdefghijklmnop.supabase.co/rest/v1'],
    ['https://abcdefghijklmnop.supabase.co/rest/v1/', 'https://abcdefghijklmnop.supabase.co/rest/v1'],
    ['  http://127.0.0.1:54321/rest/v1  ', 'http://127.0.0.1:54321/rest/v1'],
  ])('normalises the settings URL %j to %j', (input, expected) => {
    expect(normalizeRestUrl(input)).toBe(expected);
  });
});

describe('PostgREST client: success shapes (PostgREST v14)', () => {
  it('returns a composite/json function result as the parsed object', () => {
    const { client } = setup([response('ingest_ok')]);
    expect(client.rpc('sync_ingest', INGEST_ARGS)).toEqual({ data: JSON.parse(response('ingest_ok').body), error: null });
  });

  it('returns an expected failure the RPC answered as data in a 200 as data, not as an error', () => {
    const { client } = setup([response('ingest_token_invalid')]);
    expect(client.rpc('sync_ingest', INGEST_ARGS)).toEqual({
      data: { ok: false, error: { code: 'TOKEN_INVALID', message: 'unknown sync token' } },
      error: null,
    });
  });

  it.each([
    ['list_tokens_array', [
      { token_id: '6f1e2d3c-0000-4000-8000-000000000001', label: 'Obi sheet', revoked: false },
      { token_id: '6f1e2d3c-0000-4000-8000-000000000002', label: 'Kia sheet', revoked: true },
    ]],
    ['list_tokens_empty_array', []],
    ['scalar_directory_version', '2024-11-01T15:00:00Z#7'],
    ['scalar_number', 42],
    ['record_run_void_204', null],
  ])('returns %s as %j', (name, expected) => {
    const { client } = setup([response(name)]);
    expect(client.rpc(fixture(name).call, {})).toEqual({ data: expected, error: null });
  });
});

describe('PostgREST client: each error kind and the sentence a person reads', () => {
  it.each([
    ['gateway_invalid_key', 'bad_key', 401, null, 'Invalid API key',
      'The publishable key was refused by Supabase (HTTP 401): check Settings → Publishable key — paste the project\'s publishable key (it starts with sb_publishable_).'],
    ['gateway_no_api_key', 'bad_key', 401, null, 'No API key found in request',
      'The publishable key was refused by Supabase (HTTP 401): check Settings → Publishable key — paste the project\'s publishable key (it starts with sb_publishable_).'],
    ['jwt_invalid_pgrst301', 'bad_key', 401, 'PGRST301', 'JWSError (JSONDecodeError "Not valid base64url")',
      'The publishable key was refused by Supabase (HTTP 401, PGRST301): check Settings → Publishable key — paste the project\'s publishable key (it starts with sb_publishable_).'],
    ['pgrst202_missing_rpc', 'missing_rpc', 404, 'PGRST202', 'Could not find the function public.sync_ingest(p_months, p_spreadsheet_id, p_token) in the schema cache',
      'The database has no function sync_ingest (HTTP 404, PGRST202): run the migrations on this Supabase project, or check that Settings → Supabase URL names the right project.'],
    ['undefined_function_42883', 'missing_rpc', 404, '42883', 'function private.plan_months(text) does not exist',
      'The database has no function sync_plan (HTTP 404, 42883): run the migrations on this Supabase project, or check that Settings → Supabase URL names the right project.'],
    ['permission_denied_42501_anon', 'permission', 401, '42501', 'permission denied for function sync_ingest',
      'The database refused to run sync_ingest: permission denied (HTTP 401, 42501). Run the migrations, which grant the add-on\'s functions to the anon role.'],
    ['permission_denied_42501_authenticated', 'permission', 403, '42501', 'permission denied for function sync_ingest',
      'The database refused to run sync_ingest: permission denied (HTTP 403, 42501). Run the migrations, which grant the add-on\'s functions to the anon role.'],
    ['html_404_wrong_url', 'bad_url', 404, null, "HTTP 404 with a body that is not PostgREST's JSON",
      'The Supabase URL does not look like a Supabase REST endpoint (HTTP 404): check Settings → Supabase URL — it should look like https://<project>.supabase.co/rest/v1.'],
    ['html_200_wrong_url', 'bad_url', 200, null, 'HTTP 200 with a body that is not JSON',
      'The Supabase URL does not look like a Supabase REST endpoint (HTTP 200): check Settings → Supabase URL — it should look like https://<project>.supabase.co/rest/v1.'],
    ['gateway_no_route_404', 'bad_url', 404, null, 'no Route matched with those values',
      'The Supabase URL does not look like a Supabase REST endpoint (HTTP 404): check Settings → Supabase URL — it should look like https://<project>.supabase.co/rest/v1.'],
    ['pgrst125_invalid_path', 'bad_url', 404, 'PGRST125', 'Invalid path specified in request URL',
      'The Supabase URL does not look like a Supabase REST endpoint (HTTP 404, PGRST125): check Settings → Supabase URL — it should look like https://<project>.supabase.co/rest/v1.'],
    ['invalid_body_pgrst102', 'client', 400, 'PGRST102', 'Empty or invalid json',
      'Supabase rejected the request to sync_ingest (HTTP 400, PGRST102): the add-on and the database disagree on this call. Run the latest migrations; if that does not help, report this message.'],
    ['unique_violation_23505_409', 'client', 409, '23505', 'duplicate key value violates unique constraint "bindings_spreadsheet_id_key"',
      'Supabase rejected the request to sync_bind (HTTP 409, 23505): the add-on and the database disagree on this call. Run the latest migrations; if that does not help, report this message.'],
    ['not_implemented_501', 'server', 501, null, 'Not Implemented',
      'Supabase had a server error running sync_ingest (HTTP 501). Sync again in a few minutes; if it keeps failing, check the project\'s status in the Supabase dashboard.'],
  ])('%s → kind %s, no retry, and its message', (name, kind, status, code, message, userMessage) => {
    const { client, http, sleeper } = setup([response(name)]);
    const fn = fixture(name).call;
    const result = client.rpc(fn, { p_token: TOKEN });
    expect(result.data).toBeNull();
    expect(result.error).toMatchObject({ kind, status, code, message, fn, attempts: 1 });
    expect(http.requests).toHaveLength(1);
    expect(sleeper.sleeps).toEqual([]);
    expect(toUserMessage(result.error!)).toBe(userMessage);
  });

  it('keeps the wire fields of a PostgREST error body (details, hint) as sent', () => {
    const { client } = setup([response('pgrst202_missing_rpc')]);
    const { error } = client.rpc('sync_ingest', INGEST_ARGS);
    expect(error).toEqual({
      kind: 'missing_rpc',
      status: 404,
      code: 'PGRST202',
      message: 'Could not find the function public.sync_ingest(p_months, p_spreadsheet_id, p_token) in the schema cache',
      details:
        'Searched for the function public.sync_ingest with parameters p_months, p_spreadsheet_id, p_token or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
      hint: null,
      fn: 'sync_ingest',
      attempts: 1,
      retryAfterMs: null,
    });
  });

  it('names a transport URL refusal (malformed, not on the urlFetchWhitelist) as bad_url without retrying', () => {
    const { client, http } = setup([{ throws: 'invalid_url', message: 'Invalid argument: htps:/x' }]);
    const { error } = client.rpc('sync_directory', {});
    expect(error).toMatchObject({ kind: 'bad_url', status: null, code: null, message: 'Invalid argument: htps:/x', attempts: 1 });
    expect(http.requests).toHaveLength(1);
    expect(toUserMessage(error!)).toBe(
      'The Supabase URL does not look like a Supabase REST endpoint: check Settings → Supabase URL — it should look like https://<project>.supabase.co/rest/v1.',
    );
  });

  it('does not retry when the platform\'s daily UrlFetch quota is used up, and says so', () => {
    const { client, http } = setup([{ throws: 'quota', message: 'Service invoked too many times for one day: urlfetch.' }]);
    const { error } = client.rpc('sync_ingest', INGEST_ARGS);
    expect(error).toMatchObject({ kind: 'rate_limited', status: null, attempts: 1 });
    expect(http.requests).toHaveLength(1);
    expect(toUserMessage(error!)).toBe(
      "Apps Script's daily limit on web requests is used up: sync again tomorrow (the limit resets every 24 hours).",
    );
  });
});

describe('PostgREST client: retries (exponential backoff, full jitter, bounded)', () => {
  it.each([
    ['internal_error_500', 'server'],
    ['schema_cache_503_pgrst002', 'server'],
    ['bad_gateway_502_html', 'server'],
    ['rate_limited_429', 'rate_limited'],
  ])('retries %s up to 4 attempts with waits 500, 1000, 2000 ms, then returns %s', (name, kind) => {
    const { client, http, sleeper } = setup([response(name)]);
    const { error } = client.rpc('sync_ingest', INGEST_ARGS);
    expect(error).toMatchObject({ kind, attempts: 4 });
    expect(http.requests).toHaveLength(4);
    expect(sleeper.sleeps).toEqual([500, 1000, 2000]);
  });

  it('succeeds when a 503 clears on the third attempt, having waited 1500 ms in all', () => {
    const { client, http, sleeper } = setup([response('schema_cache_503_pgrst002'), response('schema_cache_503_pgrst002'), response('ingest_ok')]);
    const result = client.rpc('sync_ingest', INGEST_ARGS);
    expect(result.error).toBeNull();
    expect(http.requests).toHaveLength(3);
    expect(sum(sleeper.sleeps)).toBe(1500);
    expect(client.stats).toEqual({ calls: 1, httpAttempts: 3, sleptMs: 1500 });
  });

  it('tries a statement timeout (57014) only twice: each attempt costs the full 3 s limit', () => {
    const { client, http, sleeper } = setup([response('statement_timeout_57014')], { latencyMs: 3000 });
    const { error } = client.rpc('sync_ingest', INGEST_ARGS);
    expect(error).toMatchObject({ kind: 'timeout', status: 500, code: '57014', attempts: 2 });
    expect(http.requests).toHaveLength(2);
    expect(sleeper.sleeps).toEqual([500]);
    expect(toUserMessage(error!)).toBe(
      'Timed out: the database stopped sync_ingest at its statement time limit (HTTP 500, 57014). Nothing from that call was saved; sync again, and if it keeps happening, sync fewer months at a time.',
    );
  });

  it('counts a gateway timeout (504) as a timeout: two attempts', () => {
    const { client, http } = setup([response('gateway_timeout_504')]);
    expect(client.rpc('sync_ingest', INGEST_ARGS).error).toMatchObject({ kind: 'timeout', status: 504, attempts: 2 });
    expect(http.requests).toHaveLength(2);
  });

  it('recovers when a statement timeout clears on the second attempt', () => {
    const { client } = setup([response('statement_timeout_57014'), response('ingest_ok')]);
    expect(client.rpc('sync_ingest', INGEST_ARGS).error).toBeNull();
  });

  it('tries a transport timeout twice, then names it', () => {
    const { client, http, sleeper } = setup([{ throws: 'timeout', message: 'Timeout: https://abcdefghijklmnop.supabase.co/rest/v1/rpc/sync_ingest' }]);
    const { error } = client.rpc('sync_ingest', INGEST_ARGS);
    expect(error).toMatchObject({ kind: 'timeout', status: null, code: null, attempts: 2 });
    expect(http.requests).toHaveLength(2);
    expect(sleeper.sleeps).toEqual([500]);
    expect(toUserMessage(error!)).toBe(
      'Timed out waiting for Supabase to answer sync_ingest. Check your connection and sync again; nothing is lost, a sync can be repeated safely.',
    );
  });

  it.each([
    ['a typed network failure', { throws: 'network' as const, message: 'Address unavailable: https://abcdefghijklmnop.supabase.co/rest/v1/rpc/sync_plan' }],
    ['any other thrown error', { throws: 'plain' as const, message: 'socket hang up' }],
  ])('retries %s 4 times, then reports a network error', (_label, step) => {
    const { client, http, sleeper } = setup([step]);
    const { error } = client.rpc('sync_plan', { p_token: TOKEN });
    expect(error).toMatchObject({ kind: 'network', status: null, code: null, message: step.message, attempts: 4 });
    expect(http.requests).toHaveLength(4);
    expect(sleeper.sleeps).toEqual([500, 1000, 2000]);
    expect(toUserMessage(error!)).toBe('Could not reach Supabase: check your connection and Settings → Supabase URL, then sync again.');
  });

  it('recovers from one network failure', () => {
    const { client, http } = setup([{ throws: 'network' }, response('ingest_ok')]);
    expect(client.rpc('sync_ingest', INGEST_ARGS).error).toBeNull();
    expect(http.requests).toHaveLength(2);
  });

  it.each([
    'invalid_body_pgrst102', // 400
    'gateway_invalid_key', // 401
    'permission_denied_42501_authenticated', // 403
    'pgrst202_missing_rpc', // 404
    'unique_violation_23505_409', // 409
    'not_implemented_501',
  ])('never retries %s', (name) => {
    const { client, http, sleeper } = setup([response(name), response('ingest_ok')]);
    expect(client.rpc('sync_ingest', INGEST_ARGS).error).not.toBeNull();
    expect(http.requests).toHaveLength(1);
    expect(sleeper.sleeps).toEqual([]);
  });

  it('waits exactly what Retry-After asks on a 429, instead of its own backoff', () => {
    const { client, sleeper } = setup([response('rate_limited_429_retry_after_2'), response('ingest_ok')]);
    expect(client.rpc('sync_ingest', INGEST_ARGS).error).toBeNull();
    expect(sleeper.sleeps).toEqual([2000]);
  });

  it('reads Retry-After given as an HTTP date, relative to the injected clock', () => {
    const clockStart = Date.UTC(2024, 10, 1, 15, 0, 0);
    const at = new Date(clockStart + 3000).toUTCString();
    const busy = { status: 503, headers: { 'Retry-After': at }, body: '{"message":"busy"}' };
    const { client, sleeper } = setup([busy, response('ingest_ok')]);
    expect(client.rpc('sync_ingest', INGEST_ARGS).error).toBeNull();
    expect(sleeper.sleeps).toEqual([3000]);
  });

  it('does not wait out a Retry-After longer than it allows: returns at once with retryAfterMs for the caller', () => {
    const { client, http, sleeper } = setup([response('rate_limited_429_retry_after_120')]);
    const { error } = client.rpc('sync_ingest', INGEST_ARGS);
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, attempts: 1, retryAfterMs: 120000 });
    expect(http.requests).toHaveLength(1);
    expect(sleeper.sleeps).toEqual([]);
    expect(toUserMessage(error!)).toBe('Supabase is limiting requests (HTTP 429): wait 120 seconds and sync again.');
  });

  it('ignores Retry-After on a status other than 429 or 503', () => {
    const failing = { ...response('internal_error_500'), headers: { 'Retry-After': '9' } };
    const { client, sleeper } = setup([failing, response('ingest_ok')]);
    client.rpc('sync_ingest', INGEST_ARGS);
    expect(sleeper.sleeps).toEqual([500]);
  });

  it('stops retrying when the next wait would pass the total-time bound, counting request time by the clock', () => {
    // Each attempt takes 6 s: 6 000 + 500 ≤ 15 000 → retry; 12 500 + 1 000 ≤ 15 000 → retry; 19 500 + 2 000 > 15 000 → stop.
    const { client, http, sleeper, clock } = setup([response('schema_cache_503_pgrst002')], { latencyMs: 6000 });
    const started = clock.now();
    const { error } = client.rpc('sync_plan', {});
    expect(error).toMatchObject({ kind: 'server', attempts: 3 });
    expect(http.requests).toHaveLength(3);
    expect(sleeper.sleeps).toEqual([500, 1000]);
    expect(clock.now() - started).toBe(19500);
  });

  it('starts no wait that would end past the caller\'s deadline (its own time budget)', () => {
    const clockStart = Date.UTC(2024, 10, 1, 15, 0, 0);
    // Deadline 1 600 ms after the start: waits end at 500 and 1 500 ms; the third (ending at 3 500) would not fit.
    const { client, http, sleeper } = setup([response('internal_error_500')], { retryDeadline: () => clockStart + 1600 });
    expect(client.rpc('sync_plan', {}).error).toMatchObject({ kind: 'server', attempts: 3 });
    expect(http.requests).toHaveLength(3);
    expect(sleeper.sleeps).toEqual([500, 1000]);
  });

  it('retries as usual when the caller has no deadline', () => {
    const { client } = setup([response('internal_error_500')], { retryDeadline: () => null });
    expect(client.rpc('sync_plan', {}).error).toMatchObject({ attempts: 4 });
  });

  it('honours a caller\'s retry policy', () => {
    const { client, http, sleeper } = setup([response('internal_error_500')], {
      retry: { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 300, maxTotalMs: 60000 },
    });
    client.rpc('sync_plan', {});
    expect(http.requests).toHaveLength(6);
    expect(sleeper.sleeps).toEqual([100, 200, 300, 300, 300]);
  });

  it('jitters each wait uniformly below its ceiling (random × ceiling)', () => {
    const { client, sleeper } = setup([response('internal_error_500')], { random: () => 0.25 });
    client.rpc('sync_plan', {});
    expect(sleeper.sleeps).toEqual([125, 250, 500]);
  });

  it('keeps every wait within its ceiling and the sum within maxTotalMs, for any jitter and any latency', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 8000 }),
        fc.integer({ min: 1, max: 8 }),
        (randoms, latencyMs, maxAttempts) => {
          let i = 0;
          const policy = { maxAttempts, baseDelayMs: 500, maxDelayMs: 4000, maxTotalMs: 15000 };
          const { client, http, sleeper, clock } = setup([response('schema_cache_503_pgrst002')], {
            latencyMs,
            random: () => randoms[i++ % randoms.length],
            retry: policy,
          });
          const started = clock.now();
          const { error } = client.rpc('sync_plan', {});
          expect(error!.attempts).toBe(http.requests.length);
          expect(http.requests.length).toBeLessThanOrEqual(maxAttempts);
          sleeper.sleeps.forEach((ms, n) => {
            expect(ms).toBeGreaterThanOrEqual(0);
            expect(ms).toBeLessThanOrEqual(Math.min(4000, 500 * 2 ** n));
          });
          // Every wait started inside the bound; only the final attempt's own latency may run past it.
          expect(clock.now() - started - latencyMs).toBeLessThanOrEqual(15000);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('isTransientRpcError: worth trying again on the next run', () => {
  it.each([
    ['internal_error_500', true],
    ['rate_limited_429', true],
    ['statement_timeout_57014', true],
    ['not_implemented_501', false],
    ['gateway_invalid_key', false],
    ['pgrst202_missing_rpc', false],
    ['html_404_wrong_url', false],
    ['permission_denied_42501_anon', false],
  ])('%s → %s', (name, transient) => {
    const { client } = setup([response(name)], { retry: { maxAttempts: 1 } });
    expect(isTransientRpcError(client.rpc('sync_ingest', INGEST_ARGS).error!)).toBe(transient);
  });

  it.each([
    ['network', true],
    ['timeout', true],
    ['quota', false],
    ['invalid_url', false],
  ] as const)('a thrown %s transport error → %s', (kind, transient) => {
    const { client } = setup([{ throws: kind }], { retry: { maxAttempts: 1 } });
    expect(isTransientRpcError(client.rpc('sync_ingest', INGEST_ARGS).error!)).toBe(transient);
  });
});

describe('PostgREST client: secrets never reach an error or a message', () => {
  it.each([
    ['invalid_text_echoes_token_22P02', 'sync_directory'],
    ['gateway_echoes_key_401', 'sync_directory'],
  ])('redacts the key and the token that %s echoes', (name, fn) => {
    const { client } = setup([response(name)]);
    const { error } = client.rpc(fn, { p_token: TOKEN, p_spreadsheet_id: '1AbcSheet' });
    const everything = JSON.stringify(error) + toUserMessage(error!);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(API_KEY);
    expect(everything).toContain('[redacted]');
  });

  it('redacts the key and token from a transport error\'s text', () => {
    const { client } = setup([{ throws: 'network', message: `connect failed apikey=${API_KEY} body={"p_token":"${TOKEN}"}` }]);
    const { error } = client.rpc('sync_plan', { p_token: TOKEN });
    expect(error!.message).toBe('connect failed apikey=[redacted] body={"p_token":"[redacted]"}');
  });

  it('puts the key in the apikey header only, never in the URL', () => {
    const { client, http } = setup([response('ingest_ok')]);
    client.rpc('sync_ingest', INGEST_ARGS);
    expect(http.requests[0].url).not.toContain(API_KEY);
  });

  it('gives every error kind a message free of the key and the token', () => {
    const names = [
      'gateway_invalid_key', 'pgrst202_missing_rpc', 'permission_denied_42501_anon', 'statement_timeout_57014',
      'html_404_wrong_url', 'rate_limited_429', 'internal_error_500', 'invalid_body_pgrst102', 'invalid_text_echoes_token_22P02',
      'gateway_echoes_key_401',
    ];
    for (const name of names) {
      const { client } = setup([response(name)], { retry: { maxAttempts: 1 } });
      const message = toUserMessage(client.rpc('sync_ingest', INGEST_ARGS).error!);
      expect(message).not.toContain(TOKEN);
      expect(message).not.toContain(API_KEY);
    }
  });
});
