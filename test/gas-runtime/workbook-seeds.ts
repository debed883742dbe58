// Seeds shared by the sheet fake tests, named by scenario. Dates are built with Date.UTC so no test depends on the
// machine's time zone.
import type { SpreadsheetSeed } from '../../tools/gas-runtime';

/** Midnight of a calendar day in America/Chicago (CDT until Nov 3 2024, CST after). */
export const chicagoMidnight = (y: number, m: number, d: number, offsetHours = 5) => new Date(Date.UTC(y, m - 1, d, offsetHours));

export const obiNov24: SpreadsheetSeed = {
  id: 'obi-sheet',
  name: 'Dr. Obi Production 2024',
  timeZone: 'America/Chicago',
  sheets: [
    {
      name: 'Nov-24',
      values: [
        ['Date', 'Humble', 'Baytown', 'Notes', 'Verified'],
        [chicagoMidnight(2024, 11, 1), 1200.5, '', '', true],
        [chicagoMidnight(2024, 11, 4, 6), '', -35, 'adjustment', false],
        [],
        ['Total', '#N/A'],
      ],
    },
    { name: 'Settings', values: [['key', 'value']] },
  ],
};
