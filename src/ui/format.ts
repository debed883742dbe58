// Text as cards show it. Card text fields accept a small HTML subset (<b>, <font>, <br>), so text that comes
// from a spreadsheet (titles, tab names) is escaped: a tab called "<b>Q4" must not turn bold or vanish.

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

export function escapeCardText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** 'YYYY-MM' → 'November 2024'. */
export function formatMonth(month: string): string {
  const [year, monthNumber] = month.split('-');
  return `${MONTH_NAMES[Number(monthNumber) - 1]} ${year}`;
}

export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/**
 * A decimal string as money: '-1296.5' → '-$1,296.50'. Exact: read digit by digit, never through floating point
 * (amounts travel as decimal strings, contract 3); more than two fraction digits are rounded half away from zero.
 * Anything that is not a plain decimal is shown as it came.
 */
export function formatMoney(amount: string): string {
  const parts = /^\s*(-?)(\d*)(?:\.(\d*))?\s*$/.exec(amount);
  if (!parts || (parts[2] === '' && !parts[3])) return amount;
  const [, sign, whole, fraction = ''] = parts;
  let cents = BigInt(`${whole || '0'}${fraction.padEnd(2, '0').slice(0, 2)}`);
  if (fraction.length > 2 && Number(fraction[2]) >= 5) cents += 1n;
  const dollars = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (cents % 100n).toString().padStart(2, '0');
  return `${sign && cents !== 0n ? '-' : ''}$${dollars}.${rest}`;
}

/** A decimal string of hours: '104.73' → '104.73 h'. */
export function formatHours(hours: string): string {
  return `${hours} h`;
}
