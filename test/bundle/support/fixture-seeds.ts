// The two legacy exports as typed spreadsheets (tools/lib/typed-seed), plus variants named by scenario: one cell
// edited, one day row deleted, and a year of Dr. Obi's months (enough rows for several ingest batches).
import type { SeedValue, SpreadsheetSeed } from '../../../tools/gas-runtime';
import { localNoon, typedLegacySeeds } from '../../../tools/lib/typed-seed';

export async function fixtureSeeds(): Promise<{ obi: SpreadsheetSeed; adriane: SpreadsheetSeed }> {
  const seeds = await typedLegacySeeds();
  return {
    obi: seeds.find((s) => s.name.startsWith('Dr. Obi'))!,
    adriane: seeds.find((s) => s.name.startsWith('Hygiene'))!,
  };
}

/** A copy with one cell replaced (row and column 1-based, as the sheet shows them). */
export function withCell(seed: SpreadsheetSeed, tab: string, row: number, column: number, value: SeedValue): SpreadsheetSeed {
  return {
    ...seed,
    sheets: seed.sheets.map((s) => (s.name !== tab ? s : { ...s, values: s.values!.map((r, i) => (i !== row - 1 ? r : r.map((c, j) => (j === column - 1 ? value : c)))) })),
  };
}

/** A copy with one sheet row deleted (the rows below move up, as in Sheets). */
export function withoutRow(seed: SpreadsheetSeed, tab: string, row: number): SpreadsheetSeed {
  return { ...seed, sheets: seed.sheets.map((s) => (s.name !== tab ? s : { ...s, values: s.values!.filter((_, i) => i !== row - 1) })) };
}

// Each month's rows get their own row ids (the export's UUID column), as a new month tab's would.
function rowId(cell: SeedValue, k: number): SeedValue {
  return typeof cell === 'string' && /^[0-9a-f]{8}-/.test(cell) ? `${k.toString(16).padStart(2, '0')}${cell.slice(2)}` : cell;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Dr. Obi's November as `count` consecutive month tabs from Nov-24: the same day rows moved into each month (days
 * the month lacks dropped), the month-figure cells cleared (their totals would no longer hold). 13 months × 60
 * rows is more than one ingest batch holds (12 months / 600 rows).
 */
export function obiYear(obi: SpreadsheetSeed, count: number): SpreadsheetSeed {
  const [nov] = obi.sheets;
  const [header, ...days] = nov.values!;
  const firstFigureColumn = header.findIndex((h) => String(h).trim() === 'Total Production');
  const sheets = Array.from({ length: count }, (_, k) => {
    const year = 2024 + Math.floor((10 + k) / 12);
    const month = (10 + k) % 12; // 0-based
    const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const rows = days
      .filter((r) => Object.prototype.toString.call(r[0]) === '[object Date]')
      .slice(0, last)
      .map((r, i) => [localNoon(`${year}-${String(month + 1).padStart(2, '0')}-${String(i + 1).padStart(2, '0')}`, obi.timeZone ?? 'America/Chicago'), ...r.slice(1).map((c, j) => (j + 1 === header.length - 1 ? rowId(c, k) : j + 1 >= firstFigureColumn ? '' : c))])
    return { name: `${MONTHS[month]}-${String(year).slice(2)}`, sheetId: 100 + k, values: [header, ...rows] };
  });
  return { ...obi, id: `${obi.id}-year`, name: `${obi.name} (year)`, sheets };
}
