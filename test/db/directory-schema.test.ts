// The directory's rules: immutable, format-checked, unique codes; valid time zones; a version that follows every
// code→id change; external id mappings by code.
import { createTestDatabase, rpcAs, sql, type TestDatabase } from '../support/db';
import { DEMO_TOKEN, SHEET_ID } from '../support/db-payloads';

async function sqlstate(db: TestDatabase, text: string): Promise<string | null> {
  try {
    await sql(db, text);
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? 'no code';
  }
}

const version = async (db: TestDatabase) => (await rpcAs(db, 'anon', 'sync_directory', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID })).directory.version;

describe('directory tables', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('never lets a code change', async () => {
    expect(await sqlstate(db, `update public.providers set provider_code = 'obi' where provider_code = 'obinna_ezeji'`)).toBe('23514');
    expect(await sqlstate(db, `update public.locations set location_code = 'HUMBLE' where location_code = 'HUMBLE_MAIN'`)).toBe('23514');
    expect(await sqlstate(db, `update public.clinics set clinic_code = 'KAM' where clinic_code = 'KAMDENTAL'`)).toBe('23514');
    expect(await sqlstate(db, `update public.providers set name = 'Dr. Obinna Ezeji' where provider_code = 'obinna_ezeji'`)).toBeNull();
  });

  it('checks code formats, uniqueness and presence', async () => {
    const clinic = `(select id from public.clinics where clinic_code = 'KAMDENTAL')`;
    expect(await sqlstate(db, `insert into public.providers (clinic_id, provider_code, name, kind) values (${clinic}, 'Dr Obi', 'x', 'dentist')`)).toBe('23514');
    expect(await sqlstate(db, `insert into public.providers (clinic_id, provider_code, name, kind) values (${clinic}, 'obinna_ezeji', 'x', 'dentist')`)).toBe('23505');
    expect(await sqlstate(db, `insert into public.providers (clinic_id, provider_code, name, kind) values (${clinic}, null, 'x', 'dentist')`)).toBe('23502');
    expect(await sqlstate(db, `insert into public.providers (clinic_id, provider_code, name, kind) values (${clinic}, 'new_person', 'x', 'surgeon')`)).toBe('23514');
    expect(await sqlstate(db, `insert into public.locations (clinic_id, location_code, name) values (${clinic}, 'humble_2', 'x')`)).toBe('23514');
    expect(await sqlstate(db, `insert into public.clinics (clinic_code, name, time_zone) values ('OTHER', 'x', 'America/Nowhere')`)).toBe('22023');
    expect(await sqlstate(db, `insert into public.external_id_mappings (external_system, external_id, entity_type, entity_code) values ('dentist_sync', 'X', 'provider', 'HUMBLE_MAIN')`)).toBe('23514');
  });

  it('changes the directory version when a code→id relationship changes, and only then', async () => {
    const v1 = await version(db);
    expect(await version(db)).toBe(v1);
    await sql(db, `insert into public.providers (clinic_id, provider_code, name, kind) select id, 'new_hygienist', 'New Hygienist', 'hygienist' from public.clinics`);
    const v2 = await version(db);
    expect(v2).not.toBe(v1);
    // Same code, new id (what a reseed does to every row).
    await sql(db, `delete from public.providers where provider_code = 'new_hygienist'`);
    await sql(db, `insert into public.providers (clinic_id, provider_code, name, kind) select id, 'new_hygienist', 'New Hygienist', 'hygienist' from public.clinics`);
    const v3 = await version(db);
    expect(v3).not.toBe(v2);
    await sql(db, `insert into public.provider_locations (provider_id, location_id, active_from) select p.id, l.id, '2025-01-01'
                     from public.providers p, public.locations l where p.provider_code = 'new_hygienist' and l.location_code = 'HUMBLE_MAIN'`);
    expect(await version(db)).not.toBe(v3);
  });

  it('returns link dates as YYYY-MM-DD and honours them for writes', async () => {
    const dir = await rpcAs(db, 'anon', 'sync_directory', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID });
    expect(dir.directory.links).toContainEqual({ provider_code: 'new_hygienist', location_code: 'HUMBLE_MAIN', active_from: '2025-01-01', active_to: null });
    await rpcAs(db, 'anon', 'sync_bind', { p_token: DEMO_TOKEN, p_spreadsheet_id: 'sheet-new', p_provider_code: 'new_hygienist', p_settings: {} });
    const res = await rpcAs(db, 'anon', 'sync_ingest', {
      p_token: DEMO_TOKEN,
      p_spreadsheet_id: 'sheet-new',
      p_months: [
        {
          provider_code: 'new_hygienist',
          month: '2024-12',
          rows: [{ provider_code: 'new_hygienist', location_code: 'HUMBLE_MAIN', work_date: '2024-12-31', fields: { verified_production: '1' }, note: null, source: { tab: 'Dec-24', row: 2 } }],
          figures: [],
        },
        {
          provider_code: 'new_hygienist',
          month: '2025-01',
          rows: [{ provider_code: 'new_hygienist', location_code: 'HUMBLE_MAIN', work_date: '2025-01-01', fields: { verified_production: '1' }, note: null, source: { tab: 'Jan-25', row: 2 } }],
          figures: [],
        },
      ],
    });
    expect(res.rows.map((r: any) => [r.work_date, r.outcome, r.reason])).toEqual([
      ['2024-12-31', 'rejected', 'provider new_hygienist is not linked to location HUMBLE_MAIN on 2024-12-31'],
      ['2025-01-01', 'written', null],
    ]);
  });
});
