// Contract 4: the server's month hash (sync_private.month_canonical_text, SQL) and the client's
// (src/core/month-hash.ts) are computed from the same canonical text, so they agree on the same month.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalMonthText, monthHash } from '../../src/core/month-hash';
import type { MonthPayload, ProductionRow } from '../../src/core/production';
import { createTestDatabase, rpcAs, sql, type TestDatabase } from '../support/db';
import { bindDemo, day, DEMO_TOKEN, ingest, month, SHEET_ID } from '../support/db-payloads';

const nodeHasher = { sha256Hex: (t: string) => createHash('sha256').update(t, 'utf8').digest('hex') };

async function serverText(db: TestDatabase, provider: string, ym: string): Promise<string> {
  const [row] = await sql(db, `select sync_private.month_canonical_text($1, ($2 || '-01')::date) as t`, [provider, ym]);
  return row.t;
}

async function planHash(db: TestDatabase, ym: string): Promise<string | undefined> {
  const plan = await rpcAs(db, 'anon', 'sync_plan', { p_token: DEMO_TOKEN, p_spreadsheet_id: SHEET_ID });
  return plan.months.find((m: { month: string }) => m.month === ym)?.hash;
}

describe('month content hash: SQL and TypeScript agree', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await bindDemo(db);
  });
  afterAll(() => db?.drop());

  it('on a month with awkward decimals, notes and figures', async () => {
    const payload: MonthPayload = month(
      'obinna_ezeji',
      '2024-11',
      [
        day('HUMBLE_MAIN', '2024-11-04', { hours_worked: '0008.500', verified_production: '-1296.00', variance_ratio: '-.77', bonus: '0' }, { tab: 'Nov-24', row: 5 }, { note: 'Said "hi"\n\tback\\slash — ünïcödé 😀' }),
        day('BAYTOWN_MAIN', '2024-11-01', { verified_production: '1103', estimated_production: '-0.00', production_goal: '+12.3400' }, { tab: 'Nov-24', row: 2 }),
        day('HUMBLE_MAIN', '2024-11-02', {}, { tab: 'Nov-24', row: 3 }, { note: '\u0001\u001f\u007f' }),
      ],
      [
        { location_code: 'HUMBLE_MAIN', name: 'sheet_location_production', value: '69567.03' },
        { location_code: null, name: 'monthly_goal', value: '70000.00' },
        { location_code: 'BAYTOWN_MAIN', name: 'sheet_location_production', value: '-0.50' },
      ],
    );
    const res = await ingest(db, [payload]);
    expect(res.ok).toBe(true);
    expect(await serverText(db, 'obinna_ezeji', '2024-11')).toBe(canonicalMonthText(payload));
    expect(res.months[0].hash).toBe(monthHash(payload, nodeHasher));
    expect(await planHash(db, '2024-11')).toBe(monthHash(payload, nodeHasher));
  });

  it('on generated months (property)', async () => {
    const decimal = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^[0-9]{1,7}$/), fc.option(fc.stringMatching(/^[0-9]{0,5}$/), { nil: undefined }))
      .map(([s, i, f]) => (f === undefined ? `${s}${i}` : `${s}${i}.${f}`));
    const field = fc.option(decimal, { nil: null });
    const note = fc.option(fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/\u0000/g, '')), { nil: null });
    const rowArb = fc.record({
      loc: fc.constantFrom('HUMBLE_MAIN', 'BAYTOWN_MAIN'),
      d: fc.integer({ min: 1, max: 28 }),
      fields: fc.tuple(field, field, field, field, field, field),
      note,
      tab: fc.constantFrom('Dec-24', 'Dec 2024', 'Ñov "x"'),
      row: fc.integer({ min: 1, max: 5000 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(rowArb, { selector: (r) => `${r.loc}${r.d}`, maxLength: 8 }), fc.option(decimal, { nil: null }), async (rows, goal) => {
        const payload = month(
          'obinna_ezeji',
          '2024-12',
          rows.map((r): ProductionRow => {
            const [hours_worked, verified_production, estimated_production, production_goal, variance_ratio, bonus] = r.fields;
            return day(r.loc, `2024-12-${String(r.d).padStart(2, '0')}`, { hours_worked, verified_production, estimated_production, production_goal, variance_ratio, bonus }, { tab: r.tab, row: r.row }, { note: r.note });
          }),
          goal === null ? [] : [{ location_code: null, name: 'monthly_goal', value: goal }],
        );
        const res = await ingest(db, [payload]);
        expect(res.ok).toBe(true);
        expect(res.rows.filter((o: { outcome: string }) => o.outcome === 'rejected')).toEqual([]);
        expect(await serverText(db, 'obinna_ezeji', '2024-12')).toBe(canonicalMonthText(payload));
        expect(res.months[0].hash).toBe(monthHash(payload, nodeHasher));
      }),
      { numRuns: 40 },
    );
  });
});
