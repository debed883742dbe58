// Dates without a time-zone shift (F18). Adapters already hand over calendar dates ({date}) in the spreadsheet's
// time zone; serial numbers (batchGet SERIAL_NUMBER, number-formatted cells) count days from 1899-12-30 in the
// spreadsheet's own wall-clock time, so their whole part IS the local calendar day — no zone arithmetic, and a
// time-of-day fraction never moves the date. Text is read as the calendar date it spells; ISO text is never
// parsed as UTC midnight (the legacy off-by-one).
import { isDateCell, isErrorCell, type Cell } from '../cell';
import { isBlankCell, type CellReading } from './parse-cell';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11,
  december: 12,
};

function daysInMonth(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function calendarDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const SERIAL_EPOCH_UTC_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** Days since 1899-12-30 (the fraction is time of day) → 'YYYY-MM-DD', or null outside 1900..2100. */
export function serialToDate(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const d = new Date(SERIAL_EPOCH_UTC_MS + Math.floor(serial) * MS_PER_DAY);
  return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** '11/01/2024', '12/4/2023', '12/4/23' (US month first), '2024-11-01' (optionally with a time), '4-Dec-2023',
 *  'Dec 4, 2023', 'Monday, December 4, 2023'. */
export function parseDateText(input: string): string | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ][\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (m) return calendarDate(fullYear(m[3]), Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[- ]([a-z]+)\.?[- ,]+(\d{4}|\d{2})$/.exec(text);
  if (m && MONTHS[m[2]]) return calendarDate(fullYear(m[3]), MONTHS[m[2]], Number(m[1]));
  m = /^(?:[a-z]+,? )?([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text);
  if (m && MONTHS[m[1]]) return calendarDate(Number(m[3]), MONTHS[m[1]], Number(m[2]));
  return null;
}

export function parseDateCell(cell: Cell): CellReading<string> {
  if (isBlankCell(cell)) return { ok: true, value: null };
  if (isDateCell(cell)) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell.date);
    const date = m ? calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    return date ? { ok: true, value: date } : { ok: false, reason: `not a calendar date: ${JSON.stringify(cell.date)}` };
  }
  if (typeof cell === 'number') {
    const date = serialToDate(cell);
    return date ? { ok: true, value: date } : { ok: false, reason: `serial number ${cell} is not a date between 1900 and 2100` };
  }
  if (isErrorCell(cell)) return { ok: false, reason: `the sheet shows an error (${cell.error})` };
  if (typeof cell === 'string') {
    const date = parseDateText(cell);
    return date ? { ok: true, value: date } : { ok: false, reason: `not a date: ${JSON.stringify(cell.trim())}` };
  }
  return { ok: false, reason: 'not a date' };
}
