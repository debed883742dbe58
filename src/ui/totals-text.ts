// One totals-check record as a line a person reads: the sheet's own figure against the sum of its day rows (or,
// after a sync, against what the database holds), both shown, never smoothed over (DESIGN principle 6).
import type { TotalsCheckRecord } from '../core/api-contract';

const FIGURE_NAMES: Record<string, string> = {
  verified_production: 'production',
  hours_worked: 'hours',
  database_verified_production: 'production in the database',
  database_hours_worked: 'hours in the database',
};

export function totalsLine(t: TotalsCheckRecord): string {
  const where = `${t.tab} ${t.location_code ?? 'all offices'} ${FIGURE_NAMES[t.figure] ?? t.figure}`;
  if (t.status === 'no_summary') return `${where}: rows ${t.rows_value} (the sheet has no total to compare)`;
  if (t.status === 'agree') return `${where}: ${t.rows_value} ✓ matches ${t.sheet_value}`;
  return `${where}: MISMATCH sheet ${t.sheet_value} vs ${t.rows_value} (difference ${t.difference})`;
}
