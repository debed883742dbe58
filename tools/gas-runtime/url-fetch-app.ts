// UrlFetchApp fake: synchronous, recording every request. Enforces (UrlFetchApp reference + quotas page): method
// defaults to GET; a payload without contentType goes out as application/x-www-form-urlencoded (an object payload is
// form-encoded field by field), so JSON must say contentType: 'application/json' (DESIGN.md, PostgREST reads a
// form body as one parameter name); status >= 400 throws unless muteHttpExceptions; URL over 2 KB, request or
// response over 50 MB throw; the manifest's urlFetchWhitelist prefixes are enforced when given. Requests go to a
// synchronous handler, or to a real server in another process through sync-http (the URL's origin is replaced by
// the server's, so a bundle configured with https://x.supabase.co reaches a local stand-in). `faults` make the next
// calls fail (network error, timeout, or a given status) before they reach the route.
// Not modelled: redirects (followRedirects), validateHttpsCertificates, multipart bodies with Blob fields, the
// daily call quota, escaping, cookies, the 8 KB response-header limit, the User-Agent Google adds.
import type { FakeContext } from './fake-context';
import { MESSAGES } from './error-messages';
import { bufferFrom, createBlob, toSignedBytes, type BlobFake } from './blob';
import { SyncHttpError, syncHttpRequest, DEFAULT_TIMEOUT_MS } from './sync-http';

export const URL_MAX_BYTES = 2 * 1024;
export const BODY_MAX_BYTES = 50 * 1024 * 1024;
export const TRUNCATED_RESPONSE_CHARS = 1000; // the real truncation length is not documented
const FORM = 'application/x-www-form-urlencoded';

export interface FetchRequestRecord {
  url: string;
  method: string; // upper case
  headers: Record<string, string>; // as the bundle set them, plus Content-Type when there is a payload
  payload?: string;
  contentType?: string;
  muteHttpExceptions: boolean;
  /** The URL actually requested when routed to a real server. */
  forwardedTo?: string;
}

export interface HttpRouteResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string;
}

export type HttpHandler = (request: FetchRequestRecord) => HttpRouteResponse;
export interface ServerRoute {
  serverUrl: string;
  timeoutMs?: number;
}
export type HttpRoute = HttpHandler | ServerRoute;

export type FetchFault =
  | { kind: 'network' }
  | { kind: 'timeout' }
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> };

export interface HttpResponseFake {
  getResponseCode(): number;
  getContentText(charset?: string): string;
  getContent(): number[];
  getHeaders(): Record<string, string>;
  getAllHeaders(): Record<string, string | string[]>;
  getBlob(): BlobFake;
  getAs(contentType: string): BlobFake;
}

export interface FetchParams {
  method?: string;
  headers?: Record<string, unknown>;
  contentType?: string;
  payload?: unknown;
  muteHttpExceptions?: boolean;
  [other: string]: unknown;
}

export interface UrlFetchAppFake {
  fetch(url: string, params?: FetchParams): HttpResponseFake;
  fetchAll(requests: (FetchParams & { url: string })[]): HttpResponseFake[];
  getRequest(url: string, params?: FetchParams): Record<string, unknown>;
  /** Every request made, in order (not an Apps Script method). */
  readonly calls: FetchRequestRecord[];
  /** Make the next `times` calls fail this way (not an Apps Script method). */
  injectFault(fault: FetchFault, times?: number): void;
  readonly faults: FetchFault[];
}

export interface UrlFetchOptions {
  route?: HttpRoute;
  urlFetchWhitelist?: string[];
}

function isBlob(v: unknown): v is BlobFake {
  return !!v && typeof v === 'object' && typeof (v as BlobFake).getBytes === 'function';
}

