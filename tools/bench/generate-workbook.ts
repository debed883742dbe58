// Synthetic data for the benchmarks: a dentist workbook in the Obi export's layout (one tab per month, one row per
// day, production at BOTH offices every day, the month summaries on the first data row), and whole-month ingest
// payloads of the same shape (~60 rows per dentist month). Deterministic: the same arguments give the same data.
import type { Cell, Grid } from '../../src/core/cell';
import { emptyDayFields, type MonthPayload, type ProductionRow } from '../../src/core/production';
import type { Workbook } from '../../src/core/ports';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const DENTIST_EXPORT_HEADER = [
  'Date',
  'Enter your hours worked',
  'Verified Production (Billing Department Only) Humble',
  'Verified Production (Billing Department Only) Baytown',
  'Location',
  'Notes from Billing Department',
  'Total Production',
  'Baytown Production',
  'Humble Production',
  'Monthly Production Goal (Both Offices)',
  'UUID',
];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Signed cents, some negative (billing adjustments), from a cheap deterministic mix. */
function cents(seed: number): number {
  const v = (seed * 7919 + 104729) % 250_000;
  return seed % 11 === 0 ? -v : v;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function monthTabGrid(year: number, month: number, seed = 0): Grid {
  const days = daysIn(year, month);
  const rows: Cell[][] = [];
  let humble = 0;
  let baytown = 0;
  for (let d = 1; d <= days; d++) {
    const h = cents(seed + year * 1000 + month * 40 + d);
    const b = cents(seed + year * 1000 + month * 40 + d + 17);
    humble += h;
    baytown += b;
    rows.push([
      { date: `${year}-${pad(month)}-${pad(d)}` },
      6 + (d % 5) * 0.5,
      h / 100,
      b / 100,
      d % 2 ? 'Humble Office' : 'Baytown Office',
      d % 7 === 0 ? 'adjusted by billing' : null,
      null,
      null,
      null,
      null,
      `${year}${pad(month)}${pad(d)}-0000-4000-8000-${String(seed).padStart(12, '0')}`,
    ]);
  }
  // Month summaries sit on the first data row, as in the real export.
  rows[0][6] = (humble + baytown) / 100;
  rows[0][7] = baytown / 100;
  rows[0][8] = humble / 100;
  rows[0][9] = 70000;
  return [DENTIST_EXPORT_HEADER, ...rows];
}

/** `years` × 12 month tabs ('Jan-20' …), 28–31 day rows each, two offices per day. */
export function largeDentistWorkbook(years: number, firstYear = 2020): Workbook {
  const tabs = [];
  for (let y = firstYear; y < firstYear + years; y++) {
    for (let m = 1; m <= 12; m++) tabs.push({ name: `${MONTHS[m - 1]}-${String(y).slice(2)}`, sheetId: tabs.length + 1, values: monthTabGrid(y, m) });
  }
  return { spreadsheetId: `bench:large-${years}y`, title: 'Dr. Obi - Associate Production Tracker', timeZone: 'America/Chicago', tabs };
}

/** One whole dentist month for sync_ingest: both offices every day (~60 rows). `variant` changes every amount. */
export function dentistMonthPayload(provider_code: string, year: number, month: number, variant = 0): MonthPayload {
  const rows: ProductionRow[] = [];
  const ym = `${year}-${pad(month)}`;
  for (let d = 1; d <= daysIn(year, month); d++) {
    for (const [i, location_code] of ['HUMBLE_MAIN', 'BAYTOWN_MAIN'].entries()) {
      const c = cents(variant * 7 + year * 1000 + month * 40 + d + i * 17);
      rows.push({
        provider_code,
        location_code,
        work_date: `${ym}-${pad(d)}`,
        fields: { ...emptyDayFields(), hours_worked: i === 0 ? String(6 + (d % 5) * 0.5) : null, verified_production: (c / 100).toFixed(2) },
        note: d % 7 === 0 ? 'adjusted by billing' : null,
        source: { tab: `${MONTHS[month - 1]}-${String(year).slice(2)}`, row: d + 1 },
      });
    }
  }
  return { provider_code, month: ym, rows, figures: [{ location_code: null, name: 'monthly_goal', value: '70000' }] };
}
