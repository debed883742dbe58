import { formatPostReseedReport, main, postReseedCheck } from '../../tools/post-reseed';
import { createTestDatabase, sql, type TestDatabase } from '../support/db';
import { bindDemo, dentistMonth, ingest } from '../support/db-payloads';

describe('npm run post-reseed', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await bindDemo(db, 'kia_redfearn');
    await bindDemo(db, 'obinna_ezeji', undefined, 'sheet-obi');
    await ingest(db, [dentistMonth('2024-11')], undefined, 'sheet-obi');
  });
  afterAll(() => db?.drop());

  it('finds the seeded and synced database consistent', async () => {
    const report = await postReseedCheck(db.url);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.counts).toMatchObject({ providers: 5, locations: 2, links: 8, bindings: 2, production_days: 30, external_id_mappings: 5 });
  });

  it('reports each inconsistency, one line each', async () => {
    await sql(db, `update public.sync_bindings set default_location_code = 'BAYTOWN_MAIN' where provider_code = 'kia_redfearn'`);
    await sql(db, `insert into public.external_id_mappings (external_system, external_id, entity_type, entity_code) values ('dentist_sync', 'GONE', 'provider', 'gone_provider')`);
    await sql(db, `delete from public.provider_locations pl using public.providers p, public.locations l
                    where p.id = pl.provider_id and l.id = pl.location_id and p.provider_code = 'obinna_ezeji' and l.location_code = 'BAYTOWN_MAIN'`);
    const report = await postReseedCheck(db.url);
    expect(report.ok).toBe(false);
    const problems = report.checks.flatMap((c) => c.problems);
    expect(problems).toContain('binding 1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_demo: provider kia_redfearn not linked to BAYTOWN_MAIN');
    expect(problems).toContain('mapping dentist_sync/provider/GONE → gone_provider does not resolve');
    expect(problems.filter((p) => p.startsWith('production day obinna_ezeji/BAYTOWN_MAIN/'))).toHaveLength(15);
    expect(formatPostReseedReport(report)).toMatch(/^post-reseed: INCONSISTENT\n/);
  });

  it('exits non-zero from the command line when anything is inconsistent', async () => {
    const out: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: any) => (out.push(String(chunk)), true));
    try {
      expect(await main(['--database-url', db.url, '--json'])).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(JSON.parse(out.join('')).ok).toBe(false);
  });
});
