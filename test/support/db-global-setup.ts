// Jest globalSetup: ONE embedded PostgreSQL per test run, bootstrapped like Supabase. Test files make their own
// databases from it (test/support/db.ts). Reuses an external cluster when PS_TEST_PG_URL is already set.
import { applyBootstrap, startLocalPostgres, type LocalPostgres } from '../../tools/local-postgres';

declare global {
  // eslint-disable-next-line no-var
  var __PS_TEST_PG__: LocalPostgres | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.PS_TEST_PG_URL) return;
  const pg = await startLocalPostgres();
  try {
    await applyBootstrap(pg.url, { authenticatorPassword: pg.password });
  } catch (e) {
    await pg.stop();
    throw e;
  }
  globalThis.__PS_TEST_PG__ = pg;
  process.env.PS_TEST_PG_URL = pg.url;
}
