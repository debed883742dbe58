// One seeded workbook for both sheet sources (DESIGN "Reading the sheet"): Date cells in America/Chicago (one with a
// time of day, one on the DST change day), a time-of-day cell, numbers (negative adjustment, zero), booleans,
// error strings, blanks inside and at the ends of rows, ragged rows, a tab name that must be quoted, an empty tab.
import { offsetMinutes } from '../../tools/gas-runtime/time-zone';
import type { SpreadsheetSeed } from '../../tools/gas-runtime';

export const TIME_ZONE = 'America/Chicago';

/** The instant a Sheets cell holding that wall-clock time in Chicago stands for. */
export function chicago(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset on either side of a DST change.
  let at = wall - offsetMinutes(wall, TIME_ZONE) * 60000;
  at = wall - offsetMinutes(at, TIME_ZONE) * 60000;
  return new Date(at);
}

export const WORKBOOK: SpreadsheetSeed = {
  id: '1ObiProductionSheet',
  name: 'Dr. Obi Production 2024',
  timeZone: TIME_ZONE,
  sheets: [
    {
      name: 'Nov-24',
      sheetId: 101,
      values: [
        ['Dr. Obi — November 2024'],
        ['Date', 'Hours Worked', 'Humble', 'Baytown', 'Location', 'Notes'],
        [chicago(2024, 11, 1), 8, 1520.5, '', 'Humble Office', ''],
        [chicago(2024, 11, 4), 7.5, '', 980, 'Baytown Office', 'ok'],
        [chicago(2024, 11, 5, 17, 45), '#N/A', -45.25, '#REF!', '', ''],
        ['', '', '', '', '', ''],
        [chicago(2024, 11, 30), chicago(1899, 12, 30, 8, 30), '#DIV/0!', 0, '', 'late entry'],
        ['Total', '', 1475.25, 980],
      ],
    },
    {
      name: "Mar '24",
      sheetId: 102,
      values: [
        ['Date', 'Hours Worked', 'Humble', 'Baytown', 'Location', 'Notes'],
        [chicago(2024, 3, 10), 6, 700, '', 'Humble Office', ''],
        [chicago(2024, 3, 10, 23, 30), true, false, '#VALUE!', '', ''],
        [chicago(2024, 3, 11), '', '', '', '', ''],
      ],
    },
    { name: 'Notes', sheetId: 103, values: [] },
  ],
};

export const DATE_COLUMN = 0;
