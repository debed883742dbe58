// The transaction PostgREST opens for each request (docs.postgrest.org/en/v14/references/transactions.html):
// isolation level from the function or the role (default READ COMMITTED), then transaction-scoped settings —
// search_path, the impersonated role's own settings ("Impersonated Role Settings"), the role, the JWT claims,
// request.method/path/headers/cookies, and the function's hoisted settings ("Hoisted Function Settings").
import type http from 'node:http';
import { header } from './http-body';
import type { GatewayRole } from './gateway';
import type { Routine } from './routines';

/** The exposed schema, and Supabase's db-extra-search-path. */
export const SCHEMA = 'public';
const EXTRA_SEARCH_PATH = ['public', 'extensions'];

/**
 * PostgREST's transaction variables (Query/PreQuery.hs txVarQuery), in its order: search_path, the role's own
 * settings, the role, the JWT claims, request.method/path/headers/cookies, then the function's hoisted settings.
 * `ALTER ROLE anon SET statement_timeout` does not follow SET ROLE, hence the explicit role settings.
 */
export function txSettings(
  req: http.IncomingMessage,
  role: GatewayRole,
  routine: Routine,
  roleSettings: Array<[string, string]>,
  restPath: string,
): [string, unknown[]] {
  const pairs: Array<[string, string]> = [
    ['search_path', [SCHEMA, ...EXTRA_SEARCH_PATH].map((s) => `"${s.replace(/"/g, '""')}"`).join(', ')],
    ...roleSettings.filter(([k]) => k !== 'default_transaction_isolation'),
    ['role', role],
    ['request.jwt.claims', JSON.stringify({ role })],
    ['request.method', req.method ?? 'POST'],
    ['request.path', restPath],
    ['request.headers', JSON.stringify(requestHeaders(req))],
    ['request.cookies', JSON.stringify(cookies(header(req, 'cookie')))],
    ...routine.settings.filter(([k]) => k !== 'default_transaction_isolation'),
  ];
  const values: unknown[] = [];
  const calls = pairs.map(([k, v]) => {
    values.push(k, v);
    return `pg_catalog.set_config($${values.length - 1}, $${values.length}, true)`;
  });
  return [`select ${calls.join(', ')}`, values];
}

export function isolationLevel(routine: Routine, roleSettings: Array<[string, string]>): string {
  const fromFunction = routine.settings.find(([k]) => k === 'default_transaction_isolation')?.[1];
  const fromRole = roleSettings.find(([k]) => k === 'default_transaction_isolation')?.[1];
  const level = (fromFunction ?? fromRole ?? '').toLowerCase();
  if (level === 'repeatable read') return 'REPEATABLE READ';
  if (level === 'serializable') return 'SERIALIZABLE';
  return 'READ COMMITTED';
}

function requestHeaders(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (k === 'cookie' || v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function cookies(h: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (h ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}
