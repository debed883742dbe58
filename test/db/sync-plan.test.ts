import { createTestDatabase, rpcAs, type TestDatabase } from '../support/db';
import { bindDemo, dentistMonth, DEMO_TOKEN, ingest, SHEET_ID } from '../support/db-payloads';

describe('sync_plan returns the server hash per month of the binding', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('answers NOT_BOUND before the spreadsheet is bound to a provider', async () => {
    const res = await rpcAs(db, 'anon', 'sync_plan', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID });
    expect(res).toEqual({ ok: false, error: { code: 'NOT_BOUND', message: expect.any(String) }, directory_version: expect.any(String) });
  });

  it('lists every stored month of the bound provider with its hash and row count, in month order', async () => {
    await bindDemo(db);
    const sent = await ingest(db, [dentistMonth('2024-11', 30), dentistMonth('2023-12', 12)]);
    await bindDemo(db, 'kamdi_irondi', DEMO_TOKEN, 'sheet-kamdi');
    await ingest(db, [dentistMonth('2024-11', 5, 'kamdi_irondi')], DEMO_TOKEN, 'sheet-kamdi');
    const plan = await rpcAs(db, 'anon', 'sync_plan', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID });
    expect(plan).toEqual({
      ok: true,
      directory_version: sent.directory_version,
      months: [
        { provider_code: 'obinna_ezeji', month: '2023-12', hash: sent.months[1].hash, row_count: 12 },
        { provider_code: 'obinna_ezeji', month: '2024-11', hash: sent.months[0].hash, row_count: 30 },
      ],
    });
  });
});
