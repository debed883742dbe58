import type { CandidateRow } from '../../../src/core/sheet/attribute-rows';
import type { FigureReading } from '../../../src/core/sheet/read-month-tab';
import { checkTotals } from '../../../src/core/sheet/totals-check';

const check = [{ day_field: 'verified_production' as const, figure: 'sheet_total_production', per_office: false }];

function row(decimal: string, from_text: boolean, location_code = 'HUMBLE_MAIN'): CandidateRow {
  return {
    location_code,
    work_date: '2024-11-01',
    values: { hours_worked: null, verified_production: { decimal, from_text }, estimated_production: null, production_goal: null, variance_ratio: null, bonus: null },
    note: null,
    sheet_row: 2,
    columns: {},
  };
}

const figure = (decimal: string, from_text: boolean, location_code: string | null = null, name = 'sheet_total_production'): FigureReading => ({
  name,
  location_code,
  value: { decimal, from_text },
  sheet_row: 2,
  column: 'Total Production',
});

describe('checkTotals (contract 9)', () => {
  it('requires typed sources to agree to the cent', () => {
    const [agree] = checkTotals('Nov-24', '2024-11', check, [row('0.1', false), row('0.2', false)], [figure('0.3', false)]);
    const [mismatch] = checkTotals('Nov-24', '2024-11', check, [row('100.004', false), row('100.004', false)], [figure('200', false)]);
    expect([agree.status, mismatch]).toEqual([
      'agree',
      { tab: 'Nov-24', month: '2024-11', location_code: null, figure: 'verified_production', sheet_value: '200', rows_value: '200.008', difference: '0.008', status: 'mismatch' },
    ]);
  });

  it('allows half a cent per summed text cell for values read from text', () => {
    const rows = [row('10.01', true), row('10.01', true)];
    expect(checkTotals('T', '2024-11', check, rows, [figure('20.03', true)])[0].status).toBe('agree'); // 0.01 ≤ 3 × 0.005
    expect(checkTotals('T', '2024-11', check, rows, [figure('20.04', true)])[0].status).toBe('mismatch'); // 0.02 > 0.015
  });

  it('reports no_summary with the rows figure when the sheet carries none', () => {
    expect(checkTotals('T', '2024-11', check, [row('5', true)], [])).toEqual([
      { tab: 'T', month: '2024-11', location_code: null, figure: 'verified_production', sheet_value: null, rows_value: '5', difference: null, status: 'no_summary' },
    ]);
  });

  it('checks each office against its own figure', () => {
    const perOffice = [{ day_field: 'verified_production' as const, figure: 'sheet_location_production', per_office: true }];
    const rows = [row('1', false, 'HUMBLE_MAIN'), row('2', false, 'BAYTOWN_MAIN')];
    const result = checkTotals('T', '2024-11', perOffice, rows, [figure('1', false, 'HUMBLE_MAIN', 'sheet_location_production')]);
    expect(result.map((r) => [r.location_code, r.status])).toEqual([
      ['HUMBLE_MAIN', 'agree'],
      ['BAYTOWN_MAIN', 'no_summary'],
    ]);
  });

  it('flags a mismatching month yet keeps its rows (a mismatch still syncs)', () => {
    // Covered end to end: understandWorkbook leaves rows in the payload whatever the totals status.
    const [r] = checkTotals('T', '2024-11', check, [row('-1296', true)], [figure('69567.03', true)]);
    expect([r.status, r.difference]).toEqual(['mismatch', '-70863.03']);
  });
});
