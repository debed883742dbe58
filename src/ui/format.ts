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
