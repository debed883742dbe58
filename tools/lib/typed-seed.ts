// The legacy CSV exports as a live Google Sheet would hand them to the add-on: getValues() gives numbers for
// amounts (and the fraction behind a percent format), Date objects for dates and strings for text, where a CSV
// download holds only text. npm start and the bundle tests seed the runtime's SpreadsheetApp with these, so the
// add-on runs on typed values as it does in Sheets (DESIGN contract 1), not on the CSV's text.
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Cell } from '../../src/core/cell';
import type { Workbook } from '../../src/core/ports';
import { parseRatioCell } from '../../src/core/sheet/parse-cell';
import { parseDateText } from '../../src/core/sheet/parse-date';
import type { SeedValue, SpreadsheetSeed } from '../gas-runtime';
import { readWorkbookFiles } from './workbook-reader';

// The spec's copy beside the repo when there is one; else the byte-identical copy in the repo, so `npm start` and the
// bundle tests also run from a fresh clone with no ../shared next to it.
const SHARED_EXPORTS = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'legacy-exports');
export const REPO_EXPORTS = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'workbooks');
export const LEGACY_EXPORTS = existsSync(SHARED_EXPORTS) ? SHARED_EXPORTS : REPO_EXPORTS;
export const DEMO_TIME_ZONE = 'America/Chicago'; // the demo clinic's, and the fixtures' spreadsheets'

const DATE_TEXT = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

/** One CSV cell as getValues() would give it: '' for blank, a Date at local noon, a number, or the text. */
export function typedCell(cell: Cell, timeZone: string): SeedValue {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') {
    if (typeof cell === 'object') return 'error' in cell ? cell.error : localNoon(cell.date, timeZone);
    return cell;
  }
  const text = cell.trim();
  if (text === '') return '';
  if (DATE_TEXT.test(text)) {
    const date = parseDateText(text);
    if (date) return localNoon(date, timeZone);
  }
  const number = parseRatioCell(text);
  if (number.ok && number.value !== null) return Number(number.value);
  return cell;
}

/** Noon of a calendar day in the given zone, as an instant: far from midnight, so any zone offset keeps the day. */
export function localNoon(isoDate: string, timeZone: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  const hour = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
  for (let utcHour = 0; utcHour < 24; utcHour++) {
    const at = new Date(Date.UTC(y, m - 1, d, utcHour));
    const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
    if (local === isoDate && Number(hour.format(at)) === 12) return at;
  }
  throw new Error(`no local noon on ${isoDate} in ${timeZone}`);
}

export function typedSeed(workbook: Workbook): SpreadsheetSeed {
  return {
    id: workbook.spreadsheetId,
    name: workbook.title,
    timeZone: workbook.timeZone,
    sheets: workbook.tabs.map((tab) => ({
      name: tab.name,
      sheetId: tab.sheetId,
      values: tab.values.map((row) => row.map((cell) => typedCell(cell, workbook.timeZone))),
    })),
  };
}

/** Every .csv export in the folder as one typed spreadsheet per exported title (its file suffix is the tab). */
export async function typedLegacySeeds(dir = LEGACY_EXPORTS): Promise<SpreadsheetSeed[]> {
  const files = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.csv'))
    .sort()
    .map((name) => path.join(dir, name));
  const { workbooks, errors } = await readWorkbookFiles(files, { timeZone: DEMO_TIME_ZONE });
  if (errors.length > 0) throw new Error(errors.map((e) => `${e.file}: ${e.message}`).join('\n'));
  return workbooks.map(({ workbook }) => typedSeed(workbook));
}
