// The one seam between the sync engine and the PostgREST client: call an RPC by name with named JSON args.
// Errors mirror the wire (PostgREST's {code,message,details,hint} plus HTTP status); gateway errors have no code.

export type RpcErrorKind =
  | 'network' // no HTTP answer (DNS, refused, reset)
  | 'timeout' // statement timeout 57014 or a transport timeout
  | 'bad_url' // not a Supabase REST endpoint (404 without PostgREST body, HTML, …)
  | 'bad_key' // gateway 401 without code: missing or unknown apikey
  | 'missing_rpc' // 404 PGRST202 / 42883
  | 'permission' // 42501
  | 'rate_limited' // 429
  | 'server' // other 5xx
  | 'client'; // other 4xx

export interface RpcError {
  kind: RpcErrorKind;
  status: number | null;
  code: string | null; // PostgREST/SQLSTATE code when the body had one
  message: string;
  details: string | null;
  hint: string | null;
  // Added (optional, backwards compatible) by the PostgREST client: which RPC, how many HTTP attempts were made,
  // and how long a 429/503 asked us to wait (Retry-After) when that was longer than the client would wait itself.
  fn?: string;
  attempts?: number;
  retryAfterMs?: number | null;
}

export type RpcResult<T> = { data: T; error: null } | { data: null; error: RpcError };

export interface RpcCaller {
  rpc<T>(fn: string, args: Record<string, unknown>): RpcResult<T>;
}
