// Which function a POST /rpc/<fn> calls, as PostgREST v14 decides it (src/PostgREST/SchemaCache.hs funcsSqlQuery,
// src/PostgREST/Plan.hs findProc; docs: references/api/functions.html "Calling with POST", "Overloaded functions",
// and the PGRST202/PGRST203 rows of references/errors.html):
// - arguments match by NAME: every required parameter must be a key, every key a parameter (a missing or an
//   extra key is 404 PGRST202, never a call with NULLs);
// - a function with a single UNNAMED json/jsonb parameter receives the whole JSON body (text/xml/bytea likewise for
//   text/plain, text/xml, application/octet-stream); it is only a fallback when no named match exists;
// - several matches are 300 PGRST203.
// PostgREST reads signatures from its schema cache; the stand-in reads the catalog on every request instead, so a
// migration needs no cache reload here (on Supabase, DDL triggers the reload).
import { pgrstError, type StandinResponse } from './errors';
import type { MediaKind } from './payload';

export interface RoutineParam {
  name: string; // '' when unnamed
  type: string;
  required: boolean;
  variadic: boolean;
}

export interface Routine {
  schema: string;
  name: string;
  params: RoutineParam[];
  returnsSet: boolean;
  returnsComposite: boolean;
  returnsVoid: boolean;
  volatility: 'i' | 's' | 'v';
  /** Function-level settings PostgREST hoists into the transaction (db-hoisted-tx-settings). */
  settings: Array<[string, string]>;
}

/** $1 schema, $2 function name, $3 role. One round trip: the candidates and the role's settings. */
export const INTROSPECT_SQL = `
with candidates as (
  select
    p.proname as name,
    p.provolatile as volatility,
    p.proretset as returns_set,
    (rt.typtype = 'c' or coalesce(p.proargmodes::text[] && '{t,b,o}', false)) as returns_composite,
    p.prorettype = 'pg_catalog.void'::pg_catalog.regtype as returns_void,
    coalesce((
      select json_agg(json_build_object(
        'name', coalesce(a.name, ''),
        -- PostgREST widens fixed-length types so any value up to the maximum size is accepted
        'type', case a.type
                  when 'bit'::regtype then 'bit varying'
                  when 'bit[]'::regtype then 'bit varying[]'
                  when 'character'::regtype then 'character varying'
                  when 'character[]'::regtype then 'character varying[]'
                  else a.type::regtype::text end,
        'required', a.in_idx <= p.pronargs - p.pronargdefaults,
        'variadic', a.mode = 'v') order by a.in_idx)
      from (
        select x.name, x.type, x.mode, row_number() over (order by x.idx) as in_idx
        from unnest(
          coalesce(p.proallargtypes, p.proargtypes::oid[]),
          coalesce(p.proargmodes, array_fill('i'::"char", array[cardinality(coalesce(p.proallargtypes, p.proargtypes::oid[]))])),
          p.proargnames
        ) with ordinality as x(type, mode, name, idx)
        where x.mode in ('i', 'b', 'v')
      ) a
    ), '[]') as params,
    coalesce((
      select json_agg(json_build_array(substr(s, 1, strpos(s, '=') - 1), substr(s, strpos(s, '=') + 1)))
      from unnest(p.proconfig) s
      where s ~ '^(statement_timeout|plan_filter\\.statement_cost_limit|default_transaction_isolation)='
    ), '[]') as settings
  from pg_catalog.pg_proc p
  join pg_catalog.pg_namespace n on n.oid = p.pronamespace
  join pg_catalog.pg_type rt0 on rt0.oid = p.prorettype
  -- a domain over a composite type returns the composite (one level of domains is enough here)
  join pg_catalog.pg_type rt on rt.oid = coalesce(nullif(rt0.typbasetype, 0), rt0.oid)
  where n.nspname = $1 and p.proname = $2 and p.prokind = 'f'
    and p.prorettype <> 'pg_catalog.trigger'::pg_catalog.regtype
),
role_settings as (
  -- PostgREST applies the role's own settings (ALTER ROLE … SET, database-independent) inside each transaction
  -- (Config/Database.hs queryRoleSettings); which of them the login role may set is SETTABLE_SQL's answer.
  select substr(s, 1, strpos(s, '=') - 1) as key, substr(s, strpos(s, '=') + 1) as value
  from pg_catalog.pg_db_role_setting rs
  join pg_catalog.pg_roles r on r.oid = rs.setrole
  cross join lateral unnest(rs.setconfig) s
  where rs.setdatabase = 0 and r.rolname = $3
)
select
  coalesce((select json_agg(c) from candidates c), '[]')::text as routines,
  coalesce((select json_agg(json_build_array(kv.key, kv.value)) from role_settings kv), '[]')::text as role_settings
`;

