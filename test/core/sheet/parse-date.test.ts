import { parseDateCell, parseDateText, serialToDate } from '../../../src/core/sheet/parse-date';

describe('parseDateCell', () => {
  it.each([
    ['11/01/2024', '2024-11-01'],
    ['12/4/2023', '2023-12-04'],
    ['12/4/23', '2023-12-04'],
    ['2024-11-01', '2024-11-01'],
    ['2024-11-01T00:00:00Z', '2024-11-01'],
    ['2024-11-01 23:30:00', '2024-11-01'],
    ['4-Dec-2023', '2023-12-04'],
    ['Dec 4, 2023', '2023-12-04'],
    ['Monday, December 4, 2023', '2023-12-04'],
    [' 11/01/2024 ', '2024-11-01'],
  ])('reads text %j as %s', (text, date) => {
    expect(parseDateCell(text)).toEqual({ ok: true, value: date });
  });

  it('takes a {date} cell as the calendar date it names', () => {
    expect(parseDateCell({ date: '2024-11-01' })).toEqual({ ok: true, value: '2024-11-01' });
  });

  it.each([
    [45597, '2024-11-01'],
    [45597.99, '2024-11-01'],
    [45264, '2023-12-04'],
    [61, '1900-03-01'],
  ])('reads the serial number %p as %s (days since 1899-12-30, time of day ignored)', (serial, date) => {
    expect(parseDateCell(serial)).toEqual({ ok: true, value: date });
  });

  it.each([
    ['2/30/2024', 'not a date: "2/30/2024"'],
    ['Total', 'not a date: "Total"'],
    ['13/01/2024', 'not a date: "13/01/2024"'],
    [{ date: '2024-02-30' }, 'not a calendar date: "2024-02-30"'],
    [{ error: '#REF!' }, 'the sheet shows an error (#REF!)'],
    [3e6, 'serial number 3000000 is not a date between 1900 and 2100'],
    [true, 'not a date'],
  ])('rejects %j with reason %j', (cell, reason) => {
    expect(parseDateCell(cell as never)).toEqual({ ok: false, reason });
  });

  it('is blank for an empty cell', () => {
    expect(parseDateCell(null)).toEqual({ ok: true, value: null });
  });
});

describe('serialToDate and parseDateText', () => {
  it('accepts leap days and refuses impossible dates', () => {
    expect([parseDateText('2/29/2024'), parseDateText('2/29/2023'), serialToDate(Number.POSITIVE_INFINITY)]).toEqual(['2024-02-29', null, null]);
  });
});
