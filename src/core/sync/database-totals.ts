// DESIGN principle 6, second half: after a sync, the database's own totals (sync_ingest's per-office month
// totals) are checked against the rows the sheet sent for those months. A mismatch is reported with both
// figures, never smoothed over: it means the database holds something the sheet does not say (e.g. the old value
// of a row the server rejected this time).
import type { RowOutcome, TotalsCheckRecord } from '../api-contract';
import type { MonthPayload } from '../production';
import type { IngestMonthOutcome } from './sync-api';

const SCALE = 6; // hours and amounts carry at most a few decimals; 6 keeps every sum exact

function toScaled(value: string): bigint {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(value);
  if (!m) throw new Error(`not a decimal: ${JSON.stringify(value)}`);
  const frac = (m[3] ?? '').padEnd(SCALE, '0').slice(0, SCALE);
  const n = BigInt(`${m[2] || '0'}${frac}`);
  return m[1] === '-' ? -n : n;
}

function fromScaled(n: bigint): string {
  const negative = n < BigInt(0);
  const digits = (negative ? -n : n).toString().padStart(SCALE + 1, '0');
  const int = digits.slice(0, -SCALE);
  const frac = digits.slice(-SCALE).replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

const FIGURES = ['verified_production', 'hours_worked'] as const;

export function databaseTotalsCheck(
  sent: readonly { tab: string; payload: MonthPayload }[],
  outcomes: readonly IngestMonthOutcome[],
  rows: readonly RowOutcome[],
): TotalsCheckRecord[] {
  const rejected = new Set(rows.filter((r) => r.outcome === 'rejected').map((r) => `${r.tab}|${r.row}|${r.location_code}|${r.work_date}`));
  const out: TotalsCheckRecord[] = [];
  for (const m of sent) {
    const o = outcomes.find((x) => x.provider_code === m.payload.provider_code && x.month === m.payload.month);
    if (!o) continue;
    const kept = m.payload.rows.filter((r) => !rejected.has(`${r.source.tab}|${r.source.row}|${r.location_code}|${r.work_date}`));
    const locations = [...new Set([...kept.map((r) => r.location_code), ...o.totals.map((t) => t.location_code)])].sort();
    for (const location of locations) {
      const db = o.totals.find((t) => t.location_code === location);
      for (const figure of FIGURES) {
        const sheet = kept.filter((r) => r.location_code === location).reduce((sum, r) => sum + toScaled(r.fields[figure] ?? '0'), BigInt(0));
        const stored = toScaled(db ? db[figure] : '0');
        out.push({
          tab: m.tab,
          month: m.payload.month,
          location_code: location,
          figure: `database_${figure}`,
          sheet_value: fromScaled(sheet),
          rows_value: fromScaled(stored),
          difference: fromScaled(stored - sheet),
          status: stored === sheet ? 'agree' : 'mismatch',
        });
      }
    }
  }
  return out;
}
