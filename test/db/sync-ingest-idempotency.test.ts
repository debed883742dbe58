// Contract 3 / principle 2: whole months by natural key. Same months twice → nothing written; an edited cell →
// one row updated; a row gone from a sent month → deleted; figures replaced only when they changed.
import { createTestDatabase, sql, type TestDatabase } from '../support/db';
import { bindDemo, day, dentistMonth, ingest } from '../support/db-payloads';

const snapshot = (db: TestDatabase) =>
  sql(db, `select l.location_code, d.work_date::text as work_date, d.xmin::text as xmin, d.verified_production::text as vp
             from public.production_days d join public.locations l on l.id = d.location_id order by 1, 2`);

describe('sync_ingest is idempotent by (provider, location, work date)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await bindDemo(db);
  });
  afterAll(() => db?.drop());

  it('writes every row the first time and nothing the second time', async () => {
    const months = [dentistMonth('2024-10'), dentistMonth('2024-11')];
    const first = await ingest(db, months);
    expect(first.ok).toBe(true);
    expect(first.months.map((m: any) => [m.month, m.written, m.unchanged, m.deleted, m.rejected, m.figures_written])).toEqual([
      ['2024-10', 30, 0, 0, 0, 2],
      ['2024-11', 30, 0, 0, 0, 2],
    ]);
    const before = await snapshot(db);
    expect(before).toHaveLength(60);

    const second = await ingest(db, months);
    expect(second.months.map((m: any) => [m.month, m.written, m.unchanged, m.deleted, m.rejected, m.figures_written, m.figures_deleted])).toEqual([
      ['2024-10', 0, 30, 0, 0, 0, 0],
      ['2024-11', 0, 30, 0, 0, 0, 0],
    ]);
    expect(second.rows.every((r: any) => r.outcome === 'unchanged')).toBe(true);
    expect(second.months.map((m: any) => m.hash)).toEqual(first.months.map((m: any) => m.hash));
    // Not even a no-op UPDATE: every row version is the one the first call wrote.
    expect(await snapshot(db)).toEqual(before);
  });

  it('a decimal written differently ("1296.5" vs "1296.50") is the same content: unchanged', async () => {
    const m = dentistMonth('2024-11');
    m.rows[0].fields.hours_worked = `${m.rows[0].fields.hours_worked}000`;
    const res = await ingest(db, [m]);
    expect([res.months[0].written, res.months[0].unchanged]).toEqual([0, 30]);
  });

  it('updates exactly the one row whose cell was edited', async () => {
    const before = await snapshot(db);
    const m = dentistMonth('2024-11');
    m.rows[4].fields.verified_production = '-459.08';
    const res = await ingest(db, [m]);
    expect([res.months[0].written, res.months[0].unchanged, res.months[0].deleted]).toEqual([1, 29, 0]);
    expect(res.rows.filter((r: any) => r.outcome === 'written')).toEqual([
      { tab: '2024-11', row: 6, location_code: 'HUMBLE_MAIN', work_date: '2024-11-05', outcome: 'written', reason: null },
    ]);
    const after = await snapshot(db);
    const changed = after.filter((r, i) => r.xmin !== before[i].xmin || r.vp !== before[i].vp);
    expect(changed.map((r) => [r.location_code, r.work_date, r.vp])).toEqual([['HUMBLE_MAIN', '2024-11-05', '-459.08']]);
  });

  it('a moved row (same content, new sheet row number) is rewritten, since its source is part of it', async () => {
    const m = dentistMonth('2024-11');
    m.rows[4].fields.verified_production = '-459.08';
    m.rows[4].source.row = 40;
    const res = await ingest(db, [m]);
    expect([res.months[0].written, res.months[0].unchanged]).toEqual([1, 29]);
  });

  it('deletes the rows of a sent month the sheet no longer has, and only those', async () => {
    const m = dentistMonth('2024-11');
    m.rows[4].fields.verified_production = '-459.08';
    m.rows[4].source.row = 40;
    const gone = m.rows.splice(10, 2);
    const res = await ingest(db, [m]);
    expect([res.months[0].written, res.months[0].unchanged, res.months[0].deleted]).toEqual([0, 28, 2]);
    const left = await sql(db, `select work_date::text as d from public.production_days where work_date between '2024-11-01' and '2024-11-30'`);
    expect(left).toHaveLength(28);
    expect(left.map((r) => r.d)).not.toContain(gone[0].work_date);
    // The month not sent is untouched.
    const [{ n }] = await sql(db, `select count(*)::int as n from public.production_days where work_date between '2024-10-01' and '2024-10-31'`);
    expect(n).toBe(30);
  });

  it('replaces the month figures of a sent month: changed, gone and new ones', async () => {
    const m = dentistMonth('2024-10');
    m.figures = [
      { location_code: null, name: 'monthly_goal', value: '75000' },
      { location_code: 'BAYTOWN_MAIN', name: 'sheet_location_production', value: '10.10' },
    ];
    const res = await ingest(db, [m]);
    expect([res.months[0].figures_written, res.months[0].figures_deleted, res.months[0].figures_rejected]).toEqual([2, 1, []]);
    const figs = await sql(
      db,
      `select coalesce(l.location_code, '') as loc, f.name, f.value::text as value from public.month_figures f
         left join public.locations l on l.id = f.location_id where f.month = '2024-10-01' order by 1, 2`,
    );
    expect(figs).toEqual([
      { loc: '', name: 'monthly_goal', value: '75000' },
      { loc: 'BAYTOWN_MAIN', name: 'sheet_location_production', value: '10.10' },
    ]);
  });

  it('a month sent with no rows empties that month', async () => {
    const res = await ingest(db, [{ provider_code: 'obinna_ezeji', month: '2024-10', rows: [], figures: [] }]);
    expect([res.months[0].deleted, res.months[0].figures_deleted, res.months[0].totals]).toEqual([30, 2, []]);
  });

  it('reports the stored totals per location after the write', async () => {
    const m = dentistMonth('2024-09');
    const res = await ingest(db, [m]);
    const sum = (loc: string, f: 'verified_production' | 'hours_worked') =>
      m.rows.filter((r) => r.location_code === loc).reduce((s, r) => s + Math.round(Number(r.fields[f]) * 100), 0);
    expect(
      res.months[0].totals.map((t: any) => [t.location_code, Math.round(Number(t.verified_production) * 100), Math.round(Number(t.hours_worked) * 100), t.row_count]),
    ).toEqual([
      ['BAYTOWN_MAIN', sum('BAYTOWN_MAIN', 'verified_production'), sum('BAYTOWN_MAIN', 'hours_worked'), 15],
      ['HUMBLE_MAIN', sum('HUMBLE_MAIN', 'verified_production'), sum('HUMBLE_MAIN', 'hours_worked'), 15],
    ]);
  });

  it('stores the row under its natural key only once even when two sheets rows collide across calls', async () => {
    await ingest(db, [{ provider_code: 'obinna_ezeji', month: '2024-08', rows: [day('HUMBLE_MAIN', '2024-08-01', { verified_production: '1' }, { tab: 'Aug-24', row: 2 })], figures: [] }]);
    await ingest(db, [{ provider_code: 'obinna_ezeji', month: '2024-08', rows: [day('HUMBLE_MAIN', '2024-08-01', { verified_production: '2' }, { tab: 'Aug-24', row: 3 })], figures: [] }]);
    const rows = await sql(db, `select verified_production::text as vp, source_row from public.production_days where work_date = '2024-08-01'`);
    expect(rows).toEqual([{ vp: '2', source_row: 3 }]);
  });
});
