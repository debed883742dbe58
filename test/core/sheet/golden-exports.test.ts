// Golden tests on the two real exports: exact rows (hand-checked against the CSVs, negative billing adjustments
// included), month figures, and the sheet's own totals agreeing to the cent.
import { demoDirectory } from '../../../src/core/demo-practice';
import { understandWorkbook } from '../../../src/core/sheet/understand-workbook';
import type { ProductionRow } from '../../../src/core/production';
import { ADRIANE_DEC_23_CSV, OBI_NOV_24_CSV, fixtureGrid, workbook } from './helpers/workbooks';

const obi = () => understandWorkbook(workbook('Dr. Obi - Associate Prodution Tracker', [{ name: 'Nov-24', values: fixtureGrid(OBI_NOV_24_CSV) }]), demoDirectory());
const adriane = () =>
  understandWorkbook(workbook('Hygiene Production Tracker - Adriane', [{ name: 'Dec-23', values: fixtureGrid(ADRIANE_DEC_23_CSV) }]), demoDirectory());

// [day, Humble verified, Baytown verified] as the CSV shows them, canonical decimals.
const OBI_DAYS: [number, string, string][] = [
  [1, '-1296', '1103'], [2, '0', '0'], [3, '0', '0'], [4, '4342', '-349.78'], [5, '3894.8', '0'], [6, '0', '5239'],
  [7, '-118.6', '8329'], [8, '0', '3937'], [9, '0', '0'], [10, '0', '0'], [11, '11348', '-1573.58'], [12, '3025.4', '0'],
  [13, '-1', '2520'], [14, '797.2', '5700'], [15, '-246', '4304'], [16, '0', '3748'], [17, '0', '0'], [18, '4809', '-548.48'],
  [19, '6304', '-418'], [20, '-161', '0'], [21, '-1175.45', '0'], [22, '-4', '0'], [23, '0', '0'], [24, '0', '0'],
  [25, '4689', '-459.08'], [26, '1880', '-3534'], [27, '-413.4', '3896'], [28, '0', '0'], [29, '0', '0'], [30, '0', '0'],
];

function dentistRow(day: number, location: string, verified: string): ProductionRow {
  return {
    provider_code: 'obinna_ezeji',
    location_code: location,
    work_date: `2024-11-${String(day).padStart(2, '0')}`,
    fields: { hours_worked: null, verified_production: verified, estimated_production: null, production_goal: null, variance_ratio: null, bonus: null },
    note: null,
    source: { tab: 'Nov-24', row: day + 1 },
  };
}

describe('golden: Dr. Obi - Associate Prodution Tracker, tab Nov-24', () => {
  it('produces one row per office per date, 0 included, negative adjustments kept', () => {
    const expected = OBI_DAYS.flatMap(([day, humble, baytown]) => [dentistRow(day, 'HUMBLE_MAIN', humble), dentistRow(day, 'BAYTOWN_MAIN', baytown)]);
    expect(obi().months[0].payload.rows).toEqual(expected);
  });

  it('reads 11/01 as Humble -1296 and Baytown 1103, and 11/25 Baytown as -459.08', () => {
    const rows = obi().months[0].payload.rows;
    const at = (date: string, loc: string) => rows.find((r) => r.work_date === date && r.location_code === loc)?.fields.verified_production;
    expect([at('2024-11-01', 'HUMBLE_MAIN'), at('2024-11-01', 'BAYTOWN_MAIN'), at('2024-11-25', 'BAYTOWN_MAIN')]).toEqual(['-1296', '1103', '-459.08']);
  });

  it('carries the first data row summaries as month figures, not day values', () => {
    expect(obi().months[0].payload.figures).toEqual([
      { location_code: null, name: 'sheet_total_production', value: '69567.03' },
      { location_code: 'BAYTOWN_MAIN', name: 'sheet_location_production', value: '31893.08' },
      { location_code: 'HUMBLE_MAIN', name: 'sheet_location_production', value: '37673.95' },
      { location_code: null, name: 'monthly_goal', value: '70000' },
      { location_code: null, name: 'production_per_hour', value: '457.68' },
      { location_code: null, name: 'avg_daily_production', value: '1270.85' },
      { location_code: null, name: 'thirty_percent_production', value: '20870.11' },
    ]);
  });

  it('agrees with the sheet totals to the cent: Humble 37,673.95 + Baytown 31,893.08 = 69,567.03', () => {
    expect(obi().months[0].totals).toEqual([
      { tab: 'Nov-24', month: '2024-11', location_code: null, figure: 'verified_production', sheet_value: '69567.03', rows_value: '69567.03', difference: '0', status: 'agree' },
      { tab: 'Nov-24', month: '2024-11', location_code: 'BAYTOWN_MAIN', figure: 'verified_production', sheet_value: '31893.08', rows_value: '31893.08', difference: '0', status: 'agree' },
      { tab: 'Nov-24', month: '2024-11', location_code: 'HUMBLE_MAIN', figure: 'verified_production', sheet_value: '37673.95', rows_value: '37673.95', difference: '0', status: 'agree' },
    ]);
  });

  it('detects Dr. Obi from the title with high confidence and reports no rejects or skipped rows', () => {
    const u = obi();
    expect(u.provider).toEqual({
      best: { provider_code: 'obinna_ezeji', name: 'Dr. Obinna Ezeji', score: 0.95, matched: 'Dr. Obi' },
      runner_up: null,
      confidence: 'high',
      ambiguous: false,
      source: 'title',
    });
    expect([u.rejects, u.months[0].rejects, u.months[0].skipped]).toEqual([[], [], []]);
    expect(u.tabs[0]).toMatchObject({ tab: 'Nov-24', month: '2024-11', sheet_kind: 'dentist', header_row: 1, row_count: 60, skipped_reason: null });
  });

  it('reports the Over/Under column as informational and maps every other column', () => {
    const columns = obi().tabs[0].columns;
    expect(columns.filter((c) => c.field === null)).toEqual([
      { column: 12, header: 'Over/Under Production goal', field: null, location_code: null, reason: "informational: month-level text ('Under' / 'Over') people read; not a figure" },
    ]);
  });
});

