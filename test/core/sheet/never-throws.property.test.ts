// Property tests: thousands of random cells, headers, tab names and titles; the engine never throws and always
// classifies (every reading is a value or a reason; every tab is a month or skipped with a reason).
import fc from 'fast-check';
import type { Cell } from '../../../src/core/cell';
import { demoDirectory } from '../../../src/core/demo-practice';
import { detectProvider } from '../../../src/core/detect/detect-provider';
import { findBestHeaderRow } from '../../../src/core/sheet/find-header-row';
import { BUILT_IN_SHEET_KINDS } from '../../../src/core/sheet/kinds/built-in-kinds';
import { DENTIST_SHEET_KIND } from '../../../src/core/sheet/kinds/dentist';
import { mapColumns } from '../../../src/core/sheet/map-columns';
import { parseMonthTab } from '../../../src/core/sheet/month-tab';
import { parseAmountCell, parseRatioCell, parseTextCell } from '../../../src/core/sheet/parse-cell';
import { parseDateCell } from '../../../src/core/sheet/parse-date';
import { understandWorkbook } from '../../../src/core/sheet/understand-workbook';
import { DENTIST_HEADER, HYGIENE_HEADER } from './helpers/workbooks';

const sheetish = fc.constantFrom(
  '$1,234.56', ' $ 384.86 ', '-$459.08', '(123.45)', '-1,296.00', '45%', '-77%', '#N/A', '#REF!', '#DIV/0!', '11/01/2024', '12/4/2023',
  '2024-11-01', 'Total', '', ' ', '$ -', '1e5', '--', '()', '%', '$', '.', ',', '1,2,3', '😢', 'Under', '\u00a0',
);
const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  sheetish,
  fc.record({ date: fc.string() }),
  fc.record({ date: fc.constantFrom('2024-11-01', '2024-02-30', '2024-11-31') }),
  fc.record({ error: fc.string() }),
);
const headerArb = fc.oneof(fc.string(), fc.constantFrom(...DENTIST_HEADER, ...HYGIENE_HEADER, 'Katy Production', 'Provider', 'Paid', 'Prodution', 'Bonus', 'Bonus'));
const tabNameArb = fc.oneof(fc.string(), fc.constantFrom('Nov-24', 'Sept-24', 'November 2024', 'Log-25', 'Summary', ' Dec 2023 ', 'Nov-1850', 'May'));

const runs = { numRuns: 2000 };

describe('never throws, always classifies', () => {
  it('cell parsers answer a value or a reason for any cell', () => {
    fc.assert(
      fc.property(cellArb, (cell) => {
        for (const reading of [parseAmountCell(cell), parseRatioCell(cell), parseTextCell(cell), parseDateCell(cell)]) {
          if (reading.ok) expect(reading.value === null || typeof reading.value === 'string').toBe(true);
          else expect(reading.reason.length).toBeGreaterThan(0);
        }
        const amount = parseAmountCell(cell);
        if (amount.ok && amount.value !== null) expect(amount.value).toMatch(/^-?\d+(\.\d*[1-9])?$/);
      }),
      runs,
    );
  });

  it('month-tab recognition answers a YYYY-MM month or a reason for any name', () => {
    fc.assert(
      fc.property(tabNameArb, (name) => {
        const r = parseMonthTab(name);
        if ('month' in r) expect(r.month).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
        else expect(r.skip.length).toBeGreaterThan(0);
      }),
      runs,
    );
  });

  it('column mapping reports every column, mapped or with a reason', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(headerArb, cellArb), { maxLength: 20 }), (headers) => {
        const columns = mapColumns(headers as Cell[], DENTIST_SHEET_KIND, demoDirectory(), { bonus: 'ignore' });
        expect(columns.length).toBe(headers.length);
        for (const c of columns) expect(c.mapping.field !== null || (c.mapping.reason ?? '').length > 0).toBe(true);
        findBestHeaderRow([headers as Cell[]], BUILT_IN_SHEET_KINDS, demoDirectory(), null);
      }),
      runs,
    );
  });

  it('provider detection answers a confidence for any title and tab names', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('Dr. Obi', 'Obituary', 'Kia Adriane', '')), fc.array(tabNameArb, { maxLength: 4 }), (title, tabs) => {
        const d = detectProvider(title, tabs, demoDirectory());
        expect(['high', 'medium', 'low', 'none']).toContain(d.confidence);
        if (d.best) expect(d.best.score).toBeGreaterThan(0);
      }),
      runs,
    );
  });

  it('the whole engine accounts for every random data row under a real header', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(DENTIST_HEADER, HYGIENE_HEADER),
        fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 12 }),
        tabNameArb,
        (header, rows, tabName) => {
          const wb = { spreadsheetId: 'p', title: 'Dr. Obi tracker', timeZone: 'UTC', tabs: [{ name: tabName, sheetId: 1, values: [header as Cell[], ...rows] }] };
          const u = understandWorkbook(wb, demoDirectory());
          expect(u.tabs.length).toBe(1);
          const tab = u.tabs[0];
          expect(tab.month !== null || tab.skipped_reason !== null).toBe(true);
          for (const m of u.months) {
            const accounted = new Set([...m.payload.rows.map((r) => r.source.row), ...m.skipped.map((s) => s.row), ...m.rejects.map((r) => r.row)]);
            rows.forEach((row, i) => {
              const blank = row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
              if (!blank) expect(accounted.has(i + 2)).toBe(true);
            });
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
