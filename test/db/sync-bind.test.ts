import { createTestDatabase, rpcAs, sql, type TestDatabase } from '../support/db';
import { DEMO_TOKEN } from '../support/db-payloads';

const bind = (db: TestDatabase, sheet: string, provider: string | null, settings: unknown) =>
  rpcAs(db, 'anon', 'sync_bind', { p_token: DEMO_TOKEN, p_spreadsheet_id: sheet, p_provider_code: provider, p_settings: settings });

describe('sync_bind stores the confirmed binding server-side', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('binds a hygiene sheet to its provider, defaulting the office to her only linked one', async () => {
    const res = await bind(db, 'sheet-adriane', 'adriane_fontenot', { column_overrides: { 'estimated production': 'estimated_production' } });
    expect(res).toEqual({
      ok: true,
      directory_version: expect.stringMatching(/^[0-9a-f]{32}$/),
      binding: {
        spreadsheet_id: 'sheet-adriane',
        provider_code: 'adriane_fontenot',
        default_location_code: 'BAYTOWN_MAIN',
        column_overrides: { 'estimated production': 'estimated_production' },
        updated_at: expect.any(String),
      },
    });
    const dir = await rpcAs(db, 'anon', 'sync_directory', { p_token: DEMO_TOKEN, p_spreadsheet_id: 'sheet-adriane' });
    expect(dir.binding).toEqual(res.binding);
    expect(dir.directory.version).toBe(res.directory_version);
  });

  it('leaves the office unset for a provider linked to several, unless one is chosen', async () => {
    expect((await bind(db, 'sheet-obi', 'obinna_ezeji', {})).binding.default_location_code).toBeNull();
    expect((await bind(db, 'sheet-obi', 'obinna_ezeji', { default_location_code: 'HUMBLE_MAIN' })).binding.default_location_code).toBe('HUMBLE_MAIN');
  });

  it.each([
    ['an unknown provider', 'nobody_here', {}, 'UNKNOWN_PROVIDER', 'There is no provider with code nobody_here in the directory.'],
    ['an unknown office', 'kia_redfearn', { default_location_code: 'NOWHERE' }, 'UNKNOWN_LOCATION', 'There is no location with code NOWHERE in the directory.'],
    ['an office the provider is not linked to', 'kia_redfearn', { default_location_code: 'BAYTOWN_MAIN' }, 'BAD_PAYLOAD', 'Provider kia_redfearn is not linked to location BAYTOWN_MAIN.'],
    ['overrides that are not header → string', 'kia_redfearn', { column_overrides: { a: 1 } }, 'BAD_PAYLOAD', 'column_overrides must be a JSON object of header text → string.'],
    ['settings that are not an object', 'kia_redfearn', [1], 'BAD_PAYLOAD', 'p_settings must be a JSON object.'],
  ])('refuses %s as data', async (_n, provider, settings, code, message) => {
    expect(await bind(db, 'sheet-kia', provider, settings)).toEqual({ ok: false, error: { code, message } });
    const [row] = await sql(db, `select provider_code from public.sync_bindings where spreadsheet_id = 'sheet-kia'`);
    expect(row.provider_code).toBeNull();
  });

  it('refuses a spreadsheet id that is not one', async () => {
    const res = await bind(db, 'has spaces/and slashes', 'kia_redfearn', {});
    expect(res.error.code).toBe('BAD_PAYLOAD');
  });
});
