// GET /rest/v1/ — PostgREST answers its OpenAPI description there; the stand-in only lists the callable functions.
import type { Pool } from 'pg';
import { isPgError, pgrstError, responseForPgError, type StandinResponse } from './errors';
import type { GatewayRole } from './gateway';
import { SCHEMA } from './transaction';

/** GET /rest/v1/: a minimal OpenAPI 2.0 document naming the functions the role may execute. */
export async function rootDocument(pool: Pool, role: GatewayRole): Promise<StandinResponse> {
  let names: string[];
  try {
    const r = await pool.query<{ name: string }>(
      `select distinct p.proname as name from pg_catalog.pg_proc p
       join pg_catalog.pg_namespace n on n.oid = p.pronamespace
       where n.nspname = $1 and p.prokind = 'f' and pg_catalog.has_function_privilege($2, p.oid, 'execute')
       order by 1`,
      [SCHEMA, role],
    );
    names = r.rows.map((x) => x.name);
  } catch (e) {
    if (isPgError(e)) return responseForPgError(e, role === 'anon');
    return pgrstError(503, 'PGRST000', 'Database connection error.', String((e as Error).message ?? e));
  }
  const paths: Record<string, unknown> = { '/': { get: { summary: 'OpenAPI description (this document)' } } };
  for (const n of names) paths[`/rpc/${n}`] = { post: { summary: `Call ${SCHEMA}.${n}`, produces: ['application/json'] } };
  const doc = {
    swagger: '2.0',
    info: { title: 'Development stand-in for Supabase REST (PostgREST v14 subset)', version: 'standin' },
    basePath: '/',
    schemes: ['http'],
    consumes: ['application/json'],
    produces: ['application/json'],
    paths,
  };
  return { status: 200, headers: { 'content-type': 'application/openapi+json; charset=utf-8' }, body: JSON.stringify(doc) };
}
