// What an HttpClient throws when no HTTP answer came back (the HttpClient port: "throws only on network failure").
// Recognised by shape, not `instanceof`: gas-local runs the bundle in another realm, and the Node client and the
// UrlFetch adapter are separate modules that must not depend on each other's classes.

export type TransportErrorKind =
  | 'network' // DNS, refused, reset, TLS: nothing answered
  | 'timeout' // the transport gave up waiting
  | 'invalid_url' // the platform refused the URL itself (malformed, not on the manifest's urlFetchWhitelist)
  | 'quota'; // the platform's own quota (UrlFetch calls per day): retrying within minutes cannot help

export interface HttpTransportError extends Error {
  name: 'HttpTransportError';
  kind: TransportErrorKind;
}

export function httpTransportError(kind: TransportErrorKind, message: string): HttpTransportError {
  const error = new Error(message) as HttpTransportError;
  error.name = 'HttpTransportError';
  error.kind = kind;
  return error;
}

const KINDS: readonly string[] = ['network', 'timeout', 'invalid_url', 'quota'];

export function isHttpTransportError(value: unknown): value is HttpTransportError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { name?: unknown; kind?: unknown };
  return v.name === 'HttpTransportError' && typeof v.kind === 'string' && KINDS.includes(v.kind);
}
