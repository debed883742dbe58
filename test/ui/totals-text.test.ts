import type { TotalsCheckRecord } from '../../src/core/api-contract';
import { totalsLine, totalsParagraph } from '../../src/ui/totals-text';

const names = { HUMBLE_MAIN: 'Humble', BAYTOWN_MAIN: 'Baytown' };
const check = (over: Partial<TotalsCheckRecord>): TotalsCheckRecord => ({
  tab: 'Nov-24',
  month: '2024-11',
  location_code: 'HUMBLE_MAIN',
  figure: 'verified_production',
  sheet_value: '37673.95',
  rows_value: '37673.95',
  difference: '0',
  status: 'agree',
  ...over,
});

describe('totalsLine', () => {
  test('given an agreeing office total, then it names the office and shows the amount as money', () => {
    expect(totalsLine(check({}), names)).toBe("✓ Nov-24 · Humble · production $37,673.95 — day rows match the sheet's total");
  });

  test('given a mismatch, then both figures and the signed difference are shown', () => {
    expect(totalsLine(check({ rows_value: '37732.45', difference: '58.5', status: 'mismatch' }), names)).toBe(
      "⚠ Nov-24 · Humble · production does not match: sheet's total $37,673.95, day rows $37,732.45, difference +$58.50",
    );
    expect(totalsLine(check({ figure: 'database_hours_worked', location_code: null, sheet_value: '104.73', rows_value: '100', difference: '-4.73', status: 'mismatch' }), names)).toBe(
      '⚠ Nov-24 · all offices · hours in the database does not match: sheet 104.73 h, database 100 h, difference -4.73 h',
    );
  });

  test('given no total in the sheet, then the day rows alone are shown', () => {
    expect(totalsLine(check({ figure: 'hours_worked', sheet_value: null, rows_value: '12.5', difference: null, status: 'no_summary' }), names)).toBe(
      'Nov-24 · Humble · hours 12.5 h — the sheet has no total to compare',
    );
  });

  test('given an office the names do not know, then its code is shown', () => {
    expect(totalsLine(check({ location_code: 'PASADENA' }), names)).toContain('· PASADENA ·');
  });
});

test('totalsParagraph puts one figure per line and flags mismatches in red', () => {
  const text = totalsParagraph([check({}), check({ location_code: 'BAYTOWN_MAIN', status: 'mismatch', rows_value: '1', difference: '-37672.95' })], names);
  expect(text.split('<br>')).toEqual([
    "✓ Nov-24 · Humble · production $37,673.95 — day rows match the sheet's total",
    "<font color=\"#b3261e\"><b>⚠ Nov-24 · Baytown · production does not match: sheet's total $37,673.95, day rows $1.00, difference -$37,672.95</b></font>",
  ]);
});