/**
 * The settings the login role may set: user-context ones, and since PostgreSQL 15 those granted with GRANT SET ON
 * PARAMETER. PostgREST skips a role setting outside this list. Read once: scanning pg_settings costs ~1 ms.
 */
export const SETTABLE_SQL = `
select name from pg_catalog.pg_settings
where context = 'user' or pg_catalog.has_parameter_privilege(current_user, name, 'set')
`;

/** Names of every function of the schema, for PGRST202's "Perhaps you meant …" hint. $1 schema. */
export const FUNCTION_NAMES_SQL = `
select distinct p.proname as name
from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
where n.nspname = $1 and p.prokind = 'f'
`;

interface RawRoutine {
  name: string;
  volatility: 'i' | 's' | 'v';
  returns_set: boolean;
  returns_composite: boolean;
  returns_void: boolean;
  params: RoutineParam[];
  settings: Array<[string, string]>;
}

const SINGLE_PARAM_TYPES = new Set(['bytea', 'json', 'jsonb', 'text', 'xml']);

export function parseRoutines(schema: string, json: string): Routine[] {
  const raws = JSON.parse(json) as RawRoutine[];
  return raws
    .filter((r) => {
      // PostgREST leaves out functions it could not call: several unnamed parameters, or one of another type.
      const unnamed = r.params.filter((p) => p.name === '');
      return unnamed.length === 0 || (unnamed.length === 1 && SINGLE_PARAM_TYPES.has(unnamed[0].type));
    })
    .map((r) => ({
      schema,
      name: r.name,
      params: r.params,
      returnsSet: r.returns_set,
      returnsComposite: r.returns_composite,
      returnsVoid: r.returns_void,
      volatility: r.volatility,
      settings: r.settings,
    }))
    // Overloads in PostgREST's order (fewest parameters first), which also orders PGRST203's message.
    .sort((a, b) => a.params.length - b.params.length);
}

export type FindResult =
  | { ok: true; routine: Routine }
  | { ok: false; kind: 'none' | 'ambiguous'; candidates: Routine[]; ambiguous: Routine[] };

export function findRoutine(candidates: Routine[], keys: Set<string>, media: MediaKind, isInvPost: boolean): FindResult {
  const named: Routine[] = [];
  const fallback: Routine[] = [];
  for (const r of candidates) {
    if (matchesParams(r, keys, media, isInvPost)) named.push(r);
    else if (hasSingleUnnamedParam(r, media, isInvPost)) fallback.push(r);
  }
  if (named.length === 1) return { ok: true, routine: named[0] };
  if (named.length > 1) return { ok: false, kind: 'ambiguous', candidates, ambiguous: named };
  if (fallback.length === 1) return { ok: true, routine: fallback[0] };
  if (fallback.length > 1) return { ok: false, kind: 'ambiguous', candidates, ambiguous: fallback };
  return { ok: false, kind: 'none', candidates, ambiguous: [] };
}

function hasSingleUnnamedParam(r: Routine, media: MediaKind, isInvPost: boolean): boolean {
  if (!isInvPost || r.params.length !== 1 || r.params[0].name !== '') return false;
  const t = r.params[0].type;
  return (
    (media === 'json' && (t === 'json' || t === 'jsonb')) ||
    (media === 'text' && t === 'text') ||
    (media === 'xml' && t === 'xml') ||
    (media === 'octet' && t === 'bytea')
  );
}

function matchesParams(r: Routine, keys: Set<string>, media: MediaKind, isInvPost: boolean): boolean {
  if (r.params.length === 0) {
    return keys.size === 0 && !(isInvPost && (media === 'octet' || media === 'text' || media === 'xml'));
  }
  const required = new Set(r.params.filter((p) => p.required).map((p) => p.name));
  const optional = new Set(r.params.filter((p) => !p.required).map((p) => p.name));
  if (optional.size === 0) return setEquals(keys, required);
  if (required.size === 0) return [...keys].every((k) => optional.has(k));
  const rest = new Set([...keys].filter((k) => !optional.has(k)));
  return setEquals(rest, required);
}

