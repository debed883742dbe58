// npm start (for now): the built add-on's homepage on the legacy exports, as a user would see it in Sheets.
// Loads dist/Code.js (npm start builds it first) into the local Apps Script runtime with each exported workbook
// open as the active spreadsheet, calls onHomepage and prints the card. The sync-engine issue replaces this
// with the real sync. Exit 0 when every workbook rendered; 1 when the exports or the bundle are missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Cell } from '../src/core/cell';
import type { Workbook } from '../src/core/ports';
import { createGasRuntime, loadBundle, type SeedValue, type SpreadsheetSeed } from './gas-runtime';
import { renderCardText } from './gas-runtime/card-text';
import { readWorkbookFiles } from './lib/workbook-reader';

const REPO_ROOT = path.resolve(__dirname, '..');
export const LEGACY_EXPORTS = path.resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'legacy-exports');
const TIME_ZONE = 'America/Chicago'; // the demo clinic's

// What Google passes a homepage trigger in Sheets before the user grants this file (test/fixtures/events).
const HOMEPAGE_EVENT = { commonEventObject: { hostApp: 'SHEETS', platform: 'WEB' }, sheets: { addonHasFileScopePermission: false } };

/** Workbooks read from the export folder, as seeds for the runtime's SpreadsheetApp. */
export async function legacyExportSeeds(dir = LEGACY_EXPORTS): Promise<SpreadsheetSeed[]> {
  const files = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.csv'))
    .sort()
    .map((name) => path.join(dir, name));
  const { workbooks, errors } = await readWorkbookFiles(files, { timeZone: TIME_ZONE });
  if (errors.length > 0) throw new Error(errors.map((e) => `${e.file}: ${e.message}`).join('\n'));
  return workbooks.map(({ workbook }) => toSeed(workbook));
}

function toSeed(workbook: Workbook): SpreadsheetSeed {
  return {
    id: workbook.spreadsheetId,
    name: workbook.title,
    timeZone: workbook.timeZone,
    sheets: workbook.tabs.map((tab) => ({
      name: tab.name,
      sheetId: tab.sheetId,
      values: tab.values.map((row) => row.map(toSeedValue)),
    })),
  };
}

// A CSV download is text, so its cells stay strings here where a live sheet would hold typed numbers and dates;
// the homepage reads only tab names. (Date and error cells only come from .xlsx, which this does not read.)
function toSeedValue(cell: Cell): SeedValue {
  if (cell === null || typeof cell !== 'object') return cell;
  return 'error' in cell ? cell.error : cell.date;
}

export async function main(): Promise<number> {
  const bundlePath = path.join(REPO_ROOT, 'dist', 'Code.js');
  if (!existsSync(bundlePath)) {
    process.stderr.write(`No bundle at ${bundlePath}: run \`npm start\` (it builds first) or \`npm run build\`.\n`);
    return 1;
  }
  if (!existsSync(LEGACY_EXPORTS)) {
    process.stderr.write(`No legacy exports at ${LEGACY_EXPORTS}: the repo expects ../shared beside it.\n`);
    return 1;
  }
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'appsscript.json'), 'utf8'));
  for (const seed of await legacyExportSeeds()) {
    const runtime = createGasRuntime({
      activeSpreadsheet: seed,
      oauthScopes: manifest.oauthScopes,
      urlFetchWhitelist: manifest.urlFetchWhitelist,
    });
    const bundle = loadBundle(runtime, bundlePath);
    const cards = bundle.onHomepage(runtime.realm.adopt(HOMEPAGE_EVENT));
    process.stdout.write(`${renderCardText(cards)}\n\n`);
  }
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
