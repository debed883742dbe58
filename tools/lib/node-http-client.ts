// The HttpClient port for Node tools (npm run sync, benchmarks): SYNCHRONOUS like UrlFetchApp, so the same core
// sync loop runs unchanged, built on the runtime's blocking sync-http (a worker thread does the I/O). Failures
// without an HTTP answer become the same typed transport errors the UrlFetch adapter throws.
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/core/ports';
import { httpTransportError } from '../../src/core/postgrest/transport-error';
import { syncHttpRequest, type SyncHttpRequest, type SyncHttpResponse } from '../gas-runtime/sync-http';

export interface NodeHttpClientOptions {
  /** Per request; default 60 s, UrlFetchApp's own (commonly reported) limit. */
  timeoutMs?: number;
  /** The blocking transport; tests may pass another. */
  request?: (request: SyncHttpRequest) => SyncHttpResponse;
}

export const DEFAULT_NODE_HTTP_TIMEOUT_MS = 60_000;

interface SyncHttpErrorLike {
  name: string;
  code: string;
  causeCode?: string;
  message: string;
}

function isSyncHttpError(value: unknown): value is SyncHttpErrorLike {
  const v = value as Partial<SyncHttpErrorLike> | null;
  return typeof v === 'object' && v !== null && v.name === 'SyncHttpError' && typeof v.code === 'string';
}

function flattenHeaders(headers: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

export function createNodeHttpClient(options: NodeHttpClientOptions = {}): HttpClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_NODE_HTTP_TIMEOUT_MS;
  const send = options.request ?? syncHttpRequest;
  return {
    fetch(request: HttpRequest): HttpResponse {
      let answer: SyncHttpResponse;
      try {
        answer = send({ url: request.url, method: request.method.toUpperCase(), headers: request.headers, body: request.body, timeoutMs });
      } catch (thrown) {
        if (!isSyncHttpError(thrown)) throw thrown;
        if (thrown.code === 'TIMEOUT') throw httpTransportError('timeout', thrown.message);
        throw httpTransportError(thrown.causeCode === 'EINVALIDURL' ? 'invalid_url' : 'network', thrown.message);
      }
      return { status: answer.status, headers: flattenHeaders(answer.headers), body: answer.body };
    },
  };
}
