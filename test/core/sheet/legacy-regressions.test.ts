// One regression test per legacy failure (legacy-sync-facts.md §F), named after its F-case.
import type { Cell } from '../../../src/core/cell';
import type { Directory } from '../../../src/core/directory';
import { demoDirectory } from '../../../src/core/demo-practice';
import { detectProvider } from '../../../src/core/detect/detect-provider';
import { understandWorkbook } from '../../../src/core/sheet/understand-workbook';
import { ADRIANE_DEC_23_CSV, DENTIST_HEADER, HYGIENE_HEADER, fixtureGrid, workbook } from './helpers/workbooks';

const fieldsByColumn = (u: ReturnType<typeof understandWorkbook>) => u.tabs[0].columns.map((c) => [c.field, c.location_code]);

describe('legacy regressions', () => {
  it('F3: maps every column independently, whatever the order and wording (no else-if chain, no exact strings)', () => {
    const header = ['UUID', 'Verified Production (Billing Department Only) Baytown', 'Notes', 'verified production humble', 'DATE', 'Enter your hours worked'];
    const u = understandWorkbook(workbook('Dr. Obi tracker', [{ name: 'Nov-24', values: [header, ['u', '10', null, '20', '11/01/2024', null]] }]), demoDirectory());
    expect(fieldsByColumn(u)).toEqual([
      ['row_id', null],
      ['verified_production', 'BAYTOWN_MAIN'],
      ['note', null],
      ['verified_production', 'HUMBLE_MAIN'],
      ['work_date', null],
      ['hours_worked', null],
    ]);
  });

  it("F8: 'Chinyere Enih - Associate Production Tracker' is Chinyere's, never Obinna's", () => {
    const detection = detectProvider('Chinyere Enih - Associate Production Tracker', ['Nov-24'], demoDirectory());
    expect([detection.best?.provider_code, detection.runner_up, detection.confidence, detection.ambiguous]).toEqual(['chinyere_enih', null, 'high', false]);
  });

  it('F9: a text variance of -77% is the fraction -0.77, and large variances are kept, never clipped', () => {
    const values = [HYGIENE_HEADER, ['12/4/2023', 5, 100, 100, 100, '-77%', 0], ['12/5/2023', 5, 100, 100, 100, '1250%', 0], ['12/6/2023', 5, 100, 100, 100, -0.77, 0]];
    const u = understandWorkbook(workbook('Hygiene Production Tracker - Adriane', [{ name: 'Dec-23', values }]), demoDirectory());
    expect(u.months[0].payload.rows.map((r) => r.fields.variance_ratio)).toEqual(['-0.77', '12.5', '-0.77']);
  });

  it("F13: reads Adriane's layout with the header in row 2, so the date column is mapped", () => {
    const u = understandWorkbook(workbook('Hygiene Production Tracker - Adriane', [{ name: 'Dec-23', values: fixtureGrid(ADRIANE_DEC_23_CSV) }]), demoDirectory());
    expect([u.tabs[0].header_row, u.tabs[0].columns[0].field, u.months[0].payload.rows.length, u.months[0].rejects]).toEqual([2, 'work_date', 15, []]);
  });

  it('F14: a hygiene tab without a UUID column still yields its rows', () => {
    const header = HYGIENE_HEADER.filter((h) => h !== 'UUID');
    const u = understandWorkbook(workbook('Hygiene Production Tracker - Adriane', [{ name: 'Dec-23', values: [header, ['12/4/2023', 5.49, 384.86, 177.12]] }]), demoDirectory());
    expect(u.months[0].payload.rows.map((r) => [r.work_date, r.fields.verified_production])).toEqual([['2023-12-04', '177.12']]);
  });

  it('F15: negative billing adjustments are rows, including a day with Humble 0 and Baytown negative', () => {
    const values: Cell[][] = [DENTIST_HEADER, ['11/01/2024', null, '-1,296.00', '1,103.00'], ['11/25/2024', null, '$0.00', '-$459.08'], ['11/26/2024', null, '(12.50)', -3534]];
    const u = understandWorkbook(workbook('Dr. Obi tracker', [{ name: 'Nov-24', values }]), demoDirectory());
    expect(u.months[0].payload.rows.map((r) => [r.work_date, r.location_code, r.fields.verified_production])).toEqual([
      ['2024-11-01', 'HUMBLE_MAIN', '-1296'],
      ['2024-11-01', 'BAYTOWN_MAIN', '1103'],
      ['2024-11-25', 'HUMBLE_MAIN', '0'],
      ['2024-11-25', 'BAYTOWN_MAIN', '-459.08'],
      ['2024-11-26', 'HUMBLE_MAIN', '-12.5'],
      ['2024-11-26', 'BAYTOWN_MAIN', '-3534'],
    ]);
  });

  it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'])(
    'F18: ISO text, US text, serial numbers and {date} cells give the same calendar day in time zone %s',
    (zone) => {
      const values: Cell[][] = [DENTIST_HEADER, ['2024-11-01', null, 1, 0], ['11/02/2024', null, 2, 0], [45599, null, 3, 0], [{ date: '2024-11-04' }, null, 4, 0], [45601.999, null, 5, 0]];
      const u = understandWorkbook(workbook('Dr. Obi tracker', [{ name: 'Nov-24', values }], zone), demoDirectory());
      expect([...new Set(u.months[0].payload.rows.map((r) => r.work_date))]).toEqual(['2024-11-01', '2024-11-02', '2024-11-03', '2024-11-04', '2024-11-05']);
    },
  );

  it("F23: no fuzzy substring identity — 'Obituary' is not Obi, an empty alias matches nothing, 'Irondi' alone is Kamdi", () => {
    const d: Directory = demoDirectory();
    d.providers.push({ code: 'blank_person', name: '', kind: 'dentist', aliases: ['', '  ', 'Dr.'] });
    expect(detectProvider('Obituary notices 2024', [], d).best).toBeNull();
    expect(detectProvider('Irondi - Associate Production Tracker', [], d).best?.provider_code).toBe('kamdi_irondi');
    expect(detectProvider('Kamdi production', [], d).runner_up).toBeNull();
  });

  it("F24: a hygiene tracker titled with Kia's name is Kia's, at Kia's office, never Adriane's", () => {
    const values = [[null], HYGIENE_HEADER, ['1/3/2024', 6, 500, 450, 600, '-25%', 0]];
    const u = understandWorkbook(workbook('Hygiene Production Tracker - Kia', [{ name: 'Jan-24', values }]), demoDirectory());
    expect([u.provider.best?.provider_code, u.provider.runner_up, u.months[0].payload.rows.map((r) => [r.provider_code, r.location_code])]).toEqual([
      'kia_redfearn',
      null,
      [['kia_redfearn', 'HUMBLE_MAIN']],
    ]);
  });

  it('F28: tab traps — log, summary and look-alike tabs are skipped with reasons; a month read twice is refused', () => {
    const values = [DENTIST_HEADER, ['11/01/2024', null, 1, 2]];
    const tabs = ['Log-25', 'Dentist-Sync-Log', 'Summary', 'BT Subtotal', 'Nov-24', 'November 2024'].map((name) => ({ name, values }));
    const u = understandWorkbook(workbook('Dr. Obi tracker', tabs), demoDirectory());
    expect(u.tabs.map((t) => [t.tab, t.month, t.skipped_reason])).toEqual([
      ['Log-25', null, 'log tab'],
      ['Dentist-Sync-Log', null, 'log tab'],
      ['Summary', null, 'not a month tab (expected a month name and year, e.g. Nov-24 or November 2024)'],
      ['BT Subtotal', null, 'not a month tab (expected a month name and year, e.g. Nov-24 or November 2024)'],
      ['Nov-24', '2024-11', null],
      ['November 2024', '2024-11', "month 2024-11 already read from tab 'Nov-24'; a month is synced from one tab only"],
    ]);
    expect(u.months.map((m) => m.tab)).toEqual(['Nov-24']);
    expect(u.rejects).toEqual([{ tab: 'November 2024', row: 0, column: null, value: null, reason: "month 2024-11 already read from tab 'Nov-24'; a month is synced from one tab only" }]);
  });
});

