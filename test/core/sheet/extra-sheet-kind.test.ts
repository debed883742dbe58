// A new layout is a new definition, not new parsing code: this kind exists only in this test file.
import type { Directory } from '../../../src/core/directory';
import { demoDirectory } from '../../../src/core/demo-practice';
import type { SheetKindDefinition } from '../../../src/core/sheet/sheet-kind';
import { BUILT_IN_SHEET_KINDS } from '../../../src/core/sheet/kinds/built-in-kinds';
import { createWorkbookUnderstander } from '../../../src/core/sheet/understand-workbook';
import { workbook } from './helpers/workbooks';

// Location financials (legacy-sync-facts §1.3), reduced: one production column per tab, the office in the title.
const LOCATION_FINANCIALS: SheetKindDefinition = {
  kind: 'location_financials',
  provider_kinds: ['office_manager'],
  columns: [
    { role: 'work_date', headers: [{ all: ['date'] }, { all: ['date of service'] }] },
    { role: 'informational', why: 'weekday name', headers: [{ all: ['day'], only: true }] },
    { role: 'day_value', day_field: 'verified_production', parse: 'amount', per_office: 'optional', headers: [{ all: ['production'], none: ['net'] }, { all: ['prod'], only: true }] },
    { role: 'informational', why: 'scheduled production is a forecast', headers: [{ all: ['sched'] }] },
    { role: 'month_figure', figure: 'sheet_net_production', headers: [{ all: ['net production'] }] },
  ],
  totals_checks: [{ day_field: 'verified_production', figure: 'sheet_net_production', per_office: false }],
};

function directoryWithManager(): Directory {
  const d = demoDirectory();
  d.providers.push({ code: 'front_office', name: 'Front Office', kind: 'office_manager' as never, aliases: [] });
  d.links.push({ provider_code: 'front_office', location_code: 'BAYTOWN_MAIN', active_from: null, active_to: null });
  return d;
}

describe('a sheet kind defined only as data', () => {
  const understand = createWorkbookUnderstander([...BUILT_IN_SHEET_KINDS, LOCATION_FINANCIALS]);
  const values = [
    ['Date', 'Day', 'Production', 'Sched', 'Net Production'],
    ['06/01/2023', 'Thu', '5,978.00', '6000', '4,929.40'],
    ['06/02/2023', 'Fri', '-650.4', '0', null],
  ];

  it('is chosen by the provider kind and read by the same engine', () => {
    const u = understand(workbook('Front Office - Location Financials', [{ name: 'Jun-23', values }]), directoryWithManager());
    expect(u.tabs[0].sheet_kind).toBe('location_financials');
    expect(u.tabs[0].columns.map((c) => [c.header, c.field, c.reason])).toEqual([
      ['Date', 'work_date', null],
      ['Day', null, 'informational: weekday name'],
      ['Production', 'verified_production', null],
      ['Sched', null, 'informational: scheduled production is a forecast'],
      ['Net Production', 'month:sheet_net_production', null],
    ]);
    expect(u.months[0].payload.rows.map((r) => [r.provider_code, r.location_code, r.work_date, r.fields.verified_production])).toEqual([
      ['front_office', 'BAYTOWN_MAIN', '2023-06-01', '5978'],
      ['front_office', 'BAYTOWN_MAIN', '2023-06-02', '-650.4'],
    ]);
    expect(u.months[0].totals.map((t) => [t.sheet_value, t.rows_value, t.difference, t.status])).toEqual([['4929.4', '5327.6', '398.2', 'mismatch']]);
  });

  it('is chosen by header score when the provider kind names no definition', () => {
    const u = understand(workbook('Baytown numbers', [{ name: 'Jun-23', values }]), directoryWithManager(), { provider_code: 'kamdi_irondi', location_code: 'BAYTOWN_MAIN' });
    expect(u.tabs[0].sheet_kind).toBe('location_financials');
  });
});
