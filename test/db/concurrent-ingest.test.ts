// Two writers of the same months at once (two devices, a trigger and a click) queue on the month and never
// duplicate a day: the natural key and the per-month lock decide.
import { createTestDatabase, sql, type TestDatabase } from '../support/db';
import { bindDemo, dentistMonth, ingest } from '../support/db-payloads';

describe('concurrent ingests of the same months', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await bindDemo(db);
  });
  afterAll(() => db?.drop());

  it('store each day once and agree on the outcome', async () => {
    const months = [dentistMonth('2024-06'), dentistMonth('2024-07')];
    const results = await Promise.all([ingest(db, months), ingest(db, months), ingest(db, months)]);
    expect(results.every((r) => r.ok)).toBe(true);
    const written = results.map((r) => r.months.reduce((n: number, m: any) => n + m.written, 0)).sort((a, b) => a - b);
    expect(written).toEqual([0, 0, 60]);
    const [{ n, keys }] = await sql(db, 'select count(*)::int as n, count(distinct (provider_id, location_id, work_date))::int as keys from public.production_days');
    expect([n, keys]).toEqual([60, 60]);
  });

  it('do not deadlock when two calls send the same months in opposite orders', async () => {
    for (let i = 0; i < 5; i++) {
      const a = [dentistMonth('2024-04'), dentistMonth('2024-05')];
      a[0].rows[0].fields.bonus = String(i);
      const b = [dentistMonth('2024-05'), dentistMonth('2024-04')];
      b[0].rows[0].fields.bonus = String(i);
      const results = await Promise.all([ingest(db, a), ingest(db, b)]);
      expect(results.map((r) => r.ok)).toEqual([true, true]);
    }
    const [{ n }] = await sql(db, `select count(*)::int as n from public.production_days where work_date between '2024-04-01' and '2024-05-31'`);
    expect(n).toBe(60);
  });
});
