// Review of issue 11 ("expected failures returned as data in a 200, never raised"): sync_ingest called as anon with
// malformed payloads of every shape a buggy or old client could send. Each must be answered as data (ok:false or a
// rejected row/month), never raised — a raise would roll back the caller's run log and reach the add-on as a 4xx/5xx.
import { createTestDatabase, rpcAs, sql, type TestDatabase } from '../support/db';
import { bindDemo, day, dentistMonth, DEMO_TOKEN, month, SHEET_ID } from '../support/db-payloads';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await bindDemo(db);
});
afterAll(() => db?.drop());

const good = day('HUMBLE_MAIN', '2024-11-01', { verified_production: '10.00' }, { tab: 'Nov-24', row: 2 });
const CASES: [string, unknown][] = [
  // callRpc passes a JS string as the parameter's text, so this is the JSON string "x" PostgREST would pass.
  ['p_months is a string', JSON.stringify('x')],
  ['p_months is a number', 3],
  ['p_months is an object', { month: '2024-11' }],
  ['p_months is null', null],
  ['a month is a number', [7]],
  ['a month is an empty object', [{}]],
  ['a month with a bad month text', [month('obinna_ezeji', '2024-13', [good])]],
  ['a month whose rows is a string', [{ provider_code: 'obinna_ezeji', month: '2024-11', rows: 'none', figures: [] }]],
  ['a month whose figures is an object', [{ provider_code: 'obinna_ezeji', month: '2024-11', rows: [good], figures: {} }]],
  ['a row that is a string', [{ provider_code: 'obinna_ezeji', month: '2024-11', rows: ['row'], figures: [] }]],
  ['a row whose fields is an array', [{ provider_code: 'obinna_ezeji', month: '2024-11', rows: [{ ...good, fields: [1, 2] }], figures: [] }]],
  ['a row whose amount is an object', [{ provider_code: 'obinna_ezeji', month: '2024-11', rows: [{ ...good, fields: { ...good.fields, verified_production: { v: 1 } } }], figures: [] }]],
  ['a row whose amount is a JSON number', [{ provider_code: 'obinna_ezeji', month: '2024-11', rows: [{ ...good, fields: { ...good.fields, verified_production: 10 } }], figures: [] }]],
  ['a row whose source row is text', [{ provider_code: 'obinna_ezeji', month: '2024-11', rows: [{ ...good, source: { tab: 'Nov-24', row: 'two' } }], figures: [] }]],
  ['a row whose source row is fractional', [{ provider_code: 'obinna_ezeji', month: '2024-11', rows: [{ ...good, source: { tab: 'Nov-24', row: 2.5 } }], figures: [] }]],
  ['a row whose work_date is null', [{ provider_code: 'obinna_ezeji', month: '2024-11', rows: [{ ...good, work_date: null }], figures: [] }]],
  ['a row whose note is a number', [{ provider_code: 'obinna_ezeji', month: '2024-11', rows: [{ ...good, note: 5 }], figures: [] }]],
  ['a figure with a value that is not a decimal', [{ provider_code: 'obinna_ezeji', month: '2024-11', rows: [good], figures: [{ location_code: null, name: 'monthly_goal', value: 'lots' }] }]],
  ['the same month twice in one call', [dentistMonth('2024-11'), dentistMonth('2024-11')]],
  ['a provider code of the wrong type', [{ provider_code: 42, month: '2024-11', rows: [], figures: [] }]],
];

describe('sync_ingest answers malformed payloads as data, never by raising', () => {
  test.each(CASES)('%s', async (_name, months) => {
    let answer: any;
    let raised: unknown = null;
    try {
      answer = await rpcAs(db, 'anon', 'sync_ingest', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID, p_months: months });
    } catch (e) {
      raised = { code: (e as { code?: string }).code, message: (e as Error).message };
    }
    expect(raised).toBeNull();
    expect(answer).toEqual(expect.objectContaining({ ok: expect.any(Boolean) }));
    if (answer.ok === false) expect(answer.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
  });

  test('a malformed month next to a good one leaves the database holding only what the answer says was written', async () => {
    await sql(db, 'truncate public.production_days, public.month_figures');
    const answer = await rpcAs(db, 'anon', 'sync_ingest', {
      p_token: DEMO_TOKEN,
      p_spreadsheet_id: SHEET_ID,
      p_months: [dentistMonth('2024-10'), { provider_code: 'obinna_ezeji', month: '2024-11', rows: 'none', figures: [] }],
    });
    const [{ n }] = await sql(db, 'select count(*)::int as n from public.production_days');
    const written = answer.ok ? answer.months.reduce((s: number, m: any) => s + (m.written ?? 0), 0) : 0;
    expect(n).toBe(written);
  });
});
