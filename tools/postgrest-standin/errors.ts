// PostgREST's error body and SQLSTATE → HTTP status table, as PostgREST v14 answers them.
// Sources: docs.postgrest.org/en/v14/references/errors.html ("HTTP Status Codes", "PostgREST Error Codes",
// "RAISE errors with HTTP Status Codes") and PostgREST v14's src/PostgREST/Error.hs (pgErrorStatus), which the
// table in DESIGN.md ("Build and run") follows.

export interface PgrstErrorBody {
  code: string;
  message: string;
  details: string | null;
  hint: string | null;
}

export interface StandinResponse {
  status: number;
  /** Reason phrase; PostgREST uses the error message for PTxyz and RAISE 'PGRST' statuses. */
  statusText?: string;
  headers: Record<string, string>;
  /** undefined = no body (204). */
  body?: string;
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function pgrstError(
  status: number,
  code: string,
  message: string,
  details: string | null = null,
  hint: string | null = null,
  extraHeaders: Record<string, string> = {},
  statusText?: string,
): StandinResponse {
  const body: PgrstErrorBody = { code, message, details, hint };
  return {
    status,
    statusText,
    // PostgREST marks its error responses with Proxy-Status (Error.hs, proxyStatusHeader).
    headers: { 'content-type': JSON_CONTENT_TYPE, 'proxy-status': `PostgREST; error=${code}`, ...extraHeaders },
    body: JSON.stringify(body),
  };
}

/**
 * The HTTP status PostgREST gives a PostgreSQL error. `isAnon` is PostgREST's "not authenticated": the request's
 * role is the configured anonymous role (App.hs: `Just authRole /= configDbAnonRole`); it only decides 42501.
 */
export function statusForSqlState(sqlState: string, message: string, isAnon: boolean): number {
  const s = sqlState;
  const prefix = s.slice(0, 2);
  switch (s) {
    case '23503':
    case '23505':
      return 409;
    case '25006':
      return 405;
    case '21000':
      // pg-safeupdate's "requires a WHERE clause" is a client error; other cardinality violations are server ones.
      return message.endsWith('requires a WHERE clause') ? 400 : 500;
    case '22023':
      return message.startsWith('role') && message.endsWith('does not exist') ? 401 : 400;
    case '53400':
      return 500;
    case '57P01':
      return 503;
    case 'P0001':
      return 400;
    case '42883':
      return message.startsWith('function xmlagg(') ? 406 : 404;
    case '42P01':
      return 404;
    case '42P17':
      return 500;
    case '42501':
      return isAnon ? 401 : 403;
  }
  switch (prefix) {
    case '08':
      return 503;
    case '09':
      return 500;
    case '0L':
    case '0P':
      return 403;
    case '25':
      return 500;
    case '28':
      return 403;
    case '2D':
    case '38':
    case '39':
    case '3B':
    case '40':
      return 500;
    case '53':
      return 503;
    case '54':
    case '55':
    case '57':
    case '58':
    case 'F0':
    case 'HV':
    case 'P0':
    case 'XX':
      return 500;
    case 'PT': {
      // RAISE sqlstate 'PT402' → HTTP 402; anything not a number PostgREST answers 500.
      const n = /^\d{3}$/.test(s.slice(2)) ? Number(s.slice(2)) : NaN;
      return n >= 100 && n <= 599 ? n : 500;
    }
  }
  return 400;
}

/** The fields of a PostgreSQL error the pg driver hands us (DatabaseError). */
export interface PgErrorLike {
  code?: string;
  message: string;
  detail?: string;
  hint?: string;
}

export function isPgError(e: unknown): e is PgErrorLike & { code: string } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((e as { code: string }).code);
}

/** A PostgreSQL error raised while running the request, as PostgREST answers it. */
export function responseForPgError(e: PgErrorLike & { code: string }, isAnon: boolean): StandinResponse {
  if (e.code === 'PGRST') return responseForRaisePgrst(e);
  const status = statusForSqlState(e.code, e.message, isAnon);
  // A 401 carries WWW-Authenticate: Bearer (Error.hs, PgError headers).
  const extra: Record<string, string> = status === 401 ? { 'www-authenticate': 'Bearer' } : {};
  const statusText = e.code.startsWith('PT') && status !== 500 ? e.message : undefined;
  return pgrstError(status, e.code, e.message, e.detail ?? null, e.hint ?? null, extra, statusText);
}

/**
 * RAISE sqlstate 'PGRST' USING message = '{"code":…,"message":…}', detail = '{"status":…,"headers":{…}}' gives
 * full control of the response (docs: errors.html "Add HTTP Headers with RAISE"); unparsable JSON is PGRST121.
 */
function responseForRaisePgrst(e: PgErrorLike): StandinResponse {
  const msg = parseJsonObject(e.message);
  if (!msg || typeof msg.code !== 'string' || typeof msg.message !== 'string') {
    return pgrstError(500, 'PGRST121', 'Could not parse JSON in the "RAISE SQLSTATE \'PGRST\'" error',
      `Invalid JSON value for MESSAGE: '${e.message}'`,
      "MESSAGE must be a JSON object with obligatory keys: 'code', 'message' and optional keys: 'details', 'hint'.");
  }
  const detailHint = "DETAIL must be a JSON object with obligatory keys: 'status', 'headers' and optional key: 'status_text'.";
  if (e.detail === undefined) {
    return pgrstError(500, 'PGRST121', 'Could not parse JSON in the "RAISE SQLSTATE \'PGRST\'" error',
      'DETAIL is missing in the RAISE statement', detailHint);
  }
  const det = parseJsonObject(e.detail);
  if (!det || typeof det.status !== 'number' || typeof det.headers !== 'object' || det.headers === null) {
    return pgrstError(500, 'PGRST121', 'Could not parse JSON in the "RAISE SQLSTATE \'PGRST\'" error',
      `Invalid JSON value for DETAIL: '${e.detail}'`, detailHint);
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(det.headers as Record<string, unknown>)) {
    if (typeof v === 'string') headers[k.toLowerCase()] = v;
  }
  const status = Number.isInteger(det.status) && det.status >= 100 && det.status <= 599 ? det.status : 500;
  return pgrstError(
    status,
    msg.code,
    msg.message,
    typeof msg.details === 'string' ? msg.details : null,
    typeof msg.hint === 'string' ? msg.hint : null,
    headers,
    typeof det.status_text === 'string' ? det.status_text : undefined,
  );
}

function parseJsonObject(text: string): Record<string, any> | null {
  try {
    const v = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}
