// Contract 4: month content hash = SHA-256 of a canonical JSON of the month's rows and figures, computed by the
// server in SQL (sync_private.month_canonical_text) and by the client through the Hasher port. The canonical form
// is written down in BEHAVIOR.md "Month content hash"; change both sides together, on purpose.
import type { Hasher } from './ports';
import { DAY_FIELDS, type MonthPayload } from './production';

/** "0001296.500" → "1296.5", "-0.00" → "0", ".77" → "0.77": what PostgreSQL's trim_scale(numeric)::text prints. */
export function canonicalDecimal(value: string): string {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(value);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) throw new Error(`not a decimal: ${JSON.stringify(value)}`);
  const intPart = m[2].replace(/^0+/, '') || '0';
  const fracPart = (m[3] ?? '').replace(/0+$/, '');
  const digits = fracPart ? `${intPart}.${fracPart}` : intPart;
  const isZero = /^0(\.0*)?$/.test(digits);
  return m[1] === '-' && !isZero ? `-${digits}` : digits;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The exact text that is hashed. Compact JSON; rows by (location_code, work_date); figures by (location_code or '', name). */
export function canonicalMonthText(month: MonthPayload): string {
  const rows = [...month.rows]
    .sort((a, b) => byCodeUnits(a.location_code, b.location_code) || byCodeUnits(a.work_date, b.work_date))
    .map((r) => [
      r.location_code,
      r.work_date,
      ...DAY_FIELDS.map((f) => (r.fields[f] === null ? null : canonicalDecimal(r.fields[f] as string))),
      r.note,
      r.source.tab,
      r.source.row,
    ]);
  const figures = [...month.figures]
    .sort((a, b) => byCodeUnits(a.location_code ?? '', b.location_code ?? '') || byCodeUnits(a.name, b.name))
    .map((f) => [f.location_code ?? '', f.name, canonicalDecimal(f.value)]);
  return JSON.stringify({ v: 1, provider: month.provider_code, month: month.month, rows, figures });
}

export function monthHash(month: MonthPayload, hasher: Hasher): string {
  return hasher.sha256Hex(canonicalMonthText(month));
}
