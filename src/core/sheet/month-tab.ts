// Which tabs are month tabs, and which month each means. The legacy scripts accepted any three letters
// (`Log-25` became a month) and rejected real months written differently (`Sept-24`, `November 2024`,
// `Nov-2024`, stray spaces): legacy-sync-facts §1.1. Here a tab is a month only when it names a real month.

export type MonthTabResult = { month: string } | { skip: string };

const MONTH_NAMES: Record<string, number> = {
  jan: 1, january: 1,
  feb: 2, february: 2,
  mar: 3, march: 3,
  apr: 4, april: 4,
  may: 5,
  jun: 6, june: 6,
  jul: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
};

// Month word, optional separator (space, dash, slash, dot, underscore, comma, apostrophe), 2- or 4-digit year.
const MONTH_TAB = /^([a-z]+)\.?\s*[-/_,.' ]?\s*'?(\d{2}|\d{4})$/;

export function parseMonthTab(name: string): MonthTabResult {
  const text = String(name ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  if (text === '') return { skip: 'empty tab name' };
  if (/\blog\b|sync[- ]?log|-log$/.test(text)) return { skip: 'log tab' };
  const m = MONTH_TAB.exec(text);
  if (!m) return { skip: 'not a month tab (expected a month name and year, e.g. Nov-24 or November 2024)' };
  const monthNumber = MONTH_NAMES[m[1]];
  if (monthNumber === undefined) return { skip: `not a month tab: '${m[1]}' is not a month name` };
  const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  if (year < 1990 || year > 2100) return { skip: `not a month tab: year ${year} is out of range` };
  return { month: `${year}-${String(monthNumber).padStart(2, '0')}` };
}

export function isMonthTab(result: MonthTabResult): result is { month: string } {
  return 'month' in result;
}
