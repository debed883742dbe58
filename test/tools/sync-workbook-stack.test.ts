// npm run sync without --url: a running `npm run stack` (found through its state file) is used; without one, the
// command starts a temporary stack of its own and stops it at the end.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeStackState } from '../../tools/lib/db-stack-state';
import { spawnPostgrestStandin, type SpawnedPostgrestStandin } from '../../tools/postgrest-standin/spawn';
import { main } from '../../tools/sync-workbook';
import { spreadsheetIdForTitle } from '../../tools/lib/workbook-reader';
import { OBI_NOV_24_CSV } from '../core/sheet/helpers/workbooks';
import { createTestDatabase, sql, type TestDatabase } from '../support/db';
import { DEMO_TOKEN } from '../support/db-payloads';

async function run(args: string[], stateFile: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, { stateFile });
  return { code, stdout, stderr };
}

describe('npm run sync: which stack', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sync-stack-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the stack a live state file describes (its key and demo token), printing neither', async () => {
    const db: TestDatabase = await createTestDatabase();
    const keys = { publishable: `sb_publishable_test_${randomBytes(12).toString('hex')}`, secret: `sb_secret_test_${randomBytes(12).toString('hex')}` };
    const standin: SpawnedPostgrestStandin = await spawnPostgrestStandin({ databaseUrl: db.authenticatorUrl, keys });
    try {
      const stateFile = join(dir, 'state.json');
      writeStackState(
        {
          restUrl: standin.restUrl,
          supabaseUrl: standin.url,
          publishableKey: keys.publishable,
          secretKey: keys.secret,
          demoToken: DEMO_TOKEN,
          databaseUrl: db.url,
          pid: process.pid, // alive: this process stands in for `npm run stack`
          startedAt: new Date(0).toISOString(),
        },
        stateFile,
      );
      const { code, stdout, stderr } = await run([OBI_NOV_24_CSV, '--json'], stateFile);
      expect([code, stderr]).toEqual([0, '']);
      const report = JSON.parse(stdout);
      expect([report.sync.target, report.sync.rest_url, report.workbooks[0].outcome.counts.written]).toEqual(['local-stack', standin.restUrl, 60]);
      for (const secret of [keys.publishable, keys.secret, DEMO_TOKEN]) expect(stdout).not.toContain(secret);
      expect(await sql(db, 'select count(*)::int as n, sum(verified_production)::text as total from public.production_days where source_spreadsheet_id = $1', [
        spreadsheetIdForTitle('Dr. Obi - Associate Prodution Tracker'),
      ])).toEqual([{ n: 60, total: '69567.03' }]);
    } finally {
      await standin.stop();
      await db.drop();
    }
  });

  it('starts a temporary stack when none is running, syncs into it and says its data is gone', async () => {
    const { code, stdout, stderr } = await run([OBI_NOV_24_CSV], join(dir, 'no-such-state.json'));
    expect(code).toBe(0);
    expect(stderr).toBe('sync: No running local stack (npm run stack): starting a temporary one for this command; its data is discarded at the end.\n');
    const lines = stdout.split('\n');
    expect(lines).toContain('Sync: SUCCESS — 60 row(s) written, 0 unchanged, 0 skipped, 0 rejected, 0 deleted.');
    expect(lines.find((l) => l.startsWith('Sync to '))).toMatch(
      /^Sync to a temporary local stack \(now stopped; its data is gone\) at http:\/\/127\.0\.0\.1:\d+\/rest\/v1: 1 workbook\(s\); 60 written, 0 unchanged, 0 skipped, 0 rejected, 0 deleted; 7 RPC call\(s\) /,
    );
  });

  it('reports a stack that cannot be reached (a stale state file whose process is alive but whose server is gone)', async () => {
    const stateFile = join(dir, 'stale.json');
    writeStackState(
      { restUrl: 'http://127.0.0.1:9/rest/v1', supabaseUrl: 'http://127.0.0.1:9', publishableKey: 'sb_publishable_gone', secretKey: 'sb_secret_gone', demoToken: DEMO_TOKEN, databaseUrl: 'postgresql://x@127.0.0.1:9/x', pid: process.pid, startedAt: new Date(0).toISOString() },
      stateFile,
    );
    const { code, stderr } = await run([OBI_NOV_24_CSV], stateFile);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'sync: Could not reach Supabase: check your connection and Settings → Supabase URL, then sync again. (For npm run sync: the local stack named by .stack/state.json is not answering; restart it with npm run stack, or give --url/--key/--token.) Nothing was synced.\n',
    );
  });
});
