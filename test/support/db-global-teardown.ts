// Jest globalTeardown: stops the cluster globalSetup started (an external PS_TEST_PG_URL is left alone).
export default async function globalTeardown(): Promise<void> {
  const pg = globalThis.__PS_TEST_PG__;
  if (!pg) return;
  globalThis.__PS_TEST_PG__ = undefined;
  delete process.env.PS_TEST_PG_URL;
  await pg.stop();
}
