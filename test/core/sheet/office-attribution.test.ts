// DESIGN contract 7: which office gets each amount and the day's hours.
import type { Cell } from '../../../src/core/cell';
import { demoDirectory } from '../../../src/core/demo-practice';
import { understandWorkbook } from '../../../src/core/sheet/understand-workbook';
import { DENTIST_HEADER, HYGIENE_HEADER, workbook } from './helpers/workbooks';

const dentist = (rows: Cell[][], title = 'Dr. Obi - Associate Production Tracker') =>
  understandWorkbook(workbook(title, [{ name: 'Nov-24', values: [DENTIST_HEADER, ...rows] }]), demoDirectory());

const summary = (u: ReturnType<typeof dentist>) =>
  u.months[0].payload.rows.map((r) => [r.location_code, r.work_date, r.fields.hours_worked, r.fields.verified_production, r.note]);

describe('dentist layout: the per-office columns decide the office of each amount', () => {
  it('gives the hours to the office the Location column names, even on a day the other office produced', () => {
    const u = dentist([['11/05/2024', 8, '0.00', '1,200.00', 'Humble Office', 'checked']]);
    expect(summary(u)).toEqual([
      ['HUMBLE_MAIN', '2024-11-05', '8', '0', 'checked'],
      ['BAYTOWN_MAIN', '2024-11-05', null, '1200', 'checked'],
    ]);
  });

  it('gives the hours to the only office with production when Location is blank', () => {
    const u = dentist([['11/05/2024', 7.5, '0.00', '-459.08', null]]);
    expect(summary(u)).toEqual([
      ['HUMBLE_MAIN', '2024-11-05', null, '0', null],
      ['BAYTOWN_MAIN', '2024-11-05', '7.5', '-459.08', null],
    ]);
  });

  it('reports the hours as unattributed when Location is blank and both offices produced, keeping the amounts', () => {
    const u = dentist([['11/05/2024', 9, '100', '200', null]]);
    expect(summary(u)).toEqual([
      ['HUMBLE_MAIN', '2024-11-05', null, '100', null],
      ['BAYTOWN_MAIN', '2024-11-05', null, '200', null],
    ]);
    expect(u.months[0].rejects).toEqual([
      { tab: 'Nov-24', row: 2, column: 'Enter your hours worked', value: '9', reason: 'not attributed to an office: Location is blank and 2 offices have production that day' },
    ]);
  });

  it('gives the hours its own row when Location names a linked office that has no amount column', () => {
    const d = demoDirectory();
    d.locations.push({ code: 'KATY_MAIN', name: 'Katy', aliases: [] });
    d.links.push({ provider_code: 'obinna_ezeji', location_code: 'KATY_MAIN', active_from: null, active_to: null });
    const u = understandWorkbook(workbook('Dr. Obi tracker', [{ name: 'Nov-24', values: [DENTIST_HEADER, ['11/05/2024', 6, '100', '0', 'Katy']] }]), d);
    expect(summary(u)).toEqual([
      ['HUMBLE_MAIN', '2024-11-05', null, '100', null],
      ['BAYTOWN_MAIN', '2024-11-05', null, '0', null],
      ['KATY_MAIN', '2024-11-05', '6', null, null],
    ]);
  });

  it('reports hours when Location names no office in the directory', () => {
    const u = dentist([['11/05/2024', 6, '100', '0', 'Katy Office']]);
    expect(u.months[0].rejects.map((r) => r.reason)).toEqual(["not attributed to an office: Location 'Katy Office' names no office in the directory"]);
  });

  it('treats a date with every value blank as a skipped blank day, not a row of zeros', () => {
    const u = dentist([['11/05/2024', null, null, null, 'Humble Office', null, null, null, null, 'uuid-1']]);
    expect([u.months[0].payload.rows, u.months[0].skipped]).toEqual([[], [{ tab: 'Nov-24', row: 2, reason: 'blank day: a date with no values' }]]);
  });

  it('keeps 0 as data and blank as null within a day that has values', () => {
    const u = dentist([['11/05/2024', null, 0, null, null]]);
    expect(summary(u)).toEqual([
      ['HUMBLE_MAIN', '2024-11-05', null, '0', null],
      ['BAYTOWN_MAIN', '2024-11-05', null, null, null],
    ]);
  });

  it('rejects only the office row whose cell is an error and keeps the other office', () => {
    const u = dentist([['11/05/2024', null, '#N/A', '50', null]]);
    expect(summary(u)).toEqual([['BAYTOWN_MAIN', '2024-11-05', null, '50', null]]);
    expect(u.months[0].rejects).toEqual([
      { tab: 'Nov-24', row: 2, column: 'Verified Production (Billing Department Only) Humble', value: '#N/A', reason: 'the sheet shows an error (#N/A)' },
    ]);
  });

  it('rejects the whole day when a shared cell (hours) is an error', () => {
    const u = dentist([['11/05/2024', { error: '#REF!' }, '10', '50', null]]);
    expect([u.months[0].payload.rows, u.months[0].rejects.map((r) => [r.column, r.value, r.reason])]).toEqual([
      [],
      [['Enter your hours worked', '#REF!', 'the sheet shows an error (#REF!)']],
    ]);
  });
});