// [day, sheet row, hours, estimated, verified, goal, variance, bonus] hand-copied from the CSV.
const ADRIANE_DAYS: [number, number, string, string, string, string, string, string][] = [
  [4, 3, '5.49', '384.86', '177.12', '779.03', '-0.77', '0'],
  [5, 4, '7.57', '1322.35', '1122.35', '1074.18', '0.04', '7.23'],
  [6, 5, '6.36', '351.37', '351.37', '902.48', '-0.61', '0'],
  [7, 6, '4.52', '445.86', '378.4', '641.39', '-0.41', '0'],
  [11, 7, '8.37', '2220', '2196', '1187.7', '0.85', '151.24'],
  [12, 8, '8.01', '908.54', '908.54', '1136.62', '-0.2', '0'],
  [13, 9, '6.34', '668.9', '634.25', '899.65', '-0.3', '0'],
  [14, 10, '7.55', '1248', '1248', '1071.35', '0.16', '26.5'],
  [18, 11, '4.36', '242', '242', '618.68', '-0.61', '0'],
  [19, 12, '7.09', '719', '593', '1006.07', '-0.41', '0'],
  [20, 13, '8.13', '495', '495', '1153.65', '-0.57', '0'],
  [21, 14, '8.1', '1362.63', '1362', '1149.39', '0.18', '31.89'],
  [27, 15, '8.47', '719', '719', '1201.89', '-0.4', '0'],
  [28, 16, '7.36', '1192.9', '1172', '1044.38', '0.12', '19.14'],
  [29, 17, '7.01', '1253', '888.59', '994.72', '-0.11', '0'],
];

describe('golden: Hygiene Production Tracker - Adriane, tab Dec-23', () => {
  it('finds the header in row 2 below the blank row and produces the exact rows at Baytown', () => {
    const expected: ProductionRow[] = ADRIANE_DAYS.map(([day, row, hours, estimated, verified, goal, variance, bonus]) => ({
      provider_code: 'adriane_fontenot',
      location_code: 'BAYTOWN_MAIN',
      work_date: `2023-12-${String(day).padStart(2, '0')}`,
      fields: { hours_worked: hours, verified_production: verified, estimated_production: estimated, production_goal: goal, variance_ratio: variance, bonus },
      note: null,
      source: { tab: 'Dec-23', row },
    }));
    const u = adriane();
    expect(u.tabs[0].header_row).toBe(2);
    expect(u.months[0].payload.rows).toEqual(expected);
  });

  it('skips the two trailing rows that carry only a UUID, with the reason', () => {
    expect(adriane().months[0].skipped).toEqual([
      { tab: 'Dec-23', row: 18, reason: 'no date: only a row id (an unused template row)' },
      { tab: 'Dec-23', row: 19, reason: 'no date: only a row id (an unused template row)' },
    ]);
  });

  it('agrees with Monthly Production 12,487.62 and Total Hours Worked 104.73', () => {
    expect(adriane().months[0].totals.map((t) => [t.figure, t.sheet_value, t.rows_value, t.status])).toEqual([
      ['verified_production', '12487.62', '12487.62', 'agree'],
      ['hours_worked', '104.73', '104.73', 'agree'],
    ]);
  });

  it('keeps the summary cells as month figures and the emoji column as informational', () => {
    const u = adriane();
    expect(u.months[0].payload.figures.map((f) => [f.name, f.value])).toEqual([
      ['total_bonus', '236'],
      ['total_hours_worked', '104.73'],
      ['monthly_goal', '14861.19'],
      ['sheet_total_production', '12487.62'],
      ['production_per_hour', '119.24'],
      ['multiplier', '2.77'],
      ['avg_daily_production', '832.51'],
      ['avg_daily_production_goal', '990.75'],
      ['avg_hours_worked', '6.98'],
    ]);
    expect(u.tabs[0].columns.filter((c) => c.field === null).map((c) => c.header)).toEqual(['Over/Under Production Goal']);
    expect(u.months[0].rejects).toEqual([]);
  });
});
