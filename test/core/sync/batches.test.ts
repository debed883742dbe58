import fc from 'fast-check';
import { emptyDayFields, type MonthPayload } from '../../../src/core/production';
import { batchRows, makeBatches, DEFAULT_BATCH_LIMITS } from '../../../src/core/sync/batches';

const month = (id: string, rows: number): { id: string; payload: MonthPayload } => ({
  id,
  payload: {
    provider_code: 'p',
    month: id,
    rows: Array.from({ length: rows }, (_, i) => ({
      provider_code: 'p',
      location_code: 'L',
      work_date: `2024-01-${i}`,
      fields: emptyDayFields(),
      note: null,
      source: { tab: id, row: i },
    })),
    figures: [],
  },
});

describe('makeBatches', () => {
  test('defaults are 12 months and 600 rows per call', () => {
    expect(DEFAULT_BATCH_LIMITS).toEqual({ maxMonths: 12, maxRows: 600 });
  });

  test('a month over the row limit travels alone and whole', () => {
    const batches = makeBatches([month('a', 10), month('b', 900), month('c', 10)], { maxRows: 600 });
    expect(batches.map((b) => b.map((m) => m.id))).toEqual([['a'], ['b'], ['c']]);
    expect(batchRows(batches[1])).toBe(900);
  });

  test('never splits a month, keeps order, and respects both limits unless a single month exceeds the rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 150 }),
        (sizes, maxMonths, maxRows) => {
          const months = sizes.map((n, i) => month(`m${i}`, n));
          const batches = makeBatches(months, { maxMonths, maxRows });
          expect(batches.flat().map((m) => m.id)).toEqual(months.map((m) => m.id));
          for (const b of batches) {
            expect(b.length).toBeGreaterThan(0);
            expect(b.length).toBeLessThanOrEqual(maxMonths);
            if (b.length > 1) expect(batchRows(b)).toBeLessThanOrEqual(maxRows);
            for (const m of b) expect(m.payload.rows).toHaveLength(sizes[Number(m.id.slice(1))]);
          }
        },
      ),
    );
  });
});
