// Review of issue 11 (security model, tokens, timeout): the REAL migrated API, reached over HTTP through the REST
// stand-in in its own process, as the add-on reaches it. The stand-in's own contract tests use fixture functions;
// these check that what the add-on depends on holds for the real entry points too.
import { randomBytes } from 'node:crypto';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src/core/ports';
import { createPostgrestClient } from '../../src/core/postgrest/postgrest-client';
import { createNodeHttpClient } from '../../tools/lib/node-http-client';
import { spawnPostgrestStandin, type SpawnedPostgrestStandin } from '../../tools/postgrest-standin/spawn';
import { connect, createTestDatabase, sql, type TestDatabase } from '../support/db';
import { bindDemo, dentistMonth, DEMO_TOKEN, mintToken, SHEET_ID } from '../support/db-payloads';

const keys = { publishable: `sb_publishable_${randomBytes(12).toString('base64url')}`, secret: `sb_secret_${randomBytes(12).toString('base64url')}` };
let db: TestDatabase;
let standin: SpawnedPostgrestStandin;

beforeAll(async () => {
  db = await createTestDatabase();
  standin = await spawnPostgrestStandin({ databaseUrl: db.authenticatorUrl, keys });
  await bindDemo(db);
});
afterAll(async () => {
  await standin?.stop();
  await db?.drop();
});

async function post(fn: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${standin.restUrl}/rpc/${fn}`, {
    method: 'POST',
    headers: { apikey: keys.publishable, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : JSON.parse(text) };
}

const days = async () => (await sql(db, 'select count(*)::int as n from public.production_days'))[0].n as number;

describe('the publishable key (anon) over HTTP reaches the entry points and nothing else', () => {
  it('calls an entry point: sync_plan answers 200 with the plan as data', async () => {
    const r = await post('sync_plan', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, months: [] });
  });

  it.each(['admin_list_tokens', 'admin_mint_token'])('is refused %s with 401 42501 (the admin functions are service_role only)', async (fn) => {
    const r = await post(fn, fn === 'admin_mint_token' ? { p_label: 'stolen' } : {});
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('42501');
  });

  it('cannot name the private schema: Content-Profile sync_private is 406 PGRST106, with either key', async () => {
    for (const key of [keys.publishable, keys.secret]) {
      const r = await post('ingest', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID, p_months: [] }, { apikey: key, 'content-profile': 'sync_private' });
      expect([r.status, r.body.code]).toEqual([406, 'PGRST106']);
    }
  });

  it.each(['hash_token', 'authorize', 'month_canonical_text', 'directory_version'])('cannot reach the private helper %s as an RPC (404 PGRST202)', async (fn) => {
    const r = await post(fn, {});
    expect([r.status, r.body.code]).toEqual([404, 'PGRST202']);
  });
});

describe('tokens over HTTP: a refused token is data in a 200, with its own code (never the 401 a bad key gets)', () => {
  it('a revoked token gets TOKEN_REVOKED and writes nothing', async () => {
    const t = await mintToken(db, 'review: revoked over http');
    const revoke = await post('admin_revoke_token', { p_token_id: t.token_id }, { apikey: keys.secret });
    expect(revoke.status).toBe(200);
    const r = await post('sync_ingest', { p_token: t.token, p_spreadsheet_id: 'review-revoked-sheet', p_months: [dentistMonth('2024-11')] });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: false, error: { code: 'TOKEN_REVOKED', message: 'This sync token was revoked. Ask your administrator for a new one.' } });
    expect(await days()).toBe(0);
  });

  it('an out-of-scope provider gets TOKEN_OUT_OF_SCOPE on bind', async () => {
    const t = await mintToken(db, 'review: Adriane only', ['adriane_fontenot'], ['BAYTOWN_MAIN']);
    const r = await post('sync_bind', { p_token: t.token, p_spreadsheet_id: 'review-scoped-sheet', p_provider_code: 'obinna_ezeji', p_settings: {} });
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(false);
    expect(r.body.error.code).toBe('TOKEN_OUT_OF_SCOPE');
  });
});

describe('the anon statement timeout on the real ingest, through the stand-in', () => {
  it('an ingest stuck past 3 s is 500 57014, the client names it a timeout after two attempts, and nothing is written', async () => {
    const responses: HttpResponse[] = [];
    const node = createNodeHttpClient({ timeoutMs: 20_000 });
    const recording: HttpClient = {
      fetch(request: HttpRequest) {
        const response = node.fetch(request);
        responses.push(response);
        return response;
      },
    };
    const client = createPostgrestClient({
      restUrl: standin.restUrl,
      apiKey: keys.publishable,
      http: recording,
      sleeper: { sleep: () => undefined },
      clock: { now: () => Date.now() },
    });
    // Another writer holds the month (as a long sync on another device would): sync_ingest waits on it.
    const holder = await connect(db.url);
    try {
      await holder.query('begin');
      const [{ id }] = await sql(db, `select id from public.providers where provider_code = 'obinna_ezeji'`);
      await holder.query(`select pg_advisory_xact_lock(hashtextextended('production_sync:' || $1 || ':' || $2, 0))`, [id, '2024-11-01']);
      const result = client.rpc('sync_ingest', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID, p_months: [dentistMonth('2024-11')] });
      expect(result.data).toBeNull();
      expect(result.error).toMatchObject({ kind: 'timeout', status: 500, code: '57014', fn: 'sync_ingest', attempts: 2 });
      expect(responses.map((r) => r.status)).toEqual([500, 500]);
      expect(JSON.parse(responses[0].body)).toEqual({ code: '57014', message: 'canceling statement due to statement timeout', details: null, hint: null });
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    expect(await days()).toBe(0);
  });
});
