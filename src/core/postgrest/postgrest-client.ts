// The add-on's PostgREST client: synchronous (Apps Script callbacks cannot be relied on to await Promises), over
// the HttpClient port, calling only RPCs: POST {restUrl}/rpc/{fn} with named JSON args (PostgREST v14 has no
// `Prefer: params=single-object`). The publishable key goes as `apikey` only — it is not a JWT, so no
// `Authorization: Bearer` (DESIGN limits table, "Supabase keys").
import type { Clock, HttpClient, HttpResponse, Sleeper } from '../ports';
import { redact, secretsOf } from './redact';
import { errorFromResponse, notPostgrestSuccess } from './response-error';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, parseRetryAfterMs, type RetryPolicy } from './retry-policy';
import type { RpcCaller, RpcError, RpcErrorKind, RpcResult } from './rpc-caller';
import { isHttpTransportError } from './transport-error';

export interface PostgrestClientOptions {
  restUrl: string; // https://<project>.supabase.co/rest/v1
  apiKey: string; // publishable key
  http: HttpClient;
  sleeper: Sleeper;
  clock: Clock;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  /**
   * Epoch ms (by `clock`) after which no retry wait may end: the caller's own time budget (the 25 s "Sync now"
   * budget, a trigger's 6 min), read at every retry so it can shrink as the run goes on.
   */
  retryDeadline?: () => number | null;
}

/** What one RPC call cost; read by benchmarks and by the sync run's "calls made" figure. */
export interface PostgrestCallStats {
  calls: number;
  httpAttempts: number;
  sleptMs: number;
}

export interface PostgrestClient extends RpcCaller {
  readonly stats: PostgrestCallStats;
}

const RETRYABLE: ReadonlySet<RpcErrorKind> = new Set<RpcErrorKind>(['network', 'timeout', 'rate_limited', 'server']);
// 501 Not Implemented and 505 HTTP Version Not Supported will answer the same way every time.
const PERMANENT_5XX: ReadonlySet<number> = new Set([501, 505]);

/** Accepts the project URL with or without `/rest/v1` and trailing slashes; the settings card shows the result. */
export function normalizeRestUrl(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  if (/^https?:\/\/[^/]+$/i.test(trimmed)) return `${trimmed}/rest/v1`;
  return trimmed;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const key of Object.keys(headers)) if (key.toLowerCase() === wanted) return headers[key];
  return undefined;
}

type Attempt<T> =
  | { ok: true; data: T }
  | { ok: false; error: RpcError; retryAfterMs: number | null };

function readSuccess<T>(response: HttpResponse): Attempt<T> {
  // A void function answers 204 with no body (PostgREST v14).
  if (response.status === 204 || response.body.trim() === '') return { ok: true, data: null as T };
  try {
    return { ok: true, data: JSON.parse(response.body) as T };
  } catch {
    return { ok: false, error: notPostgrestSuccess(response.status), retryAfterMs: null };
  }
}

// Duck-typed: an Error thrown by a fake or by the platform may come from another realm (gas-local).
function messageOf(thrown: unknown): string {
  const message = (thrown as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(thrown);
}

/** Worth trying again later (next click, next trigger): the failure says nothing about settings or the schema. */
export function isTransientRpcError(error: RpcError): boolean {
  if (!RETRYABLE.has(error.kind)) return false;
  // Without a status, rate_limited is the platform's daily UrlFetch quota: it will not reset within this run.
  if (error.kind === 'rate_limited' && error.status === null) return false;
  return error.status === null || !PERMANENT_5XX.has(error.status);
}

export function createPostgrestClient(options: PostgrestClientOptions): PostgrestClient {
  const restUrl = normalizeRestUrl(options.restUrl);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const random = options.random ?? Math.random;
  const { http, sleeper, clock } = options;
  // A key pasted into the settings card often carries a trailing newline or space; the gateway would refuse it.
  const apiKey = options.apiKey.trim();
  const stats: PostgrestCallStats = { calls: 0, httpAttempts: 0, sleptMs: 0 };

  function attempt<T>(url: string, body: string, secrets: string[]): Attempt<T> {
    let response: HttpResponse;
    stats.httpAttempts += 1;
    try {
      response = http.fetch({
        url,
        method: 'post',
        headers: { apikey: apiKey, 'Content-Type': 'application/json', Accept: 'application/json' },
        body,
      });
    } catch (thrown) {
      const transport = isHttpTransportError(thrown) ? thrown : null;
      const kind: RpcErrorKind =
        transport === null ? 'network'
        : transport.kind === 'invalid_url' ? 'bad_url'
        : transport.kind === 'quota' ? 'rate_limited'
        : transport.kind;
      const text = messageOf(thrown);
      const error: RpcError = { kind, status: null, code: null, message: redact(text, secrets), details: null, hint: null };
      return { ok: false, error, retryAfterMs: null };
    }
    if (response.status >= 200 && response.status < 300) return readSuccess<T>(response);
    const error = errorFromResponse(response.status, response.body);
    const retryAfterMs =
      response.status === 429 || response.status === 503
        ? parseRetryAfterMs(headerValue(response.headers, 'retry-after'), clock.now())
        : null;
    return {
      ok: false,
      error: { ...error, message: redact(error.message, secrets), details: redact(error.details, secrets), hint: redact(error.hint, secrets) },
      retryAfterMs,
    };
  }

  function rpc<T>(fn: string, args: Record<string, unknown>): RpcResult<T> {
    stats.calls += 1;
    const url = `${restUrl}/rpc/${encodeURIComponent(fn)}`;
    const body = JSON.stringify(args);
    const secrets = secretsOf(apiKey, args);
    const startedAt = clock.now();
    let attempts = 0;
    let timeoutAttempts = 0;
    for (;;) {
      attempts += 1;
      const result = attempt<T>(url, body, secrets);
      if (result.ok) return { data: result.data, error: null };
      const { error, retryAfterMs } = result;
      if (error.kind === 'timeout') timeoutAttempts += 1;
      const done: RpcError = { ...error, fn, attempts, retryAfterMs: null };
      if (!isTransientRpcError(error) || attempts >= policy.maxAttempts) return { data: null, error: done };
      if (error.kind === 'timeout' && timeoutAttempts >= policy.maxTimeoutAttempts) return { data: null, error: done };
      let delay = backoffDelayMs(policy, attempts - 1, random);
      if (retryAfterMs !== null) {
        if (retryAfterMs > policy.maxRetryAfterMs) return { data: null, error: { ...done, retryAfterMs } };
        delay = retryAfterMs;
      }
      const deadline = options.retryDeadline?.() ?? null;
      const wakeAt = clock.now() + delay;
      if (wakeAt - startedAt > policy.maxTotalMs || (deadline !== null && wakeAt > deadline)) {
        return { data: null, error: { ...done, retryAfterMs } };
      }
      stats.sleptMs += delay;
      sleeper.sleep(delay);
    }
  }

  return { rpc, stats };
}
