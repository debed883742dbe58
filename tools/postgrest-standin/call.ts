// The SQL of one RPC call and of its response body, shaped as PostgREST v14 builds them
// (src/PostgREST/Query/QueryBuilder.hs callPlanToQuery, Query/Statements.hs mainCall, Query/SqlFragment.hs
// asJsonF/asJsonSingleF). Named JSON arguments go through json_to_record(set) with the parameters' types, exactly
// as PostgREST does, so a JSON value reaches a parameter with PostgreSQL's own json→type conversion; only the keys
// the request sent are passed, so parameter defaults apply to the rest.
// Response shapes (docs: references/api/functions.html): scalar → the bare JSON value; SETOF → an array ([] when
// empty); a single composite → an object; json/jsonb → the JSON as is; void → 204 (decided by the caller).
import type { Payload } from './payload';
import type { Routine } from './routines';

export interface CallSql {
  text: string;
  values: unknown[];
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function buildCallSql(routine: Routine, payload: Payload, singular: boolean): CallSql {
  const qi = `${quoteIdent(routine.schema)}.${quoteIdent(routine.name)}`;
  const scalar = !routine.returnsComposite;
  const values: unknown[] = [];
  const callIt = (args: string) =>
    scalar ? `(SELECT ${qi}(${args}) pgrst_scalar) pgrst_call` : `${qi}(${args}) pgrst_call`;

  let fromCall: string;
  const params = routine.params;
  if (params.length === 1 && params[0].name === '') {
    // The single unnamed parameter receives the whole body.
    values.push(payload.kind === 'raw' ? payload.raw : payload.kind === 'json' ? payload.raw : '');
    fromCall = `FROM ${callIt(`$1::${params[0].type}`)}`;
  } else {
    const keys = new Set(payload.keys);
    const specified = params.filter((p) => keys.has(p.name));
    const variadic = (p: { variadic: boolean }) => (p.variadic ? 'VARIADIC ' : '');
    if (specified.length === 0) {
      fromCall = `FROM ${callIt('')}`;
    } else if (payload.kind === 'form') {
      const args = specified.map((p) => {
        values.push(payload.fields.get(p.name) ?? null);
        return `${variadic(p)}${quoteIdent(p.name)} := $${values.length}::${p.type}`;
      });
      fromCall = `FROM ${callIt(args.join(', '))}`;
    } else {
      values.push(payload.kind === 'json' ? payload.raw : '{}');
      const isObject = payload.kind === 'json' ? payload.isObject : true;
      const cols = specified.map((p) => quoteIdent(p.name)).join(', ');
      const typed = specified.map((p) => `${quoteIdent(p.name)} ${p.type}`).join(', ');
      const toRecord = isObject ? 'json_to_record' : 'json_to_recordset';
      const args = specified.map((p) => `${variadic(p)}${quoteIdent(p.name)} := pgrst_body.${quoteIdent(p.name)}`);
      fromCall =
        `FROM (SELECT $1::json AS json_data) pgrst_payload, ` +
        `LATERAL (SELECT ${cols} FROM ${toRecord}(pgrst_payload.json_data) AS _(${typed}) LIMIT 1) pgrst_body, ` +
        `LATERAL ${callIt(args.join(', '))}`;
    }
  }

  const callQuery = `SELECT ${scalar ? 'pgrst_call.pgrst_scalar' : 'pgrst_call.*'} ${fromCall}`;
  const single = !routine.returnsSet;
  let body: string;
  if (singular) {
    body = scalar
      ? `coalesce(json_agg(_postgrest_t.pgrst_scalar)->0, 'null')`
      : `coalesce(json_agg(_postgrest_t)->0, 'null')`;
  } else if (single && !scalar) {
    body = `coalesce(json_agg(_postgrest_t)->0, 'null')`;
  } else if (single) {
    body = `coalesce(json_agg(_postgrest_t.pgrst_scalar)->0, 'null')`;
  } else if (scalar) {
    body = `coalesce(json_agg(_postgrest_t.pgrst_scalar), '[]')`;
  } else {
    body = `coalesce(json_agg(_postgrest_t), '[]')`;
  }
  const text =
    `WITH pgrst_source AS (${callQuery}) ` +
    `SELECT ${single ? '1' : 'pg_catalog.count(_postgrest_t)'}::int AS page_total, (${body})::text AS body ` +
    `FROM (SELECT * FROM pgrst_source) _postgrest_t`;
  return { text, values };
}
