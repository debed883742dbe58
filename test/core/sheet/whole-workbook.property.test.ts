// Review of issue 12's property clause: beyond the per-part properties in never-throws.property.test.ts (whose
// whole-engine case fixes the title and puts a real header in row 1), throw whole random workbooks at the engine —
// random titles, time zones, several tabs, junk rows above a header that mixes real and random headers — and check
// that it never throws and that what it produces is well formed: every tab classified, every row inside its tab's
// month, at a directory office, for a directory provider, keyed once, with exact decimal amounts.
import fc from 'fast-check';
import type { Cell } from '../../../src/core/cell';
import { demoDirectory } from '../../../src/core/demo-practice';
import { DAY_FIELDS } from '../../../src/core/production';
import { understandWorkbook } from '../../../src/core/sheet/understand-workbook';
import { DENTIST_HEADER, HYGIENE_HEADER } from './helpers/workbooks';

const DECIMAL = /^-?\d+(\.\d*[1-9])?$/;
const directory = demoDirectory();
const locationCodes = new Set(directory.locations.map((l) => l.code));
const providerCodes = new Set(directory.providers.map((p) => p.code));

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.double(),
  fc.integer({ min: 45000, max: 46000 }), // serial-date range
  fc.boolean(),
  fc.string(),
  fc.constantFrom('$1,234.56', ' $ 384.86 ', '-$459.08', '(123.45)', '-1,296.00', '45%', '#N/A', '#REF!', '11/01/2024', '12/4/2023', '2024-11-05', 'Total', 'Humble Office', 'Baytown Office', ''),
  fc.record({ date: fc.constantFrom('2024-11-01', '2024-11-30', '2023-12-04', '2024-02-30', 'nonsense') }),
  fc.record({ error: fc.constantFrom('#N/A', '#REF!', '#DIV/0!', '') }),
);
const headerCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...DENTIST_HEADER, ...HYGIENE_HEADER, 'Katy Production', 'Verified Production Katy', 'Prodcution', 'Provider', 'Paid') },
  { weight: 1, arbitrary: cellArb },
);
// Dates mostly inside the two months the tab names below mean, so rows really are produced (and some are not).
const dayArb = fc.integer({ min: 1, max: 31 });
const dateCellArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: dayArb.map((d) => `11/${String(d).padStart(2, '0')}/2024`) },
  { weight: 2, arbitrary: dayArb.map((d) => `12/${d}/2023`) },
  { weight: 2, arbitrary: fc.integer({ min: 45597, max: 45626 }) }, // Nov 2024 as serial numbers
  { weight: 1, arbitrary: dayArb.map((d) => ({ date: `2024-11-${String(d).padStart(2, '0')}` })) },
  { weight: 1, arbitrary: cellArb },
);
const amountArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -500000, max: 500000 }).map((c) => c / 100) },
  { weight: 2, arbitrary: fc.integer({ min: -500000, max: 500000 }).map((c) => `$${(c / 100).toFixed(2)}`) },
  { weight: 2, arbitrary: cellArb },
);
const tabArb = fc.record({
  name: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('Nov-24', 'Dec-23', 'November 2024', ' Dec 2023 ', 'Nov-2024') },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom('Sept-24', 'Log-25', 'Summary'), fc.string()) },
  ),
  junk: fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 2 }),
  baseHeader: fc.constantFrom(DENTIST_HEADER, HYGIENE_HEADER),
  headerChanges: fc.array(fc.tuple(fc.nat({ max: 20 }), headerCell), { maxLength: 3 }),
  rows: fc.array(fc.tuple(dateCellArb, fc.array(amountArb, { maxLength: 16 })), { maxLength: 12 }),
});
const titleArb = fc.oneof(
  { weight: 1, arbitrary: fc.string() },
  { weight: 4, arbitrary: fc.constantFrom('Dr. Obi - Associate Prodution Tracker', 'Hygiene Production Tracker - Kia', 'Hygiene Production Tracker - Adriane', 'Chinyere Enih - Associate Production Tracker', 'Dr. Obi and Kamdi', '') },
);
const zoneArb = fc.constantFrom('America/Chicago', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC');

describe('whole random workbooks', () => {
  it('never throw, classify every tab, and produce only well-formed rows (1,500 workbooks)', () => {
    let withRows = 0;
    fc.assert(
      fc.property(titleArb, zoneArb, fc.array(tabArb, { minLength: 1, maxLength: 4 }), (title, timeZone, tabs) => {
        const workbook = {
          spreadsheetId: 'prop',
          title,
          timeZone,
          tabs: tabs.map((t, i) => {
            const header: Cell[] = [...t.baseHeader];
            for (const [at, cell] of t.headerChanges) header[at % header.length] = cell;
            return { name: t.name, sheetId: i + 1, values: [...t.junk, header, ...t.rows.map(([date, rest]) => [date, ...rest])] };
          }),
        };
        const u = understandWorkbook(workbook, directory);
        if (u.months.some((m) => m.payload.rows.length > 0)) withRows++;

        expect(u.tabs.map((t) => t.tab)).toEqual(tabs.map((t) => t.name));
        for (const tab of u.tabs) expect(tab.month !== null || (tab.skipped_reason ?? '').length > 0).toBe(true);
        expect(['high', 'medium', 'low', 'none']).toContain(u.provider.confidence);

        const months = new Set<string>();
        for (const m of u.months) {
          expect(months.has(m.payload.month)).toBe(false); // a month is read from one tab only
          months.add(m.payload.month);
          const keys = new Set<string>();
          for (const row of m.payload.rows) {
            expect(row.work_date.startsWith(`${m.payload.month}-`)).toBe(true);
            expect(locationCodes.has(row.location_code)).toBe(true);
            expect(providerCodes.has(row.provider_code)).toBe(true);
            expect(row.source.tab).toBe(m.tab);
            const key = `${row.location_code}|${row.work_date}`;
            expect(keys.has(key)).toBe(false);
            keys.add(key);
            for (const field of DAY_FIELDS) {
              const v = row.fields[field];
              if (v !== null) expect(v).toMatch(DECIMAL);
            }
          }
          for (const f of m.payload.figures) expect(f.value).toMatch(DECIMAL);
          for (const r of m.rejects) expect([r.tab, r.reason.length > 0]).toEqual([m.tab, true]);
          for (const t of m.totals) expect(['agree', 'mismatch', 'no_summary']).toContain(t.status);
        }
        for (const r of u.rejects) expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500 },
    );
    // Not vacuous: a good share of the random workbooks really produce rows for the checks above to inspect.
    expect(withRows).toBeGreaterThan(200); // about a quarter do
  });
});
