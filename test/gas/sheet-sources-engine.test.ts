// Issue 13: "a test proves the same workbook gives identical rows through either" source. The two real legacy
// exports, seeded with typed values as getValues() gives them, are read once through SpreadsheetApp (the open
// spreadsheet, a card) and once through Sheets batchGet (a trigger, serial-number dates), and the sheet engine
// must understand both identically: rows, month figures, skipped rows, rejects, the totals check and the hash.
import path from 'node:path';
import { demoDirectory } from '../../src/core/demo-practice';
import { monthHash } from '../../src/core/month-hash';
import type { SheetSource, Workbook } from '../../src/core/ports';
import { understandWorkbook } from '../../src/core/sheet/understand-workbook';
import { SheetsApiSheetSource, type SheetsAdvancedService } from '../../src/gas/sheets-api-sheet-source';
import { SpreadsheetAppSheetSource, type SpreadsheetLike } from '../../src/gas/spreadsheet-app-sheet-source';
import { createGasRuntime } from '../../tools/gas-runtime';
import { nodeHasher } from '../../tools/lib/node-hasher';
import { typedLegacySeeds } from '../../tools/lib/typed-seed';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'workbooks');

function workbookFrom(source: SheetSource): Workbook {
  const described = source.describe();
  return { ...described, tabs: source.read(described.tabs.map((t) => t.name)) };
}

describe('the same workbook through SpreadsheetApp and through Sheets batchGet', () => {
  it.each(['Dr. Obi - Associate Prodution Tracker', 'Hygiene Production Tracker - Adriane'])(
    'gives identical understood months for %s',
    async (title) => {
      const seed = (await typedLegacySeeds(FIXTURES)).find((s) => s.name === title)!;
      expect(seed).toBeDefined();

      const card = createGasRuntime({ activeSpreadsheet: seed, context: 'card' });
      const open = card.spreadsheetApp.getActiveSpreadsheet() as unknown as SpreadsheetLike;
      const typed = understandWorkbook(workbookFrom(new SpreadsheetAppSheetSource(open, card.utilities)), demoDirectory());

      const trigger = createGasRuntime({ context: 'trigger', spreadsheets: [seed], driveFileGrants: [seed.id] });
      const sheets = trigger.sheets as unknown as SheetsAdvancedService;
      const background = understandWorkbook(workbookFrom(new SheetsApiSheetSource(sheets, seed.id)), demoDirectory());

      expect(typed.months.length).toBe(1);
      expect(typed.months[0].payload.rows.length).toBeGreaterThan(0);
      expect(background.months).toEqual(typed.months);
      expect(background.rejects).toEqual(typed.rejects);
      expect(background.tabs).toEqual(typed.tabs);
      expect(monthHash(background.months[0].payload, nodeHasher)).toBe(monthHash(typed.months[0].payload, nodeHasher));
      expect(trigger.callCounts()['Sheets.Spreadsheets.Values.batchGet']).toBe(1);
    },
  );
});
