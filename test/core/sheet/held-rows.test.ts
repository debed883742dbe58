// A day row the sheet has but a cell of which cannot be read is HELD: the payload names its (office, day) so the
// server keeps what it stores instead of deleting it (BEHAVIOR.md "Unreadable cells keep what is stored").
import type { Cell } from '../../../src/core/cell';
import { demoDirectory } from '../../../src/core/demo-practice';
import { canonicalMonthText } from '../../../src/core/month-hash';
import { understandWorkbook } from '../../../src/core/sheet/understand-workbook';
import { DENTIST_HEADER, HYGIENE_HEADER, workbook } from './helpers/workbooks';

const dentist = (rows: Cell[][]) =>
  understandWorkbook(workbook('Dr. Obi - Associate Production Tracker', [{ name: 'Nov-24', values: [DENTIST_HEADER, ...rows] }]), demoDirectory()).months[0];
const HUMBLE = 'Verified Production (Billing Department Only) Humble';

describe('rows made unreadable by a cell are held, nothing else', () => {
  it('holds exactly the office whose verified cell reads #REF! and still produces the other office of that day', () => {
    const m = dentist([
      ['11/01/2024', 8, '100.00', '0.00', 'Humble Office', null],
      ['11/04/2024', 8, { error: '#REF!' }, '250.00', 'Baytown Office', null],
    ]);
    expect(m.payload.held).toEqual([
      { location_code: 'HUMBLE_MAIN', work_date: '2024-11-04', reason: `row 3 ${HUMBLE}: the sheet shows an error (#REF!)` },
    ]);
    expect(m.payload.rows.map((r) => [r.location_code, r.work_date, r.fields.verified_production])).toEqual([
      ['HUMBLE_MAIN', '2024-11-01', '100'],
      ['BAYTOWN_MAIN', '2024-11-01', '0'],
      ['BAYTOWN_MAIN', '2024-11-04', '250'],
    ]);
    expect(m.rejects).toEqual([{ tab: 'Nov-24', row: 3, column: HUMBLE, value: '#REF!', reason: 'the sheet shows an error (#REF!)' }]);
  });

  it('holds an office whose amount is unparseable text', () => {
    const m = dentist([['11/04/2024', null, 'twelve', '250.00', null, null]]);
    expect(m.payload.held).toEqual([{ location_code: 'HUMBLE_MAIN', work_date: '2024-11-04', reason: `row 2 ${HUMBLE}: not a number: "twelve"` }]);
  });

  it('holds nothing for blank days, readable rows or rejects that still produced the row (unattributed hours)', () => {
    const m = dentist([
      ['11/01/2024', null, null, null, null, null],
      ['11/04/2024', 9, '100', '200', null, null],
    ]);
    expect([m.payload.held, m.skipped.length, m.rejects.length, m.payload.rows.length]).toEqual([[], 1, 1, 2]);
  });

  it('holds every office the provider is linked to that day when the unreadable cell is shared (hours)', () => {
    const m = dentist([['11/04/2024', { error: '#N/A' }, '100', '200', 'Humble Office', null]]);
    expect(m.payload.rows).toEqual([]);
    expect(m.payload.held).toEqual([
      { location_code: 'BAYTOWN_MAIN', work_date: '2024-11-04', reason: 'row 2 Enter your hours worked: the sheet shows an error (#N/A)' },
      { location_code: 'HUMBLE_MAIN', work_date: '2024-11-04', reason: 'row 2 Enter your hours worked: the sheet shows an error (#N/A)' },
    ]);
  });

  it('holds only offices linked on that day (a hygienist sheet with one production column)', () => {
    const u = understandWorkbook(
      workbook('Hygiene Production Tracker - Adriane', [{ name: 'Dec-23', values: [HYGIENE_HEADER, ['12/04/2023', 8, '500', { error: '#REF!' }, null, null, null]] }]),
      demoDirectory(),
    );
    expect(u.months[0].payload.held).toEqual([
      { location_code: 'BAYTOWN_MAIN', work_date: '2023-12-04', reason: 'row 2 Verified Production: the sheet shows an error (#REF!)' },
    ]);
  });

  it('holds every linked office on every day no readable row names when a date cell with values is unreadable', () => {
    const days = Array.from({ length: 30 }, (_, i): Cell[] => [`11/${String(i + 1).padStart(2, '0')}/2024`, null, '1', '0', null, null]);
    days[9][0] = { error: '#REF!' }; // the 10th: which day it is cannot be told
    const m = dentist(days);
    const why = 'no readable date on row 11 (Date: the sheet shows an error (#REF!))';
    expect(m.payload.held).toEqual([
      { location_code: 'BAYTOWN_MAIN', work_date: '2024-11-10', reason: why },
      { location_code: 'HUMBLE_MAIN', work_date: '2024-11-10', reason: why },
    ]);
  });

  it('holds nothing for a broken date cell on a row without values (an unused template row)', () => {
    const m = dentist([['11/01/2024', null, '1', '0', null, null], [{ error: '#REF!' }, null, null, null, null, null, null, null, null, 'uuid-2']]);
    expect(m.payload.held).toEqual([]);
  });

  it('leaves the month hash alone: held rows are not part of the canonical text', () => {
    const m = dentist([['11/04/2024', 8, { error: '#REF!' }, '250.00', 'Baytown Office', null]]);
    const { held, ...rest } = m.payload;
    expect(held).toHaveLength(1);
    expect(canonicalMonthText(m.payload)).toBe(canonicalMonthText(rest));
  });
});
