// A sheet kind is DATA: which headers mean which field, with explicit look-alike exclusions, which columns hold
// dates, what identifies a row and which cells are month-level summaries. One generic engine (map-columns,
// read-month-tab) reads any definition; a new layout (e.g. location financials, legacy-sync-facts §1.3) is a new
// definition, never new parsing code.
import type { DayField } from '../production';

/**
 * A header matches a rule when every `all` phrase appears as whole words (one typo forgiven in long words) and no
 * `none` phrase does. With `only`, the header may hold nothing besides those phrases, `filler` phrases and (for
 * per-office columns) an office name.
 */
export interface HeaderRule {
  all: string[];
  none?: string[];
  filler?: string[];
  only?: boolean;
}

export type ColumnRole =
  /** The calendar day the row is about: identifies the row; numeric serials here are converted to dates. */
  | { role: 'work_date' }
  /** A day-level value. per_office 'optional': the header may name an office (its amounts go there); 'required':
   *  it must. */
  | { role: 'day_value'; day_field: DayField; parse: 'amount' | 'ratio'; per_office?: 'optional' | 'required' }
  /** Names the office a day was worked at ('Humble Office'). */
  | { role: 'office' }
  | { role: 'note' }
  /** A per-row id the sheet carries (UUID): not synced (rows are keyed by provider, office, date). */
  | { role: 'row_id' }
  /** A month-level summary cell (sits on a data row, usually the first): becomes a MonthFigure, never a day value. */
  | { role: 'month_figure'; figure: string; per_office?: 'required' }
  /** Read by people only (e.g. 'Over/Under Production goal' holding 'Under' or an emoji): reported, not synced. */
  | { role: 'informational'; why: string };

export type ColumnDefinition = ColumnRole & { headers: HeaderRule[] };

/** Compare the sheet's own month figure with the sum of a day field over the month's rows. */
export interface TotalsCheckDefinition {
  day_field: DayField;
  figure: string;
  /** true: one check per office, against the figure carried for that office. */
  per_office: boolean;
}

export interface SheetKindDefinition {
  kind: string;
  /** Directory provider kinds whose sheets use this layout (the provider's kind decides before header scores do). */
  provider_kinds: readonly string[];
  columns: readonly ColumnDefinition[];
  totals_checks: readonly TotalsCheckDefinition[];
}

/** The field name a column maps to in ColumnMapping.field, or null for informational columns. */
export function mappedFieldName(column: ColumnRole): string | null {
  switch (column.role) {
    case 'work_date':
      return 'work_date';
    case 'day_value':
      return column.day_field;
    case 'office':
      return 'location';
    case 'note':
      return 'note';
    case 'row_id':
      return 'row_id';
    case 'month_figure':
      return `month:${column.figure}`;
    case 'informational':
      return null;
  }
}
