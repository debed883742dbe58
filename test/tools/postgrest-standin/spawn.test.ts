// The stand-in in a child process serves the BLOCKING HTTP client the UrlFetchApp fake uses (DESIGN.md "Build and
// run": a synchronous fake cannot be served by its own event loop).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { closeSyncHttp, syncHttpRequest } from '../../../tools/gas-runtime';
import { spawnPostgrestStandin, type SpawnedPostgrestStandin } from '../../../tools/postgrest-standin/spawn';
import { createTestDatabase, sql, type TestDatabase } from '../../support/db';

describe('REST stand-in in a child process', () => {
  let db: TestDatabase;
  let standin: SpawnedPostgrestStandin;
  const keys = {
    publishable: `sb_publishable_${randomBytes(12).toString('base64url')}`,
    secret: `sb_secret_${randomBytes(12).toString('base64url')}`,
  };
  beforeAll(async () => {
    db = await createTestDatabase({ migrations: false });
    await sql(db, readFileSync(path.join(__dirname, 'fixtures.sql'), 'utf8'));
    standin = await spawnPostgrestStandin({ databaseUrl: db.authenticatorUrl, keys });
  });
  afterAll(async () => {
    await standin?.stop();
    await closeSyncHttp();
    await db?.drop();
  });

  it('answers a blocking call from this thread, with the same contract as in process', () => {
    const ok = syncHttpRequest({
      url: `${standin.restUrl}/rpc/t_add`,
      method: 'POST',
      headers: { apikey: keys.publishable, 'Content-Type': 'application/json' },
      body: '{"a":40,"b":2}',
    });
    expect([ok.status, ok.body]).toEqual([200, '42']);
    const form = syncHttpRequest({
      url: `${standin.restUrl}/rpc/t_add`,
      method: 'POST',
      headers: { apikey: keys.publishable, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '{"a":40,"b":2}',
    });
    expect([form.status, JSON.parse(form.body).code]).toEqual([404, 'PGRST202']);
  });

  it('keeps the keys out of its command line', () => {
    const cmdline = readFileSync(`/proc/${standin.pid}/cmdline`, 'utf8');
    expect(cmdline).not.toContain(keys.secret);
    expect(cmdline).not.toContain(keys.publishable);
  });

  it('stops when asked, and its port then refuses connections', async () => {
    const other = await spawnPostgrestStandin({ databaseUrl: db.authenticatorUrl, keys });
    await other.stop();
    await expect(fetch(`${other.restUrl}/rpc/t_add`, { method: 'POST' })).rejects.toThrow('fetch failed');
  });
});
