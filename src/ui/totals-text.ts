// One totals-check record as a line a person reads: the sheet's own figure against the sum of its day rows (or,
// after a sync, against what the database holds), both shown, never smoothed over (DESIGN principle 6). Offices
// by name and amounts as money: the people reading this are practice managers and billing staff.
import type { TotalsCheckRecord } from '../core/api-contract';
import { escapeCardText, formatHours, formatMoney } from './format';

/** Office code → the name people use ('BAYTOWN_MAIN' → 'Baytown'); unknown codes stay as they are. */
export type OfficeNames = Readonly<Record<string, string>>;

interface FigureText {
  what: string;
  /** What the sheet's figure is compared with, and the words when they agree. */
  sheet: string;
  against: string;
  agree: string;
  value: (decimal: string) => string;
}

const DAY_ROWS = { sheet: "sheet's total", against: 'day rows', agree: "day rows match the sheet's total" };
const DATABASE = { sheet: 'sheet', against: 'database', agree: 'the database matches the sheet' };

const FIGURES: Record<string, FigureText> = {
  verified_production: { what: 'production', ...DAY_ROWS, value: formatMoney },
  hours_worked: { what: 'hours', ...DAY_ROWS, value: formatHours },
  database_verified_production: { what: 'production in the database', ...DATABASE, value: formatMoney },
  database_hours_worked: { what: 'hours in the database', ...DATABASE, value: formatHours },
};

export function officeName(names: OfficeNames, code: string | null): string {
  return code === null ? 'all offices' : names[code] ?? code;
}

/** Whether a check needs the reader's attention: a card shows those lines flagged. */
export function isMismatch(t: TotalsCheckRecord): boolean {
  return t.status === 'mismatch';
}

export function totalsLine(t: TotalsCheckRecord, names: OfficeNames = {}): string {
  const figure = FIGURES[t.figure] ?? { what: t.figure, ...DAY_ROWS, value: (v: string) => v };
  const where = `${t.tab} · ${officeName(names, t.location_code)} · ${figure.what}`;
  if (t.status === 'no_summary') return `${where} ${figure.value(t.rows_value)} — the sheet has no total to compare`;
  if (t.status === 'agree') return `✓ ${where} ${figure.value(t.rows_value)} — ${figure.agree}`;
  const difference = t.difference === null ? '' : `, difference ${t.difference.startsWith('-') ? '' : '+'}${figure.value(t.difference)}`;
  return `⚠ ${where} does not match: ${figure.sheet} ${figure.value(t.sheet_value ?? '')}, ${figure.against} ${figure.value(t.rows_value)}${difference}`;
}

/** Totals-check lines for a card's text paragraph: one line per figure, mismatches in red. */
export function totalsParagraph(checks: readonly TotalsCheckRecord[], names: OfficeNames, max = 60): string {
  const lines = checks.slice(0, max).map((t) => {
    const line = escapeCardText(totalsLine(t, names));
    return isMismatch(t) ? `<font color="#b3261e"><b>${line}</b></font>` : line;
  });
  if (checks.length > max) lines.push(`…and ${checks.length - max} more`);
  return lines.join('<br>');
}
