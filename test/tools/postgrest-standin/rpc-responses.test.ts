// Response shapes of POST /rpc/<fn>, as PostgREST v14 answers them. Sources:
// docs.postgrest.org/en/v14/references/api/functions.html ("Calling with POST", "Scalar functions",
// "Functions with a single unnamed JSON parameter"); PostgREST CHANGELOG #2001 ("Return 204 No Content without
// Content-Type for RPCs returning VOID") and #1584/#1849 (a function returning one composite answers an object,
// only SETOF answers an array); references/api/resource_representation.html (vnd.pgrst.object, PGRST116).
import { startHarness, type Harness } from './harness';

describe('REST stand-in response shapes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.stop());

  it('given a scalar function, answers 200 with the bare JSON value and application/json; charset=utf-8', async () => {
    const r = await h.rpc('t_add', '{"a":1,"b":2}');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(r.text).toBe('3');
  });

  it('given a void function, answers 204 with no body and no Content-Type, and the write is committed', async () => {
    const r = await h.rpc('t_put_item', '{"p_id":7,"p_name":"seven"}');
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(r.headers.get('content-type')).toBeNull();
    expect(await h.sql('select name from public.items where id = 7')).toEqual([{ name: 'seven' }]);
  });

  it('given a SETOF scalar function, answers an array, and [] when the set is empty', async () => {
    const three = await h.rpc('t_count', '{"p_n":3}');
    const none = await h.rpc('t_count', '{"p_n":0}');
    expect([three.status, three.json()]).toEqual([200, [1, 2, 3]]);
    expect([none.status, none.text]).toEqual([200, '[]']);
  });

  it('given a RETURNS TABLE function, answers an array of objects, and [] when empty', async () => {
    const two = await h.rpc('t_rows', '{"p_n":2}');
    const none = await h.rpc('t_rows', '{"p_n":0}');
    expect(two.json()).toEqual([{ n: 1, label: 'row 1' }, { n: 2, label: 'row 2' }]);
    expect(none.text).toBe('[]');
  });

  it('given a function returning one composite, answers an object (not an array), numerics exact', async () => {
    const r = await h.rpc('t_pair_of', '{"p_label":"Humble","p_amount":"1234.50"}');
    expect(r.status).toBe(200);
    expect(r.text.replace(/\s/g, '')).toBe('{"label":"Humble","amount":1234.50}');
  });

  it('given a jsonb-returning function, answers the JSON as is; an omitted defaulted argument takes its default', async () => {
    const r = await h.rpc('t_wrap', '{"p_doc":{"rows":[{"amount":"-12.30"}],"n":null}}');
    expect(r.json()).toEqual({ doc: { rows: [{ amount: '-12.30' }], n: null }, tag: 'none' });
    const tagged = await h.rpc('t_wrap', '{"p_doc":[],"p_tag":"x"}');
    expect(tagged.json()).toEqual({ doc: [], tag: 'x' });
  });

  it('given a function with one UNNAMED jsonb parameter, passes it the whole body', async () => {
    const body = '{"p_token":"t","months":[{"month":"2024-11"}]}';
    const r = await h.rpc('t_whole_body', body);
    expect(r.json()).toEqual(JSON.parse(body));
  });

  it('runs SECURITY DEFINER work in a private schema through a thin invoker entry point', async () => {
    const r = await h.rpc('t_notes', '{}');
    expect([r.status, r.text]).toEqual([200, '2']);
  });

  it('exposes only schema public: a private function is not found (404 PGRST202), even with the secret key', async () => {
    const r = await h.rpc('t_count_notes', '{}', { key: h.keys.secret });
    expect(r.status).toBe(404);
    expect(r.json().code).toBe('PGRST202');
  });

  it('given Accept: application/vnd.pgrst.object+json and one row, answers the object; with 3 rows, 406 PGRST116', async () => {
    const one = await h.rpc('t_rows', '{"p_n":1}', { headers: { accept: 'application/vnd.pgrst.object+json' } });
    expect([one.status, one.json()]).toEqual([200, { n: 1, label: 'row 1' }]);
    expect(one.headers.get('content-type')).toBe('application/vnd.pgrst.object+json; charset=utf-8');
    const three = await h.rpc('t_rows', '{"p_n":3}', { headers: { accept: 'application/vnd.pgrst.object+json' } });
    expect(three.status).toBe(406);
    expect(three.json()).toEqual({
      code: 'PGRST116',
      message: 'Cannot coerce the result to a single JSON object',
      details: 'The result contains 3 rows',
      hint: null,
    });
  });

  // errors.html PGRST107: "The Accept media type sent in the request is invalid." → 406.
  it('given an Accept it cannot serve, answers 406 PGRST107', async () => {
    const r = await h.rpc('t_add', '{"a":1,"b":2}', { headers: { accept: 'text/html' } });
    expect(r.status).toBe(406);
    expect(r.json()).toEqual({ code: 'PGRST107', message: 'None of these media types are available: text/html', details: null, hint: null });
  });

  // transactions.html "Request Headers, Cookies and JWT claims", "Request Path", "Request Role and Search Path".
  it('sets role, request.method, request.path, request.headers and request.jwt.claims for the function', async () => {
    const r = await h.rpc('t_context', '{}');
    expect(r.json()).toEqual({
      user: 'anon',
      statement_timeout: '3s',
      method: 'POST',
      path: '/rpc/t_context',
      content_type: 'application/json',
      claims_role: 'anon',
      search_path: '"public", "public", "extensions"',
    });
  });
});
