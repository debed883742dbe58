// Principle 3: nothing silently dropped. Bad rows come back as data with a reason while the good rows of the
// same call land; negatives and percentages are data, stored exactly; malformed calls are BAD_PAYLOAD in a 200.
import { createTestDatabase, rpcAs, sql, type TestDatabase } from '../support/db';
import { bindDemo, day, DEMO_TOKEN, ingest, month, SHEET_ID } from '../support/db-payloads';

describe('sync_ingest rejects bad rows as data', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await bindDemo(db, 'adriane_fontenot');
  });
  afterAll(() => db?.drop());

  const hyg = (work_date: string, fields: object, row: number, loc = 'BAYTOWN_MAIN', extra: object = {}) =>
    day(loc, work_date, fields, { tab: 'Dec-23', row }, { provider_code: 'adriane_fontenot', ...extra });

  it('lands the good rows and rejects each bad one with its reason', async () => {
    const rows = [
      hyg('2023-12-04', { hours_worked: '5.49', verified_production: '384.86', variance_ratio: '-0.77', bonus: '0' }, 3),
      hyg('2023-12-05', { verified_production: '1322.35' }, 4, 'HUMBLE_MAIN'), // Adriane works at Baytown only
      hyg('2023-12-06', { verified_production: '12' }, 5, 'NOWHERE'),
      hyg('2023-12-07', { verified_production: '$1,322.35' }, 6),
      hyg('2023-12-32', { verified_production: '1' }, 7),
      hyg('2024-01-02', { verified_production: '1' }, 8),
      hyg('2023-12-08', { verified_production: '1' }, 9),
      hyg('2023-12-08', { verified_production: '2' }, 10),
      hyg('2023-12-11', { verified_production: '1e5' }, 11),
      hyg('2023-12-12', { verified_production: '1000000000000' }, 12),
      { ...hyg('2023-12-13', {}, 0) },
      hyg('2023-12-14', { verified_production: '-1296.00', estimated_production: '-0.005', production_goal: '999999999999.9999' }, 14),
      hyg('2023-12-15', { verified_production: '1' }, 15, 'BAYTOWN_MAIN', { provider_code: 'kia_redfearn' }),
      hyg('2023-12-18', { verified_production: '1', total_bonus: '236', uuid: 'x' }, 16),
    ];
    const res = await ingest(db, [month('adriane_fontenot', '2023-12', rows)]);
    expect(res.ok).toBe(true);
    expect(res.rows.map((r: any) => [r.row, r.outcome, r.reason])).toEqual([
      [3, 'written', null],
      [4, 'rejected', 'provider adriane_fontenot is not linked to location HUMBLE_MAIN on 2023-12-05'],
      [5, 'rejected', 'unknown location code "NOWHERE"'],
      [6, 'rejected', 'verified_production: "$1,322.35" is not a decimal'],
      [7, 'rejected', 'work_date "2023-12-32" is not a date (YYYY-MM-DD)'],
      [8, 'rejected', 'work_date 2024-01-02 is not in month 2023-12'],
      [9, 'rejected', 'more than one row for BAYTOWN_MAIN on 2023-12-08 in this month'],
      [10, 'rejected', 'more than one row for BAYTOWN_MAIN on 2023-12-08 in this month'],
      [11, 'rejected', 'verified_production: "1e5" is not a decimal'],
      [12, 'rejected', 'verified_production: "1000000000000" is out of range'],
      [0, 'rejected', 'source tab and row (1-based) are required'],
      [14, 'written', null],
      [15, 'rejected', 'row is for provider kia_redfearn, the month for adriane_fontenot'],
      [16, 'rejected', 'unknown field(s): total_bonus, uuid'],
    ]);
    expect(res.rows[1]).toEqual({ tab: 'Dec-23', row: 4, location_code: 'HUMBLE_MAIN', work_date: '2023-12-05', outcome: 'rejected', reason: expect.any(String) });
    expect([res.months[0].written, res.months[0].rejected, res.months[0].unchanged, res.months[0].deleted]).toEqual([2, 12, 0, 0]);
  });

  it('stores negatives and fractions exactly, without clipping (legacy F9, F15)', async () => {
    const stored = await sql(
      db,
      `select work_date::text as d, hours_worked::text as h, verified_production::text as vp, estimated_production::text as ep,
              production_goal::text as pg, variance_ratio::text as vr, bonus::text as b
         from public.production_days order by work_date`,
    );
    expect(stored).toEqual([
      { d: '2023-12-04', h: '5.49', vp: '384.86', ep: null, pg: null, vr: '-0.77', b: '0' },
      { d: '2023-12-14', h: null, vp: '-1296.00', ep: '-0.005', pg: '999999999999.9999', vr: null, b: null },
    ]);
  });

  it('rejects bad month figures as data and keeps the good ones', async () => {
    const res = await ingest(db, [
      month('adriane_fontenot', '2023-12', [hyg('2023-12-04', { hours_worked: '5.49', verified_production: '384.86', variance_ratio: '-0.77', bonus: '0' }, 3)], [
        { location_code: null, name: 'total_hours_worked', value: '104.73' },
        { location_code: 'NOWHERE', name: 'monthly_goal', value: '1' },
        { location_code: null, name: 'Bad Name', value: '1' },
        { location_code: null, name: 'total_bonus', value: '$236.00' },
      ]),
    ]);
    expect(res.months[0].figures_written).toBe(1);
    expect(res.months[0].figures_rejected).toEqual([
      { location_code: 'NOWHERE', name: 'monthly_goal', value: '1', reason: 'unknown location code "NOWHERE"' },
      { location_code: null, name: 'Bad Name', value: '1', reason: 'name must be lower_snake_case' },
      { location_code: null, name: 'total_bonus', value: '$236.00', reason: 'value "$236.00" is not a decimal' },
    ]);
  });

  it.each([
    ['not an array', { months: 'x' }, 'p_months must be a JSON array of months.'],
    ['a bad month', [{ provider_code: 'adriane_fontenot', month: '2023-13', rows: [], figures: [] }], 'Every month must be an object with "month": "YYYY-MM".'],
    ['a month twice', [month('adriane_fontenot', '2023-11', []), month('adriane_fontenot', '2023-11', [])], 'Month 2023-11 was sent twice in one call.'],
    ['rows not an array', [{ provider_code: 'adriane_fontenot', month: '2023-11', rows: {}, figures: [] }], 'Month 2023-11 must carry "rows" (and "figures") as arrays.'],
    ['another provider', [month('kia_redfearn', '2023-11', [])], 'Month 2023-11 is for provider kia_redfearn but this spreadsheet is bound to adriane_fontenot.'],
  ])('answers BAD_PAYLOAD for %s, writing nothing', async (_name, months, message) => {
    const [{ n: before }] = await sql(db, 'select count(*)::int as n from public.production_days');
    const res = await rpcAs(db, 'anon', 'sync_ingest', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID, p_months: months });
    expect(res).toEqual({ ok: false, error: { code: 'BAD_PAYLOAD', message } });
    const [{ n: after }] = await sql(db, 'select count(*)::int as n from public.production_days');
    expect(after).toBe(before);
  });

  it('answers NOT_BOUND for a spreadsheet that is claimed but not bound to a provider', async () => {
    const res = await rpcAs(db, 'anon', 'sync_ingest', { p_token: DEMO_TOKEN, p_spreadsheet_id: 'another-sheet-id', p_months: [] });
    expect(res.ok).toBe(false);
    expect(res.error.code).toBe('NOT_BOUND');
    expect(typeof res.directory_version).toBe('string');
  });
});
