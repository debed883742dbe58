// Errors raised by the database, as PostgREST v14 answers them. Sources:
// docs.postgrest.org/en/v14/references/errors.html ("Errors from PostgreSQL": body {code, details, hint, message};
// "HTTP Status Codes": 23505/23503 → 409, P0001 → 400, other P0 → 500, 57 → 500, 42501 → 403 if authenticated
// else 401; "RAISE errors with HTTP Status Codes": PTxyz → xyz);
// references/transactions.html (every request is one transaction; "Impersonated Role Settings": the impersonated
// role's settings, e.g. statement_timeout, apply as transaction-scoped settings; "Hoisted Function Settings").
import { startHarness, type Harness } from './harness';

describe('REST stand-in database errors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.stop());
  beforeEach(() => h.sql('delete from public.items'));

  it('given RAISE EXCEPTION (P0001), answers 400 with message, details and hint', async () => {
    const r = await h.rpc('t_fail', '{"p_kind":"raise"}');
    expect(r.status).toBe(400);
    expect(r.json()).toEqual({ code: 'P0001', message: 'I refuse!', details: 'Pretty simple', hint: 'There is nothing you can do.' });
  });

  it('rolls back everything the function did before it raised', async () => {
    await h.rpc('t_fail', '{"p_kind":"raise"}');
    expect(await h.sql('select count(*)::int as n from public.items')).toEqual([{ n: 0 }]);
  });

  it('commits what a successful call wrote', async () => {
    const r = await h.rpc('t_fail', '{"p_kind":"none"}');
    expect([r.status, r.text]).toEqual([200, '1']);
    expect(await h.sql('select id from public.items')).toEqual([{ id: 1000 }]);
  });

  it('given RAISE SQLSTATE PT409, answers HTTP 409 with code PT409', async () => {
    const r = await h.rpc('t_fail', '{"p_kind":"pt409"}');
    expect(r.status).toBe(409);
    expect(r.json()).toEqual({ code: 'PT409', message: 'Conflict chosen by the function', details: null, hint: null });
  });

  it('given another PL/pgSQL error (P0002 no_data_found), answers 500', async () => {
    const r = await h.rpc('t_fail', '{"p_kind":"no_data"}');
    expect(r.status).toBe(500);
    expect(r.json()).toEqual({ code: 'P0002', message: 'nothing here', details: null, hint: null });
  });

  it('given a unique violation (23505), answers 409 with PostgreSQL details', async () => {
    const r = await h.rpc('t_fail', '{"p_kind":"unique"}');
    expect(r.status).toBe(409);
    expect(r.json()).toEqual({
      code: '23505',
      message: 'duplicate key value violates unique constraint "items_pkey"',
      details: 'Key (id)=(1000) already exists.',
      hint: null,
    });
  });

  it('given permission denied (42501) as anon, answers 401 with WWW-Authenticate: Bearer', async () => {
    const r = await h.rpc('t_read_secrets', '{}');
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
    expect(r.json()).toEqual({ code: '42501', message: 'permission denied for table secrets', details: null, hint: null });
  });

  it('given permission denied (42501) as service_role, answers 403', async () => {
    const r = await h.rpc('t_read_secrets', '{}', { key: h.keys.secret });
    expect(r.status).toBe(403);
    expect(r.json().code).toBe('42501');
  });

  it("given a call longer than anon's 3 s statement_timeout (an ALTER ROLE setting), answers 500 with 57014", async () => {
    // Proves the role's settings are applied inside the request transaction: ALTER ROLE anon SET … does not follow
    // SET ROLE, so without that the 4 s sleep would succeed.
    const r = await h.rpc('t_sleep', '{"p_seconds":4}');
    expect(r.status).toBe(500);
    expect(r.json()).toEqual({ code: '57014', message: 'canceling statement due to statement timeout', details: null, hint: null });
  });

  it('gives service_role the login role’s 8 s default, not anon’s 3 s', async () => {
    const r = await h.rpc('t_context', '{}', { key: h.keys.secret });
    expect(r.json().statement_timeout).toBe('8s');
  });

  it("hoists a function's own SET statement_timeout into the transaction (57014 → 500)", async () => {
    const r = await h.rpc('t_sleep_bounded', '{"p_seconds":3}', { key: h.keys.secret });
    expect(r.status).toBe(500);
    expect(r.json().code).toBe('57014');
  });

  it('given a value the parameter type rejects, answers 400 with the PostgreSQL error (22P02)', async () => {
    const r = await h.rpc('t_add', '{"a":"five","b":1}');
    expect(r.status).toBe(400);
    expect(r.json()).toEqual({ code: '22P02', message: 'invalid input syntax for type integer: "five"', details: null, hint: null });
  });
});
