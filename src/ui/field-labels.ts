// What a mapped column's field means, in the words of the people who keep the sheets. The engine names fields by
// their database column ('verified_production', 'month:sheet_total_production'); cards say what they are.
const LABELS: Record<string, string> = {
  work_date: 'the day (date)',
  hours_worked: 'hours worked',
  verified_production: 'verified production',
  estimated_production: 'estimated production',
  production_goal: 'production goal',
  variance_ratio: 'variance (%)',
  bonus: 'bonus',
  location: 'office the day was worked at',
  note: 'note',
  row_id: 'row id (kept in the sheet only)',
  'month:sheet_total_production': 'total production',
  'month:sheet_location_production': 'production',
  'month:monthly_goal': 'monthly goal',
  'month:production_per_hour': 'production per hour',
  'month:avg_daily_production': 'average daily production',
  'month:avg_daily_production_goal': 'average daily production goal',
  'month:avg_hours_worked': 'average hours worked',
  'month:thirty_percent_production': '30% of production',
  'month:total_bonus': 'total bonus',
  'month:total_hours_worked': 'total hours worked',
  'month:multiplier': 'multiplier',
};

export function isMonthFigure(field: string): boolean {
  return field.startsWith('month:');
}

export function fieldLabel(field: string): string {
  return LABELS[field] ?? field.replace(/^month:/, '').replace(/_/g, ' ');
}

/** 'verified production at Humble'; the office is a name, never a code. */
export function meaningLabel(field: string, office: string | null): string {
  return office ? `${fieldLabel(field)} at ${office}` : fieldLabel(field);
}
