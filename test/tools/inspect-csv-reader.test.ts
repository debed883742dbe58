import { csvToGrid, parseCsv } from '../../tools/lib/workbook-reader-csv';
import { spreadsheetIdForTitle, titleAndTabOfCsv } from '../../tools/lib/workbook-reader';

describe('the CSV reader (RFC 4180)', () => {
  it('handles quoted commas, doubled quotes, newlines inside quotes, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffa,"b,c","say ""hi""","line1\r\nline2"\r\n1,2,3,4\r\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'line1\r\nline2'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('keeps cells as text, blank as null, and pads ragged rows', () => {
    expect(csvToGrid('11/01/2024,"$69,567.03"\n,\nx')).toEqual([
      ['11/01/2024', '$69,567.03'],
      [null, null],
      ['x', null],
    ]);
  });

  it('reads the last row without a trailing newline and an empty file as no rows', () => {
    expect([parseCsv('a,b'), parseCsv('')]).toEqual([[['a', 'b']], []]);
  });

  it("splits Sheets download names '<title> - <tab>.csv' at the last ' - '", () => {
    expect(titleAndTabOfCsv('/x/Dr. Obi - Associate Prodution Tracker - Nov-24.csv')).toEqual({ title: 'Dr. Obi - Associate Prodution Tracker', tab: 'Nov-24' });
    expect(titleAndTabOfCsv('plain.csv')).toEqual({ title: 'plain', tab: 'plain' });
  });

  it('derives a stable spreadsheet id from the title', () => {
    expect(spreadsheetIdForTitle('Dr. Obi - Associate Prodution Tracker')).toBe(spreadsheetIdForTitle('Dr. Obi - Associate Prodution Tracker'));
    expect(spreadsheetIdForTitle('a')).not.toBe(spreadsheetIdForTitle('b'));
    expect(spreadsheetIdForTitle('a')).toMatch(/^file:[0-9a-f]{16}$/);
  });
});
