// How POST /rpc/<fn> matches its body to a function, as PostgREST v14 does. Sources:
// docs.postgrest.org/en/v14/references/api/functions.html ("Calling with POST": each key/value of the JSON object
// becomes an argument; "Functions with a single unnamed JSON parameter"; "Overloaded functions"; repeated keys
// "also work in POST requests with Content-Type: application/x-www-form-urlencoded");
// references/errors.html (PGRST102 400 "An invalid request body was sent (e.g. an empty body or malformed JSON)",
// PGRST202 404 "the function may not exist", PGRST203 300 overloaded functions); PostgREST v14 source
// ApiRequest/Payload.hs (no Content-Type = JSON; an unknown one is "Content-Type not acceptable: …") and Plan.hs
// findProc (required keys must all be there, no key may be extra).
import { startHarness, type Harness } from './harness';

const NO_MATCH_DETAILS = (fn: string, params: string) =>
  `Searched for the function public.${fn}${params} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`;

describe('REST stand-in argument matching', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.stop());

  it('given a missing required argument, answers 404 PGRST202 (not 400, and never a call with NULL)', async () => {
    const r = await h.rpc('t_add', '{"a":1}');
    expect(r.status).toBe(404);
    expect(r.json()).toMatchObject({
      code: 'PGRST202',
      message: 'Could not find the function public.t_add(a) in the schema cache',
      details: NO_MATCH_DETAILS('t_add', ' with parameter a'),
    });
  });

  it('given an extra argument, answers 404 PGRST202 naming every key sent and hinting the real parameters', async () => {
    const r = await h.rpc('t_add', '{"b":2,"a":1,"c":3}');
    expect(r.status).toBe(404);
    expect(r.json()).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.t_add(a, b, c) in the schema cache',
      details: NO_MATCH_DETAILS('t_add', ' with parameters a, b, c'),
      hint: 'Perhaps you meant to call the function public.t_add(a, b)',
    });
  });

  it('given an unknown function and no arguments, answers 404 PGRST202 "… without parameters …"', async () => {
    const r = await h.rpc('zz_unknown_thing', '{}');
    expect(r.status).toBe(404);
    expect(r.json()).toEqual({
      code: 'PGRST202',
      message: 'Could not find the function public.zz_unknown_thing without parameters in the schema cache',
      details: NO_MATCH_DETAILS('zz_unknown_thing', ' without parameters'),
      hint: null,
    });
  });

  it('given overloads with the same argument names, answers 300 PGRST203', async () => {
    const r = await h.rpc('t_overloaded', '{"p_x":1}');
    expect(r.status).toBe(300);
    expect(r.json()).toEqual({
      code: 'PGRST203',
      message:
        'Could not choose the best candidate function between: public.t_overloaded(p_x => integer), public.t_overloaded(p_x => text)',
      details: null,
      hint: 'Try renaming the parameters or the function itself in the database so function overloading can be resolved',
    });
  });

  it('converts JSON values to the parameter types the way PostgreSQL does (a JSON string "5" into an integer)', async () => {
    const r = await h.rpc('t_add', '{"a":"5","b":-7}');
    expect([r.status, r.text]).toEqual([200, '-2']);
  });

  it('given no Content-Type, reads the body as JSON', async () => {
    const r = await h.raw('POST', '/rest/v1/rpc/t_add', { apikey: h.keys.publishable }, '{"a":4,"b":4}');
    expect([r.status, r.text]).toEqual([200, '8']);
  });

  it('given an empty body, calls the function without arguments', async () => {
    const r = await h.rpc('t_notes', '');
    expect([r.status, r.text]).toEqual([200, '2']);
  });

  it('given malformed JSON, answers 400 PGRST102 "Empty or invalid json"', async () => {
    const r = await h.rpc('t_add', '{"a":1,');
    expect(r.status).toBe(400);
    expect(r.json()).toEqual({ code: 'PGRST102', message: 'Empty or invalid json', details: null, hint: null });
  });

  it('given a Content-Type PostgREST does not read, answers 400 PGRST102 "Content-Type not acceptable"', async () => {
    const r = await h.rpc('t_add', '{"a":1,"b":2}', { contentType: 'application/xml' });
    expect(r.status).toBe(400);
    expect(r.json()).toEqual({ code: 'PGRST102', message: 'Content-Type not acceptable: application/xml', details: null, hint: null });
  });

  // What UrlFetchApp sends when `contentType` is not set: the JSON text as a form body. PostgREST reads form
  // fields as argument names, so the whole JSON text becomes ONE argument name and no function matches: a 404
  // PGRST202, never a silent success (DESIGN.md "Build and run").
  it('given JSON text sent as application/x-www-form-urlencoded, answers 404 PGRST202, not a success', async () => {
    const r = await h.rpc('t_add', '{"a":1,"b":2}', { contentType: 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(404);
    expect(r.json()).toMatchObject({
      code: 'PGRST202',
      message: 'Could not find the function public.t_add({"a":1,"b":2}) in the schema cache',
      details: 'Searched for the function public.t_add with parameter {"a":1,"b":2}, but no matches were found in the schema cache.',
    });
  });

  it('given the same JSON text form-encoded to a function without parameters, still answers 404 PGRST202', async () => {
    const r = await h.rpc('t_notes', '{"p_token":"x"}', { contentType: 'application/x-www-form-urlencoded' });
    expect([r.status, r.json().code]).toEqual([404, 'PGRST202']);
  });

  it('given real form fields, calls the function with them as text arguments', async () => {
    const r = await h.rpc('t_add', 'a=20&b=22', { contentType: 'application/x-www-form-urlencoded' });
    expect([r.status, r.text]).toEqual([200, '42']);
  });

  it('given a JSON array of objects, takes the keys of its objects (they must all agree, else 400 PGRST102)', async () => {
    const ok = await h.rpc('t_add', '[{"a":1,"b":1}]');
    expect([ok.status, ok.text]).toEqual([200, '2']);
    const mixed = await h.rpc('t_add', '[{"a":1,"b":1},{"a":1}]');
    expect(mixed.status).toBe(400);
    expect(mixed.json()).toEqual({ code: 'PGRST102', message: 'All object keys must match', details: null, hint: null });
  });

  it('given a function name with a quote, treats it as a name and answers 404 PGRST202', async () => {
    const r = await h.rpc(encodeURIComponent('t_add"; drop table public.items; --'), '{}');
    expect([r.status, r.json().code]).toEqual([404, 'PGRST202']);
    expect(await h.sql(`select to_regclass('public.items') is not null as exists`)).toEqual([{ exists: true }]);
  });

  // errors.html PGRST106: "The schema specified when switching schemas is not present in the db-schemas
  // configuration variable." → 406.
  it('given Content-Profile for a schema that is not exposed, answers 406 PGRST106', async () => {
    const r = await h.rpc('t_add', '{"a":1,"b":2}', { headers: { 'content-profile': 'private' } });
    expect(r.status).toBe(406);
    expect(r.json()).toEqual({
      code: 'PGRST106',
      message: 'Invalid schema: private',
      details: null,
      hint: 'Only the following schemas are exposed: public',
    });
  });
});
