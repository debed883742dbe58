// Contract 3: rows and months. A row is (provider code, location code, work date) + fields + source.
// Amounts travel as decimal strings (exact cents), dates as YYYY-MM-DD. The unit of sync is a WHOLE month of one
// binding. Month-level figures (goals, the sheet's own totals) are per provider/location/month, never on day rows.

/** Day-level fields, in canonical order (the order the month hash uses; see BEHAVIOR.md "Month content hash"). */
export const DAY_FIELDS = [
  'hours_worked',
  'verified_production',
  'estimated_production',
  'production_goal',
  'variance_ratio', // a fraction: -77% is "-0.77"
  'bonus',
] as const;
export type DayField = (typeof DAY_FIELDS)[number];

/** Decimal strings ("-1296.00", "0.45") or null for a blank cell. 0 is "0", never null. */
export type DayFields = { [K in DayField]: string | null };

export interface RowSource {
  tab: string; // e.g. Nov-24
  row: number; // 1-based sheet row
}

export interface ProductionRow {
  provider_code: string;
  location_code: string;
  work_date: string; // YYYY-MM-DD
  fields: DayFields;
  note: string | null; // free text the sheet carries for the day (e.g. Notes from Billing Department)
  source: RowSource;
}

/** A month-level figure as the sheet carries it: a decimal string. location_code null = all offices. */
export interface MonthFigure {
  location_code: string | null;
  name: string; // e.g. sheet_total_production, sheet_location_production, monthly_goal, total_hours_worked
  value: string;
}

/**
 * An (office, day) row the sheet has but the client could not read (an error cell such as #REF!, an unparseable
 * amount): the server keeps whatever it stores for that key instead of deleting it (BEHAVIOR.md "Unreadable cells
 * keep what is stored"). Never creates or changes a row.
 */
export interface HeldRow {
  location_code: string;
  work_date: string; // YYYY-MM-DD
  reason: string;
}

/** Everything a binding sends for one month: always every row of that month. */
export interface MonthPayload {
  provider_code: string;
  month: string; // YYYY-MM
  rows: ProductionRow[];
  figures: MonthFigure[];
  /** Rows the sheet has but the client could not read: keep what is stored. Absent = none. Not part of the month hash. */
  held?: HeldRow[];
}

export function emptyDayFields(): DayFields {
  return {
    hours_worked: null,
    verified_production: null,
    estimated_production: null,
    production_goal: null,
    variance_ratio: null,
    bonus: null,
  };
}
