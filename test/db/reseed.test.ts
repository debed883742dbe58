// Contract 5: a reseed (new ids under the same codes; production emptied, or kept with --keep-data) between two
// syncs is a non-event: the binding and token still work, nothing is duplicated or left on a dead id, and the plan
// call tells the client what to re-send.
import { postReseedCheck } from '../../tools/post-reseed';
import { readDemoPractice } from '../../tools/generate-seed';
import { reseed } from '../../tools/reseed';
import { createTestDatabase, rpcAs, sql, type TestDatabase } from '../support/db';
import { bindDemo, dentistMonth, DEMO_TOKEN, ingest, SHEET_ID } from '../support/db-payloads';

const demo = readDemoPractice();
const plan = (db: TestDatabase) => rpcAs(db, 'anon', 'sync_plan', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID });
const months = () => [dentistMonth('2024-10'), dentistMonth('2024-11')];
const ids = async (db: TestDatabase) =>
  Object.fromEntries((await sql(db, `select provider_code as code, id from public.providers union all select location_code, id from public.locations`)).map((r) => [r.code, r.id]));
const orphans = (db: TestDatabase) =>
  sql(db, `select count(*)::int as n from public.production_days d
            where not exists (select 1 from public.providers p where p.id = d.provider_id)
               or not exists (select 1 from public.locations l where l.id = d.location_id)`);

describe('reseed between two syncs', () => {
  let db: TestDatabase;
  let firstHashes: string[];
  beforeAll(async () => {
    db = await createTestDatabase();
    await bindDemo(db, 'obinna_ezeji', DEMO_TOKEN, SHEET_ID, { column_overrides: { location: 'ignore' } });
    const first = await ingest(db, months());
    firstHashes = first.months.map((m: any) => m.hash);
  });
  afterAll(() => db?.drop());

  it('a plain reseed gives every directory row a new id, empties production, and the next sync restores it exactly', async () => {
    const idsBefore = await ids(db);
    const versionBefore = (await plan(db)).directory_version;
    const report = await reseed(db.url);
    expect(report).toEqual({
      keepData: false,
      directory: { clinics: 1, locations: 2, providers: 5, links: 8, aliases: demo.locations.concat(demo.providers as any).reduce((n, x) => n + x.aliases.length, 0) },
      idsKept: 0,
      production: { daysBefore: 60, daysAfter: 0, figuresBefore: 4, figuresAfter: 0 },
    });
    const idsAfter = await ids(db);
    expect(Object.keys(idsAfter).sort()).toEqual(Object.keys(idsBefore).sort());
    for (const code of Object.keys(idsBefore)) expect(idsAfter[code]).not.toBe(idsBefore[code]);

    // The same binding and token work; the plan shows nothing stored, so the client re-sends both months.
    const dir = await rpcAs(db, 'anon', 'sync_directory', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID });
    expect(dir.binding).toMatchObject({ provider_code: 'obinna_ezeji', column_overrides: { location: 'ignore' } });
    expect(dir.directory.version).not.toBe(versionBefore);
    const p = await plan(db);
    expect(p).toEqual({ ok: true, directory_version: dir.directory.version, months: [] });

    const again = await ingest(db, months());
    expect(again.months.map((m: any) => [m.written, m.unchanged, m.deleted])).toEqual([[30, 0, 0], [30, 0, 0]]);
    expect(again.months.map((m: any) => m.hash)).toEqual(firstHashes);
    const [{ n }] = await sql(db, 'select count(*)::int as n from public.production_days');
    expect(n).toBe(60);
    expect((await orphans(db))[0].n).toBe(0);
    const [{ p: onNew }] = await sql(db, `select count(*)::int as p from public.production_days d where d.provider_id = $1`, [idsAfter.obinna_ezeji]);
    expect(onNew).toBe(60);
    expect((await postReseedCheck(db.url)).ok).toBe(true);
  });

  it('a --keep-data reseed re-points the rows by code: the plan matches, the next sync writes nothing', async () => {
    const idsBefore = await ids(db);
    const report = await reseed(db.url, { keepData: true });
    expect([report.idsKept, report.production]).toEqual([0, { daysBefore: 60, daysAfter: 60, figuresBefore: 4, figuresAfter: 4 }]);
    const idsAfter = await ids(db);
    expect(idsAfter.obinna_ezeji).not.toBe(idsBefore.obinna_ezeji);
    expect((await orphans(db))[0].n).toBe(0);
    const [{ n }] = await sql(db, `select count(*)::int as n from public.production_days where provider_id = $1`, [idsAfter.obinna_ezeji]);
    expect(n).toBe(60);

    const p = await plan(db);
    expect(p.months.map((m: any) => [m.month, m.hash, m.row_count])).toEqual([
      ['2024-10', firstHashes[0], 30],
      ['2024-11', firstHashes[1], 30],
    ]);
    const again = await ingest(db, months());
    expect(again.months.map((m: any) => [m.written, m.unchanged, m.deleted])).toEqual([[0, 30, 0], [0, 30, 0]]);
    expect((await postReseedCheck(db.url)).ok).toBe(true);
  });

  it('external id mappings resolve to the new ids after a reseed (they hold codes, not ids)', async () => {
    const resolve = async () =>
      (await sql(db, `select sync_private.resolve_external_id('dentist_sync', 'provider', 'OBINNA_PROVIDER') as id`))[0].id;
    const before = await resolve();
    expect(before).toBe((await ids(db)).obinna_ezeji);
    await reseed(db.url, { keepData: true });
    const after = await resolve();
    expect(after).not.toBe(before);
    expect(after).toBe((await ids(db)).obinna_ezeji);
  });

  it('tokens, bindings and runs are untouched by a reseed', async () => {
    const config = () => sql(db, `select (select md5(string_agg(to_jsonb(t)::text, ',' order by id)) from public.sync_tokens t) as tokens,
                                         (select md5(string_agg(to_jsonb(b)::text, ',' order by spreadsheet_id)) from public.sync_bindings b) as bindings`);
    const before = await config();
    await reseed(db.url);
    expect(await config()).toEqual(before);
  });
});
