// A month's `held` list names (office, day) rows the sheet has but the client could not read (#REF!, an
// unparseable amount): sync_ingest keeps what it stores for them instead of deleting it, and creates nothing
// (BEHAVIOR.md "Unreadable cells keep what is stored").
import type { HeldRow, MonthPayload } from '../../src/core/production';
import { createTestDatabase, sql, type TestDatabase } from '../support/db';
import { bindDemo, day, ingest, mintToken, month } from '../support/db-payloads';

const REF = 'row 5 Verified Production (Billing Department Only) Humble: the sheet shows an error (#REF!)';
const nov = (rows: ReturnType<typeof day>[], held?: HeldRow[]): MonthPayload => ({ ...month('obinna_ezeji', '2024-11', rows), ...(held ? { held } : {}) });
const humble4 = (vp: string) => day('HUMBLE_MAIN', '2024-11-04', { verified_production: vp }, { tab: 'Nov-24', row: 5 });
const baytown4 = (vp: string) => day('BAYTOWN_MAIN', '2024-11-04', { verified_production: vp }, { tab: 'Nov-24', row: 5 });
const hold = (location_code: string, work_date: string): HeldRow => ({ location_code, work_date, reason: REF });

describe('sync_ingest keeps the stored rows a month holds', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await bindDemo(db, 'obinna_ezeji');
  });
  afterAll(() => db?.drop());

  const stored = () =>
    sql(db, `select l.location_code as loc, d.work_date::text as d, d.verified_production::text as vp
               from public.production_days d join public.locations l on l.id = d.location_id order by 2, 1`);
  const counts = (res: any) => {
    const m = res.months[0];
    return { written: m.written, unchanged: m.unchanged, deleted: m.deleted, held: m.held, held_ignored: m.held_ignored };
  };

  it('keeps a stored row when the next ingest holds it, and reports it as held', async () => {
    expect((await ingest(db, [nov([humble4('1200.00'), baytown4('300.00')])])).ok).toBe(true);
    const res = await ingest(db, [nov([baytown4('300.00')], [hold('HUMBLE_MAIN', '2024-11-04')])]);
    expect(counts(res)).toEqual({ written: 0, unchanged: 1, deleted: 0, held: 1, held_ignored: [] });
    expect(await stored()).toEqual([
      { loc: 'BAYTOWN_MAIN', d: '2024-11-04', vp: '300.00' },
      { loc: 'HUMBLE_MAIN', d: '2024-11-04', vp: '1200.00' },
    ]);
  });

  it('creates nothing for a held entry that was never stored', async () => {
    const res = await ingest(db, [nov([baytown4('300.00')], [hold('HUMBLE_MAIN', '2024-11-04'), hold('BAYTOWN_MAIN', '2024-11-05'), hold('HUMBLE_MAIN', '2024-11-05')])]);
    expect(counts(res)).toEqual({ written: 0, unchanged: 1, deleted: 0, held: 1, held_ignored: [] });
    expect(await stored()).toHaveLength(2);
  });

  it('updates the row once the hold is gone and the sheet sends it again (cell fixed)', async () => {
    const res = await ingest(db, [nov([humble4('1250.00'), baytown4('300.00')])]);
    expect(counts(res)).toEqual({ written: 1, unchanged: 1, deleted: 0, held: 0, held_ignored: [] });
    expect((await stored()).find((r) => r.loc === 'HUMBLE_MAIN')).toEqual({ loc: 'HUMBLE_MAIN', d: '2024-11-04', vp: '1250.00' });
  });

  it('deletes the row when the sheet no longer has it and nothing holds it (row removed)', async () => {
    const res = await ingest(db, [nov([baytown4('300.00')], [])]);
    expect(counts(res)).toEqual({ written: 0, unchanged: 1, deleted: 1, held: 0, held_ignored: [] });
    expect(await stored()).toEqual([{ loc: 'BAYTOWN_MAIN', d: '2024-11-04', vp: '300.00' }]);
  });

  it('ignores, with a reason, held entries it cannot use, and still writes the month', async () => {
    const res = await ingest(db, [
      nov(
        [baytown4('310.00')],
        [hold('NOWHERE', '2024-11-04'), hold('HUMBLE_MAIN', '2024-11-31'), hold('HUMBLE_MAIN', '2024-12-01'), 'junk' as unknown as HeldRow, { work_date: '2024-11-04' } as HeldRow],
      ),
    ]);
    expect(counts(res)).toEqual({
      written: 1,
      unchanged: 0,
      deleted: 0,
      held: 0,
      held_ignored: [
        { location_code: 'NOWHERE', work_date: '2024-11-04', reason: 'unknown location code "NOWHERE"' },
        { location_code: 'HUMBLE_MAIN', work_date: '2024-11-31', reason: 'work_date "2024-11-31" is not a date (YYYY-MM-DD)' },
        { location_code: 'HUMBLE_MAIN', work_date: '2024-12-01', reason: 'work_date 2024-12-01 is not in month 2024-11' },
        { location_code: null, work_date: null, reason: 'held entry is not an object' },
        { location_code: null, work_date: '2024-11-04', reason: 'unknown location code null' },
      ],
    });
  });

  it('refuses a month whose held is not an array, writing nothing', async () => {
    const res = await ingest(db, [{ ...nov([baytown4('999.00')]), held: { HUMBLE_MAIN: '2024-11-04' } as unknown as HeldRow[] }]);
    expect(res).toEqual({ ok: false, error: { code: 'BAD_PAYLOAD', message: 'Month 2024-11 must carry "held" as an array when it carries it.' } });
    expect(await stored()).toEqual([{ loc: 'BAYTOWN_MAIN', d: '2024-11-04', vp: '310.00' }]);
  });

  it('ignores a hold on an office outside the token scope (its rows are never deleted by that token anyway)', async () => {
    const other = 'sheet-held-scope';
    const { token } = await mintToken(db, 'baytown only', ['obinna_ezeji'], ['BAYTOWN_MAIN']);
    await bindDemo(db, 'obinna_ezeji', token, other);
    const res = await ingest(db, [nov([], [hold('HUMBLE_MAIN', '2024-11-04'), hold('BAYTOWN_MAIN', '2024-11-04')])], token, other);
    expect(counts(res)).toEqual({
      written: 0,
      unchanged: 0,
      deleted: 0,
      held: 1,
      held_ignored: [{ location_code: 'HUMBLE_MAIN', work_date: '2024-11-04', reason: "location HUMBLE_MAIN is outside this sync token's scope" }],
    });
    expect(await stored()).toEqual([{ loc: 'BAYTOWN_MAIN', d: '2024-11-04', vp: '310.00' }]);
  });
});
