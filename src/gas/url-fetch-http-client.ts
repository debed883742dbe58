// HttpClient over UrlFetchApp. `muteHttpExceptions: true` so every status comes back as a response to read (DESIGN
// limits table), and `contentType` set explicitly: UrlFetchApp sends a string payload as
// application/x-www-form-urlencoded unless told otherwise, and PostgREST would then read the JSON text as one
// parameter name (DESIGN "Build and run"). A Content-Type header alone does not change what UrlFetchApp sends.
import type { HttpClient, HttpRequest, HttpResponse } from '../core/ports';
import { httpTransportError, type TransportErrorKind } from '../core/postgrest/transport-error';

export interface UrlFetchOptionsLike {
  method: string;
  headers: Record<string, string>;
  contentType?: string;
  payload?: string;
  muteHttpExceptions: boolean;
  followRedirects: boolean;
}

export interface UrlFetchResponseLike {
  getResponseCode(): number;
  getAllHeaders(): object;
  getContentText(charset: string): string;
}

/** The one method of UrlFetchApp this adapter uses; the real service and the runtime's fake both fit. */
export interface UrlFetchLike {
  fetch(url: string, params: UrlFetchOptionsLike): UrlFetchResponseLike;
}

// UrlFetchApp has no typed errors: with muteHttpExceptions it throws only when no HTTP answer came, and the text
// is all there is. Texts as developers observe them ("Timeout: <url>", "Address unavailable: <url>", "DNS error:
// <url>", "Invalid argument: <url>", "Service invoked too many times for one day: urlfetch."); anything
// unrecognised is a network failure, which the client retries a bounded number of times.
const TRANSPORT_TEXTS: [RegExp, TransportErrorKind][] = [
  [/\btime(d)?\s?out\b/i, 'timeout'],
  [/too many times|bandwidth quota|quota exceeded/i, 'quota'],
  [/invalid argument|url length|whitelist|allowlist|not allowed/i, 'invalid_url'],
];

function transportKind(message: string): TransportErrorKind {
  for (const [pattern, kind] of TRANSPORT_TEXTS) if (pattern.test(message)) return kind;
  return 'network';
}

function messageOf(thrown: unknown): string {
  const message = (thrown as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(thrown);
}

function flattenHeaders(all: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(all as Record<string, unknown>)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  }
  return out;
}

export class UrlFetchHttpClient implements HttpClient {
  constructor(private readonly urlFetch: UrlFetchLike) {}

  fetch(request: HttpRequest): HttpResponse {
    const headers: Record<string, string> = {};
    let contentType: string | undefined;
    for (const [name, value] of Object.entries(request.headers)) {
      if (name.toLowerCase() === 'content-type') contentType = value;
      else headers[name] = value;
    }
    const params: UrlFetchOptionsLike = {
      method: request.method,
      headers,
      muteHttpExceptions: true,
      // A redirect means the URL is not the REST endpoint itself; following it could turn the POST into a GET.
      followRedirects: false,
    };
    if (request.body !== undefined) {
      params.payload = request.body;
      params.contentType = contentType ?? 'application/json';
    }
    let response: UrlFetchResponseLike;
    try {
      response = this.urlFetch.fetch(request.url, params);
    } catch (thrown) {
      const message = messageOf(thrown);
      throw httpTransportError(transportKind(message), message);
    }
    return {
      status: response.getResponseCode(),
      headers: flattenHeaders(response.getAllHeaders()),
      body: response.getContentText('UTF-8'),
    };
  }
}
