import { demoDirectory } from '../../../src/core/demo-practice';
import { findBestHeaderRow, findHeaderRow } from '../../../src/core/sheet/find-header-row';
import { BUILT_IN_SHEET_KINDS } from '../../../src/core/sheet/kinds/built-in-kinds';
import { DENTIST_SHEET_KIND } from '../../../src/core/sheet/kinds/dentist';
import { DENTIST_HEADER, HYGIENE_HEADER } from './helpers/workbooks';

describe('findHeaderRow', () => {
  it('finds the header below a blank row (the hygiene export has it in row 2)', () => {
    const found = findBestHeaderRow([[null, null], HYGIENE_HEADER, ['12/4/2023', 5.49]], BUILT_IN_SHEET_KINDS, demoDirectory(), null);
    expect([found?.kind.kind, found?.row_index]).toEqual(['hygienist', 1]);
  });

  it("is not fooled by a title row mentioning 'Monday' or 'Last updated'", () => {
    const values = [['Production tracker — Monday report', 'Last updated 11/30/2024'], ['Day of week', 'Date updated'], DENTIST_HEADER, ['11/01/2024']];
    expect(findHeaderRow(values, DENTIST_SHEET_KIND, demoDirectory(), null)?.row_index).toBe(2);
  });

  it('finds none when no row within the first 10 has a date column and a day value', () => {
    const values = [...Array.from({ length: 10 }, () => ['note']), DENTIST_HEADER];
    expect(findHeaderRow(values, DENTIST_SHEET_KIND, demoDirectory(), null)).toBeNull();
  });

  it('prefers the kind whose headers read best', () => {
    expect(findBestHeaderRow([DENTIST_HEADER], BUILT_IN_SHEET_KINDS, demoDirectory(), null)?.kind.kind).toBe('dentist');
  });
});
