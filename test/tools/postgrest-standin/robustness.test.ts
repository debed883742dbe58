// The stand-in must survive whatever a test or a developer throws at it: malformed requests, a full pool, a dead
// database, clients that hang up, and a stop() while requests are running. Statuses follow
// docs.postgrest.org/en/v14/references/errors.html (PGRST000 503, PGRST003 504, PGRST102 400, PGRST125 404).
import { startPostgrestStandin } from '../../../tools/postgrest-standin';
import { freePort } from '../../../tools/local-postgres';
import { startHarness, type Harness } from './harness';

/** Waits until a call of t_sleep is running in the database (instead of guessing with a fixed delay). */
async function sleepIsRunning(h: Harness): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const rows = await h.sql(
      `select 1 from pg_stat_activity where datname = current_database() and state = 'active' and query like '%t_sleep%' and pid <> pg_backend_pid()`,
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('t_sleep never started');
}

describe('REST stand-in robustness', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.stop());

  it('answers malformed requests with PostgREST errors and keeps serving', async () => {
    const badPath = await h.raw('POST', '/rest/v1/rpc/%E0%A4%A', { apikey: h.keys.publishable });
    expect([badPath.status, badPath.json().code]).toEqual([404, 'PGRST125']);
    const binary = await h.raw(
      'POST',
      '/rest/v1/rpc/t_add',
      { apikey: h.keys.publishable, 'content-type': 'application/json' },
      Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
    );
    expect([binary.status, binary.json().code]).toEqual([400, 'PGRST102']);
    const form = await h.rpc('t_add', '%ZZ=1&&;=', { contentType: 'application/x-www-form-urlencoded' });
    expect([form.status, form.json().code]).toEqual([404, 'PGRST202']);
    const ok = await h.rpc('t_add', '{"a":1,"b":1}');
    expect([ok.status, ok.text]).toEqual([200, '2']);
  });

  it('serves more concurrent requests than its pool has connections', async () => {
    const replies = await Promise.all(Array.from({ length: 25 }, (_, i) => h.rpc('t_add', JSON.stringify({ a: i, b: 1 }))));
    expect(replies.map((r) => [r.status, Number(r.text)])).toEqual(Array.from({ length: 25 }, (_, i) => [200, i + 1]));
  });

  it('given a body over the limit, answers 413 without buffering it', async () => {
    const small = await startPostgrestStandin({ databaseUrl: h.db.authenticatorUrl, keys: h.keys, maxBodyBytes: 1024 });
    try {
      const r = await fetch(`${small.restUrl}/rpc/t_wrap`, {
        method: 'POST',
        headers: { apikey: h.keys.publishable, 'content-type': 'application/json' },
        body: JSON.stringify({ p_doc: 'x'.repeat(4096) }),
      });
      expect(r.status).toBe(413);
      expect(await r.json()).toEqual({ message: 'Request Entity Too Large' });
    } finally {
      await small.stop();
    }
  });

  it('given no free connection within the acquire timeout, answers 504 PGRST003', async () => {
    const one = await startPostgrestStandin({ databaseUrl: h.db.authenticatorUrl, keys: h.keys, poolSize: 1, poolAcquireTimeoutMs: 200 });
    try {
      const post = (fn: string, body: string) =>
        fetch(`${one.restUrl}/rpc/${fn}`, { method: 'POST', headers: { apikey: h.keys.secret, 'content-type': 'application/json' }, body });
      const slow = post('t_sleep', '{"p_seconds":1.5}');
      await sleepIsRunning(h);
      const starved = await post('t_add', '{"a":1,"b":2}');
      expect(starved.status).toBe(504);
      expect(await starved.json()).toEqual({
        code: 'PGRST003',
        message: 'Timed out acquiring connection from connection pool.',
        details: null,
        hint: null,
      });
      expect((await slow).status).toBe(200);
    } finally {
      await one.stop();
    }
  });

  it('given a database it cannot reach, answers 503 PGRST000', async () => {
    const url = new URL(h.db.authenticatorUrl);
    url.port = String(await freePort());
    const dead = await startPostgrestStandin({ databaseUrl: url.toString(), keys: h.keys });
    try {
      const r = await fetch(`${dead.restUrl}/rpc/t_add`, {
        method: 'POST',
        headers: { apikey: h.keys.publishable, 'content-type': 'application/json' },
        body: '{"a":1,"b":2}',
      });
      expect(r.status).toBe(503);
      expect(await r.json()).toMatchObject({ code: 'PGRST000', message: 'Database connection error.' });
    } finally {
      await dead.stop();
    }
  });

  it('survives a client hanging up mid-call', async () => {
    const aborter = new AbortController();
    const gone = fetch(`${h.standin.restUrl}/rpc/t_sleep`, {
      method: 'POST',
      headers: { apikey: h.keys.secret, 'content-type': 'application/json' },
      body: '{"p_seconds":0.5}',
      signal: aborter.signal,
    }).catch((e: Error) => e.name);
    await sleepIsRunning(h);
    aborter.abort();
    expect(await gone).toBe('AbortError');
    const ok = await h.rpc('t_add', '{"a":2,"b":2}');
    expect([ok.status, ok.text]).toEqual([200, '4']);
  });

  it('on stop(), finishes the calls under way, then refuses connections', async () => {
    const s = await startPostgrestStandin({ databaseUrl: h.db.authenticatorUrl, keys: h.keys });
    const running = fetch(`${s.restUrl}/rpc/t_sleep`, {
      method: 'POST',
      headers: { apikey: h.keys.secret, 'content-type': 'application/json' },
      body: '{"p_seconds":0.5}',
    });
    await sleepIsRunning(h);
    await s.stop();
    const r = await running;
    expect([r.status, await r.text()]).toEqual([200, '1']);
    await expect(fetch(`${s.restUrl}/rpc/t_add`, { method: 'POST' })).rejects.toThrow('fetch failed');
  });
});
