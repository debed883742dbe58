// Builders for in-memory workbooks and the fixture exports, shared by the sheet-engine tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Grid } from '../../../../src/core/cell';
import type { Workbook } from '../../../../src/core/ports';
import { csvToGrid } from '../../../../tools/lib/workbook-reader-csv';

export const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'workbooks');
export const OBI_NOV_24_CSV = join(FIXTURES, 'Dr. Obi - Associate Prodution Tracker - Nov-24.csv');
export const ADRIANE_DEC_23_CSV = join(FIXTURES, 'Hygiene Production Tracker - Adriane - Dec-23.csv');

export function fixtureGrid(path: string): Grid {
  return csvToGrid(readFileSync(path, 'utf8'));
}

export function workbook(title: string, tabs: { name: string; values: Grid }[], timeZone = 'America/Chicago'): Workbook {
  return { spreadsheetId: `test:${title}`, title, timeZone, tabs: tabs.map((t, i) => ({ name: t.name, sheetId: i + 1, values: t.values })) };
}

export const DENTIST_HEADER = [
  'Date',
  'Enter your hours worked',
  'Verified Production (Billing Department Only) Humble',
  'Verified Production (Billing Department Only) Baytown',
  'Location',
  'Notes from Billing Department',
  'Total Production',
  'Baytown Production',
  'Humble Production',
  'UUID',
];

export const HYGIENE_HEADER = ['Date', 'Hours Worked', 'Estimated Production', 'Verified Production', 'Production goal', 'Variance', 'Bonus', 'Total Hours Worked', 'Monthly Production', 'UUID'];
