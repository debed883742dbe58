import type { RowOutcome } from '../../../src/core/api-contract';
import { emptyDayFields, type MonthPayload } from '../../../src/core/production';
import { databaseTotalsCheck } from '../../../src/core/sync/database-totals';
import type { IngestMonthOutcome } from '../../../src/core/sync/sync-api';

const row = (location_code: string, day: number, verified: string, hours: string) => ({
  provider_code: 'obinna_ezeji',
  location_code,
  work_date: `2024-11-${String(day).padStart(2, '0')}`,
  fields: { ...emptyDayFields(), verified_production: verified, hours_worked: hours },
  note: null,
  source: { tab: 'Nov-24', row: day + 1 },
});
const payload: MonthPayload = {
  provider_code: 'obinna_ezeji',
  month: '2024-11',
  rows: [row('HUMBLE_MAIN', 1, '-1296.00', '7.25'), row('HUMBLE_MAIN', 2, '0.10', '0.5'), row('BAYTOWN_MAIN', 1, '1103', '8'), row('BAYTOWN_MAIN', 2, '0.20', '1')],
  figures: [],
};
const outcome = (totals: IngestMonthOutcome['totals']): IngestMonthOutcome => ({
  provider_code: 'obinna_ezeji',
  month: '2024-11',
  hash: 'h',
  written: 4,
  unchanged: 0,
  rejected: 0,
  deleted: 0,
  totals,
  figures_rejected: [],
});

describe('databaseTotalsCheck', () => {
  test('agrees, exactly and in decimal, when the database holds what was sent (0.10 + -1296.00 is -1295.9, not a float)', () => {
    const checks = databaseTotalsCheck([{ tab: 'Nov-24', payload }], [
      outcome([
        { location_code: 'BAYTOWN_MAIN', verified_production: '1103.20', hours_worked: '9.00', row_count: 2 },
        { location_code: 'HUMBLE_MAIN', verified_production: '-1295.90', hours_worked: '7.75', row_count: 2 },
      ]),
    ], []);
    expect(checks.map((c) => [c.location_code, c.figure, c.sheet_value, c.rows_value, c.status])).toEqual([
      ['BAYTOWN_MAIN', 'database_verified_production', '1103.2', '1103.2', 'agree'],
      ['BAYTOWN_MAIN', 'database_hours_worked', '9', '9', 'agree'],
      ['HUMBLE_MAIN', 'database_verified_production', '-1295.9', '-1295.9', 'agree'],
      ['HUMBLE_MAIN', 'database_hours_worked', '7.75', '7.75', 'agree'],
    ]);
  });

  test('leaves out rows the server rejected, and reports a database that still holds an old value with both figures', () => {
    const rejected: RowOutcome[] = [{ tab: 'Nov-24', row: 3, location_code: 'HUMBLE_MAIN', work_date: '2024-11-02', outcome: 'rejected', reason: 'x' }];
    const checks = databaseTotalsCheck([{ tab: 'Nov-24', payload }], [
      outcome([
        { location_code: 'BAYTOWN_MAIN', verified_production: '1103.2', hours_worked: '9', row_count: 2 },
        { location_code: 'HUMBLE_MAIN', verified_production: '-1200', hours_worked: '15.25', row_count: 2 },
      ]),
    ], rejected);
    const humble = checks.filter((c) => c.location_code === 'HUMBLE_MAIN');
    expect(humble).toEqual([
      { tab: 'Nov-24', month: '2024-11', location_code: 'HUMBLE_MAIN', figure: 'database_verified_production', sheet_value: '-1296', rows_value: '-1200', difference: '96', status: 'mismatch' },
      { tab: 'Nov-24', month: '2024-11', location_code: 'HUMBLE_MAIN', figure: 'database_hours_worked', sheet_value: '7.25', rows_value: '15.25', difference: '8', status: 'mismatch' },
    ]);
  });

  test('an office the database has but the sheet no longer sends is checked against zero', () => {
    const checks = databaseTotalsCheck([{ tab: 'Nov-24', payload: { ...payload, rows: payload.rows.filter((r) => r.location_code === 'HUMBLE_MAIN') } }], [
      outcome([{ location_code: 'BAYTOWN_MAIN', verified_production: '5', hours_worked: '0', row_count: 1 }]),
    ], []);
    expect(checks.find((c) => c.location_code === 'BAYTOWN_MAIN' && c.figure === 'database_verified_production')).toMatchObject({ sheet_value: '0', rows_value: '5', status: 'mismatch' });
  });
});
