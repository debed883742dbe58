// The hygiene production tracker (legacy-sync-facts §1.2): a blank row above the header, padded headers, no office
// column (rows go to the binding's office), month summaries on the first data row.
import type { SheetKindDefinition } from '../sheet-kind';

export const HYGIENIST_SHEET_KIND: SheetKindDefinition = {
  kind: 'hygienist',
  provider_kinds: ['hygienist'],
  columns: [
    { role: 'work_date', headers: [{ all: ['date'], none: ['updated', 'last'] }] },
    { role: 'day_value', day_field: 'hours_worked', parse: 'amount', headers: [{ all: ['hours worked'], none: ['average', 'total', 'monthly'] }] },
    {
      role: 'day_value',
      day_field: 'estimated_production',
      parse: 'amount',
      headers: [{ all: ['estimated production'], none: ['total', 'monthly', 'average'] }],
    },
    {
      role: 'day_value',
      day_field: 'verified_production',
      parse: 'amount',
      per_office: 'optional',
      headers: [{ all: ['verified production'], none: ['total', 'monthly', 'average'], filler: ['billing', 'department', 'only'] }],
    },
    {
      role: 'day_value',
      day_field: 'production_goal',
      parse: 'amount',
      headers: [{ all: ['production goal'], none: ['over', 'under', 'total', 'monthly', 'average', 'daily'] }],
    },
    { role: 'day_value', day_field: 'variance_ratio', parse: 'ratio', headers: [{ all: ['variance'], none: ['amount', 'value'] }] },
    { role: 'day_value', day_field: 'bonus', parse: 'amount', headers: [{ all: ['bonus'], none: ['total'] }] },
    { role: 'note', headers: [{ all: ['notes'] }, { all: ['note'] }, { all: ['comments'] }] },
    { role: 'month_figure', figure: 'total_bonus', headers: [{ all: ['total bonus'] }] },
    { role: 'month_figure', figure: 'total_hours_worked', headers: [{ all: ['total hours worked'] }] },
    { role: 'month_figure', figure: 'monthly_goal', headers: [{ all: ['monthly production goal'], none: ['over', 'under'] }] },
    { role: 'month_figure', figure: 'sheet_total_production', headers: [{ all: ['monthly production'], only: true }] },
    { role: 'month_figure', figure: 'production_per_hour', headers: [{ all: ['production per hour'] }] },
    { role: 'month_figure', figure: 'multiplier', headers: [{ all: ['multiplier'] }] },
    { role: 'month_figure', figure: 'avg_daily_production', headers: [{ all: ['average daily production'], none: ['goal'] }] },
    { role: 'month_figure', figure: 'avg_daily_production_goal', headers: [{ all: ['average daily production goal'] }] },
    { role: 'month_figure', figure: 'avg_hours_worked', headers: [{ all: ['average hours worked'] }] },
    {
      role: 'informational',
      why: 'month-level text (an emoji or Over/Under) people read; not a figure',
      headers: [{ all: ['over', 'under'] }],
    },
    { role: 'row_id', headers: [{ all: ['uuid'] }] },
  ],
  totals_checks: [
    { day_field: 'verified_production', figure: 'sheet_total_production', per_office: false },
    { day_field: 'hours_worked', figure: 'total_hours_worked', per_office: false },
  ],
};