function formEncode(obj: Record<string, unknown>): string {
  return Object.entries(obj)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function prefixMatcher(prefix: string): (url: string) => boolean {
  if (!prefix.includes('*')) return (url) => url.startsWith(prefix);
  const pattern = prefix.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+');
  const re = new RegExp(`^${pattern}`);
  return (url) => re.test(url);
}

function headerValue(headers: Record<string, string | string[]>, name: string): string | undefined {
  const key = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
  if (key === undefined) return undefined;
  const v = headers[key];
  return Array.isArray(v) ? v.join(', ') : v;
}

export function createUrlFetchApp(ctx: FakeContext, options: UrlFetchOptions): UrlFetchAppFake {
  const calls: FetchRequestRecord[] = [];
  const faults: FetchFault[] = [];
  const allowed = options.urlFetchWhitelist?.map(prefixMatcher);
  const fail = (message: string) => ctx.realm.exception(message);

  const buildRecord = (url: string, params: FetchParams = {}): FetchRequestRecord => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(params.headers ?? {})) headers[k] = String(v);
    const record: FetchRequestRecord = {
      url: String(url),
      method: String(params.method ?? 'get').toUpperCase(),
      headers,
      muteHttpExceptions: params.muteHttpExceptions === true,
    };
    const p = params.payload;
    if (p !== undefined && p !== null) {
      let contentType = params.contentType;
      if (typeof p === 'string') record.payload = p;
      else if (isBlob(p)) {
        record.payload = bufferFrom(p).toString('utf8');
        contentType = contentType ?? p.getContentType() ?? undefined;
      } else if (Array.isArray(p)) record.payload = bufferFrom(p).toString('utf8');
      else record.payload = formEncode(p as Record<string, unknown>);
      record.contentType = contentType ?? headerValue(headers, 'Content-Type') ?? FORM;
      for (const h of Object.keys(headers)) if (h.toLowerCase() === 'content-type') delete headers[h];
      headers['Content-Type'] = record.contentType;
    } else if (params.contentType) {
      record.contentType = params.contentType;
      headers['Content-Type'] = params.contentType;
    }
    return record;
  };

  const validate = (record: FetchRequestRecord): URL => {
    let parsed: URL;
    try {
      parsed = new URL(record.url);
    } catch {
      throw fail(MESSAGES.invalidUrl(record.url));
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw fail(MESSAGES.invalidUrl(record.url));
    if (Buffer.byteLength(record.url, 'utf8') > URL_MAX_BYTES) throw fail(MESSAGES.urlTooLong);
    if (allowed && !allowed.some((m) => m(record.url))) throw fail(MESSAGES.notAllowlisted(record.url));
    if (record.payload !== undefined && Buffer.byteLength(record.payload, 'utf8') > BODY_MAX_BYTES) {
      throw fail(MESSAGES.postTooLarge);
    }
    return parsed;
  };

  const route = (record: FetchRequestRecord, parsed: URL): HttpRouteResponse => {
    const fault = faults.shift();
    if (fault?.kind === 'network') throw fail(MESSAGES.addressUnavailable(record.url));
    if (fault?.kind === 'timeout') throw fail(MESSAGES.timeout(record.url));
    if (fault?.kind === 'status') return { status: fault.status, headers: fault.headers ?? {}, body: fault.body ?? '' };
    const r = options.route;
    if (!r) throw fail(MESSAGES.addressUnavailable(record.url));
    if (typeof r === 'function') return r(record);
    const server = new URL(r.serverUrl);
    record.forwardedTo = `${server.origin}${server.pathname.replace(/\/$/, '')}${parsed.pathname}${parsed.search}`;
    try {
      return syncHttpRequest({
        url: record.forwardedTo,
        method: record.method,
        headers: record.headers,
        body: record.payload,
        timeoutMs: r.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
    } catch (e) {
      if (e instanceof SyncHttpError) {
        throw fail(e.code === 'TIMEOUT' ? MESSAGES.timeout(record.url) : MESSAGES.addressUnavailable(record.url));
      }
      throw e;
    }
  };

  const toResponse = (res: HttpRouteResponse): HttpResponseFake => {
    const body = Buffer.from(res.body ?? '', 'utf8');
    const headers = res.headers ?? {};
    const contentType = headerValue(headers, 'Content-Type') ?? null;
    const response: HttpResponseFake = {
      getResponseCode: () => res.status,
      getContentText(charset) {
        ctx.counter.count('HTTPResponse.getContentText');
        return body.toString(charset && /ascii/i.test(charset) ? 'latin1' : 'utf8');
      },
      getContent: () => ctx.realm.adopt(toSignedBytes(body)),
      getHeaders() {
        const out: Record<string, string> = {};
        for (const k of Object.keys(headers)) out[k] = headerValue(headers, k) ?? '';
        return ctx.realm.adopt(out);
      },
      getAllHeaders: () => ctx.realm.adopt({ ...headers }),
      getBlob: () => createBlob(ctx, body, contentType),
      getAs: (type) => createBlob(ctx, body, type),
    };
    return response;
  };

  const doFetch = (url: string, params: FetchParams | undefined): HttpResponseFake => {
    const record = buildRecord(url, params);
    calls.push(record);
    const parsed = validate(record);
    const res = route(record, parsed);
    if (Buffer.byteLength(res.body ?? '', 'utf8') > BODY_MAX_BYTES) throw fail(MESSAGES.responseTooLarge);
    if (res.status >= 400 && !record.muteHttpExceptions) {
      throw fail(MESSAGES.requestFailed(parsed.origin, res.status, (res.body ?? '').slice(0, TRUNCATED_RESPONSE_CHARS)));
    }
    return toResponse(res);
  };

  return {
    fetch(url, params) {
      ctx.counter.count('UrlFetchApp.fetch');
      return doFetch(url, params);
    },
    fetchAll(requests) {
      ctx.counter.count('UrlFetchApp.fetchAll');
      return ctx.realm.adopt(requests.map((r) => doFetch(typeof r === 'string' ? r : r.url, typeof r === 'string' ? {} : r)));
    },
    getRequest(url, params) {
      ctx.counter.count('UrlFetchApp.getRequest');
      const r = buildRecord(url, params);
      return ctx.realm.adopt({ url: r.url, method: r.method.toLowerCase(), headers: r.headers, payload: r.payload, contentType: r.contentType, muteHttpExceptions: r.muteHttpExceptions });
    },
    calls,
    faults,
    injectFault(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
  };
}
