import type { PlanMonth } from '../../../src/core/api-contract';
import { monthHash } from '../../../src/core/month-hash';
import { emptyDayFields, type MonthPayload } from '../../../src/core/production';
import { planMonths } from '../../../src/core/sync/plan-months';
import type { MonthUnderstanding, TabUnderstanding } from '../../../src/core/understanding';
import { nodeHasher } from './fakes';

function month(tab: string, ym: string, n: number, production = '10.00'): MonthUnderstanding {
  const payload: MonthPayload = {
    provider_code: 'kia_redfearn',
    month: ym,
    rows: Array.from({ length: n }, (_, i) => ({
      provider_code: 'kia_redfearn',
      location_code: 'HUMBLE_MAIN',
      work_date: `${ym}-${String(i + 1).padStart(2, '0')}`,
      fields: { ...emptyDayFields(), verified_production: production },
      note: null,
      source: { tab, row: i + 2 },
    })),
    figures: [],
  };
  return { tab, payload, skipped: [], rejects: [], totals: [] };
}

const serverHas = (m: MonthUnderstanding, hash = monthHash(m.payload, nodeHasher)): PlanMonth => ({
  provider_code: m.payload.provider_code,
  month: m.payload.month,
  hash,
  row_count: m.payload.rows.length,
});

describe('planMonths', () => {
  test('sends months whose hash differs or that the server lacks, newest first; keeps equal ones', () => {
    const sep = month('Sep-24', '2024-09', 3);
    const oct = month('Oct-24', '2024-10', 4);
    const nov = month('Nov-24', '2024-11', 5);
    const plan = planMonths([sep, oct, nov], [serverHas(sep), serverHas(oct, 'stale-hash')], nodeHasher);
    expect(plan.send.map((p) => [p.tab, p.reason])).toEqual([
      ['Nov-24', 'missing_on_server'],
      ['Oct-24', 'changed'],
    ]);
    expect(plan.unchanged.map((u) => [u.tab, u.row_count])).toEqual([['Sep-24', 3]]);
    expect(plan.orphaned).toEqual([]);
  });

  test('given a server emptied by a reseed, every month is sent whatever was sent before', () => {
    const all = [month('Sep-24', '2024-09', 3), month('Oct-24', '2024-10', 4)];
    expect(planMonths(all, [], nodeHasher).send).toHaveLength(2);
  });

  test('given an empty month tab the server does not have, nothing needs sending', () => {
    const plan = planMonths([month('Dec-24', '2024-12', 0)], [], nodeHasher);
    expect(plan.send).toEqual([]);
    expect(plan.unchanged.map((u) => u.tab)).toEqual(['Dec-24']);
  });

  test('given a month emptied in the sheet that the server still has, it is sent so the server deletes its rows', () => {
    const before = month('Dec-24', '2024-12', 2);
    const plan = planMonths([month('Dec-24', '2024-12', 0)], [serverHas(before)], nodeHasher);
    expect(plan.send.map((p) => p.reason)).toEqual(['changed']);
  });

  test('reports server months the workbook lacks, telling an unreadable tab from a missing one', () => {
    const aug = month('Aug-24', '2024-08', 2);
    const jul = month('Jul-24', '2024-07', 6);
    const tabs: TabUnderstanding[] = [
      { tab: 'Aug-24', sheet_id: 1, month: '2024-08', skipped_reason: 'no header row found', sheet_kind: null, header_row: null, columns: [], row_count: 0 },
    ];
    const plan = planMonths([], [serverHas(jul), serverHas(aug)], nodeHasher, tabs);
    expect(plan.orphaned.map((o) => o.message)).toEqual([
      '2024-07 is in the database (6 rows) but no tab of this workbook holds it (tab deleted or renamed?): the database rows were kept, nothing was deleted.',
      "2024-08 is in the database (2 rows) but tab 'Aug-24' could not be read (no header row found): the database rows were kept.",
    ]);
    expect(plan.send).toEqual([]);
  });
});
