// The migrations run in order by plain psql AND by `supabase db push` (each file in its own transaction): no psql
// meta-commands, nothing that cannot run inside a transaction, file names the CLI accepts.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { migrationFiles, MIGRATIONS_DIR, withDatabase } from '../../tools/local-postgres';
import { createTestDatabase, sql, type TestDatabase } from '../support/db';

const PSQL = ['/usr/bin/psql', '/usr/local/bin/psql'].find((p) => existsSync(p));

describe('supabase/migrations', () => {
  it('are named <14-digit timestamp>_<area>.sql, in order, and none is left out', () => {
    const all = require('node:fs').readdirSync(MIGRATIONS_DIR) as string[];
    expect(all.filter((f) => f.endsWith('.sql')).sort()).toEqual(migrationFiles().map((f) => path.basename(f)));
    expect(migrationFiles().length).toBeGreaterThanOrEqual(5);
  });

  it.each(migrationFiles().map((f) => [path.basename(f), f]))('%s has no psql meta-command and nothing that refuses a transaction', (_n, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n').filter((l) => /^\s*\\/.test(l))).toEqual([]);
    expect(text).not.toMatch(/\b(begin|commit|rollback)\s*;/i);
    expect(text).not.toMatch(/\bconcurrently\b|\bvacuum\b|create\s+database/i);
  });

  (PSQL ? describe : describe.skip)('with psql', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase({ migrations: false });
    });
    afterAll(() => db?.drop());

    it('apply in order, each file in one transaction, with ON_ERROR_STOP', async () => {
      const url = withDatabase(db.url, db.name);
      for (const file of migrationFiles()) {
        execFileSync(PSQL!, ['--no-psqlrc', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-d', url, '-f', file], { stdio: 'pipe' });
      }
      const [{ n }] = await sql(db, `select count(*)::int as n from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'`);
      expect(n).toBe(10);
    });
  });
});
