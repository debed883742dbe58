// The sheet's own arithmetic as a check (contract 9): the sum of the month's day rows against the month summary
// the sheet carries, compared in cents. Typed numbers must agree to the cent; a value read from text (CSV, a
// formatted text cell) was rounded for display, so each such summed cell — and a text summary — may be off by up
// to half a cent. The sum covers every day row the sheet attributes to an office, whether or not the row may be
// written for the provider: this checks the sheet, not the sync.
import type { TotalsCheckRecord } from '../api-contract';
import { addDecimals, subtractDecimals, toScaled, toCents, type ScaledDecimal } from '../decimal';
import type { CandidateRow } from './attribute-rows';
import type { FigureReading } from './read-month-tab';
import type { TotalsCheckDefinition } from './sheet-kind';

function abs(value: ScaledDecimal): ScaledDecimal {
  return { units: value.units < 0n ? -value.units : value.units, scale: value.scale };
}

function withinHalfCents(difference: string, halfCents: number): boolean {
  const d = abs(toScaled(difference));
  // |d| <= halfCents * 0.005  ⇔  |d| * 1000 <= halfCents * 5 * 10^scale
  return d.units * 1000n <= BigInt(halfCents) * 5n * 10n ** BigInt(d.scale);
}

function compare(
  tab: string,
  month: string,
  check: TotalsCheckDefinition,
  location_code: string | null,
  rows: readonly CandidateRow[],
  figure: FigureReading | undefined,
): TotalsCheckRecord {
  const summed = rows.map((r) => r.values[check.day_field]).filter((v): v is NonNullable<typeof v> => v !== null);
  const rowsValue = addDecimals(summed.map((v) => v.decimal));
  if (!figure) {
    return { tab, month, location_code, figure: check.day_field, sheet_value: null, rows_value: rowsValue, difference: null, status: 'no_summary' };
  }
  const sheetValue = figure.value.decimal;
  const difference = subtractDecimals(rowsValue, sheetValue);
  const textCells = summed.filter((v) => v.from_text).length + (figure.value.from_text ? 1 : 0);
  const agree = textCells === 0 ? toCents(rowsValue) === toCents(sheetValue) : withinHalfCents(difference, textCells);
  return { tab, month, location_code, figure: check.day_field, sheet_value: sheetValue, rows_value: rowsValue, difference, status: agree ? 'agree' : 'mismatch' };
}

export function checkTotals(
  tab: string,
  month: string,
  checks: readonly TotalsCheckDefinition[],
  rows: readonly CandidateRow[],
  figures: readonly FigureReading[],
): TotalsCheckRecord[] {
  const records: TotalsCheckRecord[] = [];
  for (const check of checks) {
    if (!check.per_office) {
      records.push(compare(tab, month, check, null, rows, figures.find((f) => f.name === check.figure && f.location_code === null)));
      continue;
    }
    const offices: string[] = [];
    for (const f of figures) if (f.name === check.figure && f.location_code && !offices.includes(f.location_code)) offices.push(f.location_code);
    for (const r of rows) if (r.values[check.day_field] !== null && !offices.includes(r.location_code)) offices.push(r.location_code);
    for (const office of offices) {
      records.push(
        compare(tab, month, check, office, rows.filter((r) => r.location_code === office), figures.find((f) => f.name === check.figure && f.location_code === office)),
      );
    }
  }
  return records;
}