describe('row classification', () => {
  const values: Cell[][] = [
    DENTIST_HEADER,
    ['11/01/2024', null, 1, 2],
    ['12/01/2024', null, 1, 2],
    ['11/01/2024', null, 5, 5],
    ['Total', null, 2, 4],
    [null, null, 7, null],
    ['soon', null, 1, 1],
  ];
  const u = understandWorkbook(workbook('Dr. Obi tracker', [{ name: 'Nov-24', values }]), demoDirectory());

  it('rejects a date outside its month tab, a repeated date, values without a date and an unreadable date', () => {
    expect(u.months[0].rejects).toEqual([
      { tab: 'Nov-24', row: 3, column: 'Date', value: '12/01/2024', reason: "date 2024-12-01 is outside the tab's month 2024-11" },
      { tab: 'Nov-24', row: 4, column: 'Date', value: '11/01/2024', reason: 'date 2024-11-01 already appears on row 2' },
      { tab: 'Nov-24', row: 6, column: 'Date', value: null, reason: 'day values without a date' },
      { tab: 'Nov-24', row: 7, column: 'Date', value: 'soon', reason: 'not a date: "soon"' },
    ]);
  });

  it('skips a totals row with its reason', () => {
    expect(u.months[0].skipped).toEqual([{ tab: 'Nov-24', row: 5, reason: "totals row ('Total')" }]);
  });

  it('refuses to attribute rows when the title names two providers', () => {
    const both = understandWorkbook(workbook('Dr. Obi and Dr. Kamdi shared tracker', [{ name: 'Nov-24', values: values.slice(0, 2) }]), demoDirectory());
    expect([both.provider.ambiguous, both.months[0].payload.rows, both.months[0].rejects.map((r) => r.reason)]).toEqual([
      true,
      [],
      [
        'row for HUMBLE_MAIN 2024-11-01 not produced: provider not determined: the title names both kamdi_irondi and obinna_ezeji; choose one',
        'row for BAYTOWN_MAIN 2024-11-01 not produced: provider not determined: the title names both kamdi_irondi and obinna_ezeji; choose one',
      ],
    ]);
  });
});
