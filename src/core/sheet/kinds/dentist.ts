// The associate dentist tracker (legacy-sync-facts §1.1): header in row 1, one verified-production column per
// office, month summaries in extra columns of the first data row.
import type { SheetKindDefinition } from '../sheet-kind';

const BILLING_FILLER = ['billing', 'department', 'only'];

export const DENTIST_SHEET_KIND: SheetKindDefinition = {
  kind: 'dentist',
  provider_kinds: ['dentist'],
  columns: [
    { role: 'work_date', headers: [{ all: ['date'], none: ['updated', 'last'] }] },
    { role: 'day_value', day_field: 'hours_worked', parse: 'amount', headers: [{ all: ['hours worked'], none: ['average', 'total', 'monthly'] }] },
    {
      role: 'day_value',
      day_field: 'verified_production',
      parse: 'amount',
      per_office: 'optional',
      headers: [{ all: ['verified production'], none: ['total', 'monthly', 'average'], filler: BILLING_FILLER }],
    },
    { role: 'office', headers: [{ all: ['location'], only: true }, { all: ['office'], only: true }] },
    { role: 'note', headers: [{ all: ['notes'] }, { all: ['note'] }, { all: ['comments'] }] },
    { role: 'month_figure', figure: 'sheet_total_production', headers: [{ all: ['total production'], only: true }] },
    { role: 'month_figure', figure: 'sheet_location_production', per_office: 'required', headers: [{ all: ['production'], only: true }] },
    { role: 'month_figure', figure: 'monthly_goal', headers: [{ all: ['monthly production goal'], none: ['over', 'under'], filler: ['both', 'offices'] }] },
    { role: 'month_figure', figure: 'production_per_hour', headers: [{ all: ['production per hour'] }] },
    { role: 'month_figure', figure: 'avg_daily_production', headers: [{ all: ['average daily production'], none: ['goal'] }] },
    { role: 'month_figure', figure: 'thirty_percent_production', headers: [{ all: ['30 % production'], only: true }] },
    {
      role: 'informational',
      why: "month-level text ('Under' / 'Over') people read; not a figure",
      headers: [{ all: ['over', 'under'] }],
    },
    { role: 'row_id', headers: [{ all: ['uuid'] }] },
  ],
  totals_checks: [
    { day_field: 'verified_production', figure: 'sheet_total_production', per_office: false },
    { day_field: 'verified_production', figure: 'sheet_location_production', per_office: true },
  ],
};
