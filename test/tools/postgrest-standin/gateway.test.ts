// The gateway part of the stand-in: which key runs as which role, what a bad key gets, which paths exist.
// Sources: supabase.com/docs/guides/api/api-keys (publishable key → anon, secret key → service_role; the
// publishable key is sent as `apikey` and is not a JWT); Supabase's gateway 401 bodies carry no `code`
// ({"message":"No API key found in request","hint":…} / {"message":"Invalid API key","hint":…});
// docs.postgrest.org/en/v14/references/errors.html (PGRST101, PGRST117, PGRST125).
import { startHarness, type Harness } from './harness';

describe('REST stand-in gateway', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.stop());

  it('given no apikey, when an RPC is posted, then 401 with the gateway body and no code', async () => {
    const r = await h.rpc('t_add', '{"a":1,"b":2}', { key: null });
    expect(r.status).toBe(401);
    expect(r.json()).toEqual({
      message: 'No API key found in request',
      hint: 'No `apikey` request header or url param was found.',
    });
  });

  it('given an unknown apikey, when an RPC is posted, then 401 "Invalid API key" with no code', async () => {
    const r = await h.rpc('t_add', '{"a":1,"b":2}', { key: 'sb_publishable_not_this_one' });
    expect(r.status).toBe(401);
    expect(r.json()).toEqual({
      message: 'Invalid API key',
      hint: 'Double check your Supabase `anon` or `service_role` API key.',
    });
  });

  it('given the publishable key, then the function runs as anon; given the secret key, as service_role', async () => {
    const anon = await h.rpc('t_context', '{}');
    const service = await h.rpc('t_context', '{}', { key: h.keys.secret });
    expect([anon.status, anon.json().user]).toEqual([200, 'anon']);
    expect([service.status, service.json().user]).toEqual([200, 'service_role']);
  });

  it('accepts the key as the apikey URL parameter too, as the gateway does', async () => {
    const r = await h.request(`/rest/v1/rpc/t_add?apikey=${encodeURIComponent(h.keys.publishable)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":2,"b":3}',
    });
    expect([r.status, r.text]).toEqual([200, '5']);
  });

  it('checks the key before anything else: a bad key on a missing function is still the gateway 401', async () => {
    const r = await h.rpc('no_such_function', '{}', { key: 'wrong' });
    expect(r.status).toBe(401);
    expect(r.json().code).toBeUndefined();
  });

  it('answers a path outside /rest/v1 with a 404 from the gateway (no PostgREST code)', async () => {
    const r = await h.request('/auth/v1/token', { headers: { apikey: h.keys.publishable } });
    expect(r.status).toBe(404);
    expect(r.json()).toEqual({ message: 'no Route matched with those values' });
  });

  // errors.html PGRST125: "Invalid path is specified in request URL" → 404.
  it('answers a nested path under /rest/v1 with 404 PGRST125', async () => {
    const r = await h.request('/rest/v1/rpc/t_add/extra', { method: 'POST', headers: { apikey: h.keys.publishable } });
    expect(r.status).toBe(404);
    expect(r.json()).toEqual({ code: 'PGRST125', message: 'Invalid path specified in request URL', details: null, hint: null });
  });

  // errors.html PGRST101: "For functions, only GET and POST verbs are allowed. Any other verb will throw this error."
  it.each(['PUT', 'PATCH', 'DELETE'])('answers %s on /rpc/<fn> with 405 PGRST101', async (method) => {
    const r = await h.request('/rest/v1/rpc/t_add', { method, headers: { apikey: h.keys.publishable } });
    expect(r.status).toBe(405);
    expect(r.json()).toEqual({ code: 'PGRST101', message: `Cannot use the ${method} method on RPC`, details: null, hint: null });
  });

  it('says plainly that it does not implement GET on functions or table endpoints (400 PGRST127)', async () => {
    const get = await h.request('/rest/v1/rpc/t_add?a=1&b=2', { headers: { apikey: h.keys.publishable } });
    const table = await h.request('/rest/v1/items', { headers: { apikey: h.keys.secret } });
    expect([get.status, get.json().code, get.json().message]).toEqual([400, 'PGRST127', 'Feature not implemented']);
    expect([table.status, table.json().code]).toEqual([400, 'PGRST127']);
  });

  it('serves a minimal root document listing the functions the role may call', async () => {
    const r = await h.request('/rest/v1/', { headers: { apikey: h.keys.publishable } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/openapi+json; charset=utf-8');
    const paths = Object.keys(r.json().paths);
    expect(paths).toContain('/rpc/t_add');
    expect(paths).not.toContain('/rpc/t_count_notes'); // private schema
  });

  // errors.html PGRST117: "The HTTP verb used in the request in not supported." → 405.
  it('answers an unsupported verb on the root with 405 PGRST117', async () => {
    const r = await h.request('/rest/v1/', { method: 'DELETE', headers: { apikey: h.keys.publishable } });
    expect(r.status).toBe(405);
    expect(r.json()).toEqual({ code: 'PGRST117', message: 'Unsupported HTTP method: DELETE', details: null, hint: null });
  });
});
