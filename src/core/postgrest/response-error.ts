// Turns a non-2xx answer (or a 2xx that is not PostgREST's) into an RpcError with a precise kind.
// Two shapes arrive: PostgREST's own {code,message,details,hint} (status from its SQLSTATE table, DESIGN "Build
// and run"), and the Supabase gateway's, which has no `code` ({"message":"Invalid API key","hint":…} with 401).
// Anything else — an HTML page, a proxy's 404, a non-JSON body — means the URL is not a Supabase REST endpoint.
import type { RpcError, RpcErrorKind } from './rpc-caller';

interface WireError {
  code: string | null;
  message: string | null;
  details: string | null;
  hint: string | null;
}

function textOrNull(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

function parseWireError(body: string): WireError | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const o = parsed as Record<string, unknown>;
  // Some gateways answer {"msg": …} or {"error": …}; keep whichever text there is.
  const message = textOrNull(o.message) ?? textOrNull(o.msg) ?? textOrNull(o.error) ?? textOrNull(o.error_description);
  return { code: textOrNull(o.code), message, details: textOrNull(o.details), hint: textOrNull(o.hint) };
}

function kindOf(status: number, wire: WireError | null): RpcErrorKind {
  const code = wire?.code ?? null;
  if (code === '57014') return 'timeout';
  if (code === 'PGRST202' || code === '42883') return 'missing_rpc';
  if (code === '42501') return 'permission';
  // PGRST3xx: the key was taken for a JWT and refused (e.g. a legacy anon JWT from another project).
  if (code !== null && /^PGRST3\d\d$/.test(code)) return 'bad_key';
  // PGRST125: PostgREST answered, but the path after the REST root is not one it knows (extra path segments).
  if (code === 'PGRST125') return 'bad_url';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500) return 'server';
  if (code === null) {
    if (wire === null) return 'bad_url';
    if (status === 401 || status === 403) return 'bad_key';
    if (status === 404 || status === 405 || status < 400) return 'bad_url';
  }
  return 'client';
}

function fallbackMessage(status: number, wire: WireError | null): string {
  if (wire === null) return `HTTP ${status} with a body that is not PostgREST's JSON`;
  return `HTTP ${status} without a message`;
}

export function errorFromResponse(status: number, body: string): RpcError {
  const wire = parseWireError(body);
  return {
    kind: kindOf(status, wire),
    status,
    code: wire?.code ?? null,
    message: wire?.message ?? fallbackMessage(status, wire),
    details: wire?.details ?? null,
    hint: wire?.hint ?? null,
  };
}

/** A 2xx whose body is not JSON did not come from PostgREST: some web page answered the URL. */
export function notPostgrestSuccess(status: number): RpcError {
  return {
    kind: 'bad_url',
    status,
    code: null,
    message: `HTTP ${status} with a body that is not JSON`,
    details: null,
    hint: null,
  };
}