describe('single production column: the Location column decides', () => {
  const header = ['Date', 'Hours Worked', 'Verified Production', 'Location'];
  it('sends each day to the office its Location cell names', () => {
    const u = understandWorkbook(
      workbook('Dr. Kamdi tracker', [{ name: 'Nov-24', values: [header, ['11/01/2024', 8, 100, 'BT'], ['11/02/2024', 7, 200, 'Humble']] }]),
      demoDirectory(),
    );
    expect(u.months[0].payload.rows.map((r) => [r.location_code, r.fields.hours_worked, r.fields.verified_production])).toEqual([
      ['BAYTOWN_MAIN', '8', '100'],
      ['HUMBLE_MAIN', '7', '200'],
    ]);
  });

  it('asks for an office when Location is blank and the dentist works at two', () => {
    const u = understandWorkbook(workbook('Dr. Kamdi tracker', [{ name: 'Nov-24', values: [header, ['11/01/2024', 8, 100, null]] }]), demoDirectory());
    expect(u.months[0].rejects.map((r) => r.reason)).toEqual([
      'no office for this day: the sheet names no office and kamdi_irondi works at 2 (HUMBLE_MAIN, BAYTOWN_MAIN); choose one',
    ]);
  });
});

describe('hygiene layout: rows go to the chosen or only office', () => {
  const values = [HYGIENE_HEADER, ['12/4/2023', 5.49, 384.86, 177.12, 779.03, -0.77, 0]];
  it("uses the hygienist's only linked office", () => {
    const u = understandWorkbook(workbook('Hygiene Production Tracker - Kia', [{ name: 'Dec-23', values }]), demoDirectory());
    expect(u.months[0].payload.rows.map((r) => [r.provider_code, r.location_code])).toEqual([['kia_redfearn', 'HUMBLE_MAIN']]);
  });

  it('prefers the location option over the binding default, and rejects an office the provider is not linked to', () => {
    const binding = { provider_code: 'kia_redfearn', default_location_code: 'HUMBLE_MAIN', column_overrides: {} };
    const u = understandWorkbook(workbook('Hygiene Production Tracker - Kia', [{ name: 'Dec-23', values }]), demoDirectory(), { binding, location_code: 'BAYTOWN_MAIN' });
    expect([u.months[0].payload.rows, u.months[0].rejects]).toEqual([
      [],
      [{ tab: 'Dec-23', row: 2, column: 'Verified Production', value: '177.12', reason: 'kia_redfearn is not linked to office BAYTOWN_MAIN on 2023-12-04' }],
    ]);
  });

  it('asks when the hygienist works at several offices', () => {
    const d = demoDirectory();
    d.links.push({ provider_code: 'kia_redfearn', location_code: 'BAYTOWN_MAIN', active_from: null, active_to: null });
    const u = understandWorkbook(workbook('Hygiene Production Tracker - Kia', [{ name: 'Dec-23', values }]), d);
    expect(u.months[0].rejects.map((r) => r.reason)).toEqual([
      'no office for this day: the sheet names no office and kia_redfearn works at 2 (HUMBLE_MAIN, BAYTOWN_MAIN); choose one',
    ]);
  });

  it('rejects a row outside the link\'s active dates', () => {
    const d = demoDirectory();
    d.links = d.links.map((l) => (l.provider_code === 'kia_redfearn' ? { ...l, active_from: '2024-01-01' } : l));
    const u = understandWorkbook(workbook('Hygiene Production Tracker - Kia', [{ name: 'Dec-23', values }]), d);
    expect(u.months[0].rejects.map((r) => r.reason)).toEqual(['kia_redfearn is not linked to office HUMBLE_MAIN on 2023-12-04']);
  });
});