function setEquals(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((k) => b.has(k));
}

/** 404 PGRST202 with PostgREST's message, details and hint (Error.hs, NoRpc). */
export function noRpcError(
  schema: string,
  fn: string,
  keys: Set<string>,
  media: MediaKind,
  isInvPost: boolean,
  overloads: Routine[],
  allFunctionNames: string[],
): StandinResponse {
  const argumentKeys = [...keys].sort();
  const onlySingleParams = isInvPost && (media === 'text' || media === 'xml' || media === 'octet');
  const func = `${schema}.${fn}`;
  const withoutParams = argumentKeys.length === 0;
  const message = `Could not find the function ${func}${
    onlySingleParams ? '' : withoutParams ? ' without parameters' : `(${argumentKeys.join(', ')})`
  } in the schema cache`;
  const prmsDet = withoutParams
    ? ' without parameters'
    : ` with parameter${argumentKeys.length > 1 ? 's' : ''} ${argumentKeys.join(', ')}`;
  let searched: string;
  if (isInvPost && media === 'text') searched = ' with a single unnamed text parameter';
  else if (isInvPost && media === 'xml') searched = ' with a single unnamed xml parameter';
  else if (isInvPost && media === 'octet') searched = ' with a single unnamed bytea parameter';
  else if (isInvPost && media === 'json') searched = `${prmsDet} or with a single unnamed json/jsonb parameter`;
  else searched = prmsDet;
  const details = `Searched for the function ${func}${searched}, but no matches were found in the schema cache.`;
  const hint = onlySingleParams ? null : noRpcHint(schema, fn, argumentKeys, overloads, allFunctionNames);
  return pgrstError(404, 'PGRST202', message, details, hint);
}

/** 300 PGRST203 (Error.hs, AmbiguousRpc). */
export function ambiguousRpcError(routines: Routine[]): StandinResponse {
  const list = routines
    .map((r) => `${r.schema}.${r.name}(${r.params.map((p) => `${p.name} => ${p.type}`).join(', ')})`)
    .join(', ');
  return pgrstError(
    300,
    'PGRST203',
    `Could not choose the best candidate function between: ${list}`,
    null,
    'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
  );
}

/**
 * PostgREST's fuzzy "Perhaps you meant …": another function name (similarity ≥ 0.75) when none has this name,
 * else the closest parameter list of its overloads (≥ 0.33). PostgREST uses Data.FuzzySet; this approximates it
 * with the same normalisation and a Levenshtein score, so the hint may differ from PostgREST's in borderline cases.
 */
function noRpcHint(schema: string, fn: string, keys: string[], overloads: Routine[], allNames: string[]): string | null {
  const prefix = `Perhaps you meant to call the function ${schema}.`;
  if (overloads.length === 0) {
    const best = bestMatch(fn, allNames, 0.75);
    return best === null ? null : prefix + best;
  }
  const listToText = (names: string[]) => `(${[...names].sort().join(', ')})`;
  const best = bestMatch(listToText(keys), overloads.map((o) => listToText(o.params.map((p) => p.name))), 0.33);
  return best === null ? null : prefix + fn + best;
}

function bestMatch(needle: string, haystack: string[], minScore: number): string | null {
  const n = normalise(needle);
  let best: string | null = null;
  let bestScore = -1;
  for (const candidate of haystack) {
    const c = normalise(candidate);
    if (!sharesBigram(n, c)) continue;
    const score = 1 - levenshtein(n, c) / Math.max(n.length, c.length, 1);
    if (score >= minScore && score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}\s,]/gu, '');
}

function sharesBigram(a: string, b: string): boolean {
  const grams = new Set<string>();
  const pa = `-${a}-`;
  for (let i = 0; i < pa.length - 1; i++) grams.add(pa.slice(i, i + 2));
  const pb = `-${b}-`;
  for (let i = 0; i < pb.length - 1; i++) if (grams.has(pb.slice(i, i + 2))) return true;
  return false;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
