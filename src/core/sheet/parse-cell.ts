// One parser for every value cell (legacy-sync-facts §1.4 lists how three copies of this disagreed). Never throws:
// each call answers a value (null = blank) or the reason the cell cannot be read.
import { isDateCell, isErrorCell, SHEET_ERROR_VALUES, type Cell } from '../cell';
import { numberToDecimal, shiftDecimal } from '../decimal';
import { canonicalDecimal } from '../month-hash';

export type CellReading<T> = { ok: true; value: T | null } | { ok: false; reason: string };

const blank = <T>(): CellReading<T> => ({ ok: true, value: null });
const value = <T>(v: T): CellReading<T> => ({ ok: true, value: v });
const failure = <T>(reason: string): CellReading<T> => ({ ok: false, reason });

/** The cell as text, for reject records and reports. */
export function rawCellText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (isDateCell(cell)) return cell.date;
  if (isErrorCell(cell)) return cell.error;
  return safeJson(cell);
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

export function isBlankCell(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

const SHEET_ERROR_TEXT = new Set<string>(SHEET_ERROR_VALUES);

function sheetErrorIn(text: string): string | null {
  const t = text.trim().toUpperCase();
  return SHEET_ERROR_TEXT.has(t) || /^#[A-Z0-9/]+[!?]?$/.test(t) ? text.trim() : null;
}

const PLAIN_NUMBER = /^(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?|\.(\d+))$/;

/** Reads '$1,234.56', ' $ 384.86 ', '-$459.08', '$-459.08', '(123.45)', '-1,296.00', '.5' as an exact decimal. */
function readNumberText(text: string): { decimal: string; percent: boolean } | { reason: string } {
  let t = text.replace(/[\s\u00a0\u202f]+/g, '');
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(t);
  if (parenthesised) {
    negative = true;
    t = parenthesised[1];
  }
  let percent = false;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1);
  }
  let sign = '';
  const signMatch = /^([+-]?)\$?([+-]?)/.exec(t) as RegExpExecArray;
  if (signMatch[1] && signMatch[2]) return { reason: 'not a number' };
  sign = signMatch[1] || signMatch[2];
  t = t.slice(signMatch[0].length);
  if (sign && negative) return { reason: 'not a number' };
  // Accounting format shows zero as "$ -".
  if (t === '' && sign === '-' && !percent && !negative) return { decimal: '0', percent: false };
  const m = PLAIN_NUMBER.exec(t);
  if (!m) return { reason: 'not a number' };
  const digits = m[3] !== undefined ? `0.${m[3]}` : `${m[1].replace(/,/g, '')}${m[2] !== undefined ? `.${m[2]}` : ''}`;
  const isNegative = negative || sign === '-';
  return { decimal: canonicalDecimal(isNegative ? `-${digits}` : digits), percent };
}

type NumberText = ReturnType<typeof readNumberText>;

/**
 * What amounts and ratios read alike: blank, a typed number, a non-number cell, a sheet error. Text that is none of
 * these goes to `fromText`, read as a number, with the trimmed text quoted for its failure sentences.
 */
function parseNumericCell(cell: Cell, fromText: (read: NumberText, quoted: string) => CellReading<string>): CellReading<string> {
  if (isBlankCell(cell)) return blank();
  if (typeof cell === 'number') {
    const decimal = numberToDecimal(cell);
    return decimal === null ? failure(`not a finite number (${cell})`) : value(decimal);
  }
  if (typeof cell === 'boolean') return failure(`a checkbox/boolean (${cell ? 'TRUE' : 'FALSE'}) where a number is expected`);
  if (isDateCell(cell)) return failure(`a date (${cell.date}) where a number is expected`);
  if (isErrorCell(cell)) return failure(`the sheet shows an error (${cell.error})`);
  if (typeof cell === 'object' && cell !== null) return failure('an unrecognised cell value');
  const text = String(cell);
  const sheetError = sheetErrorIn(text);
  if (sheetError) return failure(`the sheet shows an error (${sheetError})`);
  return fromText(readNumberText(text), JSON.stringify(text.trim()));
}

/** Amounts and hours: blank is null, 0 is "0", negatives (billing adjustments) are data. */
export function parseAmountCell(cell: Cell): CellReading<string> {
  return parseNumericCell(cell, (read, quoted) => {
    if ('reason' in read) return failure(`not a number: ${quoted}`);
    if (read.percent) return failure(`a percentage where an amount is expected: ${quoted}`);
    return value(read.decimal);
  });
}

/**
 * Ratios (variance): a fraction. Text with '%' is percent points ('-77%' → '-0.77'); a typed number is already the
 * fraction Sheets stores behind a percent format (-0.77 → '-0.77'); text without '%' is taken as written.
 */
export function parseRatioCell(cell: Cell): CellReading<string> {
  return parseNumericCell(cell, (read, quoted) => {
    if ('reason' in read) return failure(`not a number or percentage: ${quoted}`);
    return value(read.percent ? shiftDecimal(read.decimal, -2) : read.decimal);
  });
}

/** Free text (notes, office names): trimmed; blank is null. */
export function parseTextCell(cell: Cell): CellReading<string> {
  if (isBlankCell(cell)) return blank();
  if (isErrorCell(cell)) return failure(`the sheet shows an error (${cell.error})`);
  if (typeof cell === 'string') {
    const sheetError = sheetErrorIn(cell);
    if (sheetError) return failure(`the sheet shows an error (${sheetError})`);
    return value(cell.trim());
  }
  return value(rawCellText(cell) as string);
}
