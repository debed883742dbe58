// The homepage as the user gets it: the BUILT bundle, loaded into the local Apps Script runtime with a seeded
// spreadsheet, called with recorded add-on events.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createGasRuntime, loadBundle, type RuntimeOptions, type SpreadsheetSeed } from '../../tools/gas-runtime';
import { cardData, type CardData } from '../../tools/gas-runtime/card-service';
import { renderCardText } from '../../tools/gas-runtime/card-text';
import { legacyExportSeeds } from '../../tools/start';
import { buildBundle, type BuildResult } from './build-bundle';

const event = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'events', `${name}.json`), 'utf8'));

let build: BuildResult;
let obi: SpreadsheetSeed;
let adriane: SpreadsheetSeed;

beforeAll(async () => {
  build = buildBundle();
  if (!build.ok) throw new Error(`build failed:\n${build.errors}`);
  const seeds = await legacyExportSeeds();
  obi = seeds.find((seed) => seed.name === 'Dr. Obi - Associate Prodution Tracker')!;
  adriane = seeds.find((seed) => seed.name === 'Hygiene Production Tracker - Adriane')!;
  // Beside the exported month, tabs the legacy scripts met in real files (legacy-sync-facts §1.1).
  obi = { ...obi, sheets: [...obi.sheets, { name: 'Sept-24' }, { name: 'Summary' }, { name: 'Dentist-Sync-Log' }] };
});
afterAll(() => build?.cleanup());

// The runtime enforces what the shipped manifest allows (the file-scope request needs drive.file).
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'appsscript.json'), 'utf8'));

function run(options: RuntimeOptions) {
  const runtime = createGasRuntime({ oauthScopes: manifest.oauthScopes, urlFetchWhitelist: manifest.urlFetchWhitelist, ...options });
  return { runtime, bundle: loadBundle(runtime, build.file) };
}

const tabRows = (card: CardData) =>
  ((card.sections as CardData[])[1].widgets as CardData[]).map((widget) => {
    const text = (widget.decoratedText ?? widget.textParagraph) as CardData;
    return [text.text, text.bottomLabel ?? null];
  });

describe('onHomepage in the built bundle', () => {
  test('given the Dr. Obi export open, then the card names the spreadsheet and marks each tab month or not', () => {
    const { bundle } = run({ activeSpreadsheet: obi });
    const cards = bundle.onHomepage(event('homepage_sheets_without_file_scope'));
    expect(cards).toHaveLength(1);
    const card = cardData(cards[0]);
    expect((card.header as CardData).subtitle).toBe('Dr. Obi - Associate Prodution Tracker');
    expect(tabRows(card)).toEqual([
      ['Nov-24', 'Month tab: November 2024'],
      ['Sept-24', 'Month tab: September 2024'],
      ['Summary', 'Skipped: not a month tab (expected a month name and year, e.g. Nov-24 or November 2024)'],
      ['Dentist-Sync-Log', 'Skipped: log tab'],
    ]);
    expect(card).toMatchSnapshot();
  });

  test('given the hygiene export open, then its one tab is December 2023', () => {
    const { bundle } = run({ activeSpreadsheet: adriane });
    const card = cardData(bundle.onHomepage(event('homepage_sheets_without_file_scope'))[0]);
    expect(tabRows(card)).toEqual([['Dec-23', 'Month tab: December 2023']]);
    expect(renderCardText(bundle.onHomepage(event('homepage_sheets_without_file_scope')))).toMatchSnapshot();
  });

  test('reading the homepage costs one spreadsheet lookup and one read of each tab name and id', () => {
    const { runtime, bundle } = run({ activeSpreadsheet: obi });
    bundle.onHomepage(event('homepage_sheets_without_file_scope'));
    const spreadsheetCalls = Object.fromEntries(Object.entries(runtime.callCounts()).filter(([name]) => /^(SpreadsheetApp|Spreadsheet|Sheet)\./.test(name)));
    expect(spreadsheetCalls).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getId': 1,
      'Spreadsheet.getName': 1,
      'Spreadsheet.getSpreadsheetTimeZone': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getName': 4,
      'Sheet.getSheetId': 4,
    });
  });

  test('before the file grant the card offers it; after, it says the file is shared', () => {
    const { bundle } = run({ activeSpreadsheet: obi });
    const before = bundle.onHomepage(event('homepage_sheets_without_file_scope'));
    const after = bundle.onHomepage(event('homepage_sheets_with_file_scope'));
    expect(renderCardText(before).split('\n').slice(-3)).toEqual([
      '-- Background sync --',
      '   To sync this file in the background, Production Sync needs access to it (this file only).',
      '   [Allow access to this file → onRequestFileScope] [Refresh → onRefreshHomepage]',
    ]);
    expect(renderCardText(after).split('\n').slice(-3)).toEqual([
      '-- Background sync --',
      '   This file is shared with Production Sync.',
      '   [Refresh → onRefreshHomepage]',
    ]);
  });

  test('given no readable spreadsheet in Sheets before the file grant, then the card offers the grant', () => {
    for (const options of [{ activeSpreadsheet: null }, { activeSpreadsheet: obi, context: 'trigger' as const }]) {
      const { bundle } = run(options);
      expect(renderCardText(bundle.onHomepage(event('homepage_sheets_without_file_scope')))).toBe(
        '== Production Sync ==\n--\n' +
          '   Production Sync could not read the open spreadsheet. Allow access to this file (this file only) to let it read the file.\n' +
          '   [Allow access to this file → onRequestFileScope]',
      );
    }
  });

  test('given no Sheets context at all (a function run from the editor), then a card says no spreadsheet is open', () => {
    const { bundle } = run({ activeSpreadsheet: null });
    expect(renderCardText(bundle.onHomepage(undefined))).toBe(
      '== Production Sync ==\n--\n   No spreadsheet is open. Open a provider production spreadsheet in Google Sheets to see its month tabs.',
    );
  });

  test('given more tabs than a card can show, then it lists 90 and counts the rest, within the 100-widget limit', () => {
    const many = { ...obi, sheets: Array.from({ length: 150 }, (_, i) => ({ name: `Tab ${i + 1}` })) };
    const { bundle } = run({ activeSpreadsheet: many });
    const rows = tabRows(cardData(bundle.onHomepage(event('homepage_sheets_without_file_scope'))[0]));
    expect(rows).toHaveLength(91);
    expect(rows[89][0]).toBe('Tab 90');
    expect(rows[90]).toEqual(['…and 60 more tabs.', null]);
  });

  test('given a spreadsheet title with card markup, then it is shown as text', () => {
    const { bundle } = run({ activeSpreadsheet: { ...adriane, name: 'Hygiene <b>Q4</b> & more' } });
    const card = cardData(bundle.onHomepage(event('homepage_sheets_without_file_scope'))[0]);
    expect((card.header as CardData).subtitle).toBe('Hygiene &lt;b&gt;Q4&lt;/b&gt; &amp; more');
  });

  test('given getActiveSpreadsheet is refused but the file is granted, then the Sheets API describes it instead', () => {
    const granted = event('homepage_sheets_with_file_scope') as { sheets: { id: string } };
    const seed = { ...adriane, id: granted.sheets.id };
    const { runtime, bundle } = run({ activeSpreadsheet: null, spreadsheets: [seed], driveFileGrants: [seed.id] });
    runtime.globals.SpreadsheetApp = {
      getActiveSpreadsheet: () => {
        throw runtime.realm.exception('SpreadsheetApp.getActiveSpreadsheet is not supported in this context.');
      },
    };
    const card = cardData(bundle.onHomepage(granted)[0]);
    expect((card.header as CardData).subtitle).toBe('Hygiene Production Tracker - Adriane');
    expect(tabRows(card)).toEqual([['Dec-23', 'Month tab: December 2023']]);
    expect(Object.entries(runtime.callCounts()).filter(([name]) => name.startsWith('Sheets.'))).toEqual([['Sheets.Spreadsheets.get', 1]]);
  });

  test('given getActiveSpreadsheet is refused, then an error card with the message, and the stack only in the log', () => {
    const { runtime, bundle } = run({ activeSpreadsheet: obi });
    const refusal =
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly';
    runtime.globals.SpreadsheetApp = {
      getActiveSpreadsheet: () => {
        throw runtime.realm.exception(refusal);
      },
    };
    const text = renderCardText(bundle.onHomepage(event('homepage_sheets_without_file_scope')));
    expect(text).toBe(
      `== Production Sync ==\n   Something went wrong\n--\n   ${refusal}\n   Try again; if it keeps failing, tell your practice administrator.`,
    );
    const errors = runtime.consoleEntries.filter((entry) => entry.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^onHomepage failed: Exception: You do not have permission[^\n]*\n\s+at /);
  });
});

describe('the other entry points in the built bundle', () => {
  test('Refresh replaces the card with a fresh homepage', () => {
    const { bundle } = run({ activeSpreadsheet: adriane });
    const response = cardData(bundle.onRefreshHomepage(event('action_with_parameters_and_form_inputs')));
    expect(response.kind).toBe('ActionResponse');
    const steps = (response.navigation as CardData).steps as CardData[];
    expect(steps).toHaveLength(1);
    expect(tabRows(steps[0].updateCard as CardData)).toEqual([['Dec-23', 'Month tab: December 2023']]);
  });

  test('Allow access asks for drive.file on the open document', () => {
    const { bundle } = run({ activeSpreadsheet: adriane });
    expect(cardData(bundle.onRequestFileScope(event('action_with_parameters_and_form_inputs')))).toEqual({
      kind: 'EditorFileScopeActionResponse',
      requestFileScopeForActiveDocument: true,
    });
  });

  test('with a manifest lacking drive.file, Allow access fails visibly, as the real service requires that scope', () => {
    const { bundle } = run({ activeSpreadsheet: adriane, oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] });
    expect(cardData(bundle.onRequestFileScope(event('action_with_parameters_and_form_inputs')))).toEqual({
      kind: 'ActionResponse',
      notification: {
        text:
          'Production Sync: requestFileScopeForActiveDocument needs https://www.googleapis.com/auth/drive.file ' +
          'in appsscript.json oauthScopes (local runtime).',
      },
    });
  });

  test('onFileScopeGranted shows the homepage, now with the file shared', () => {
    const { bundle } = run({ activeSpreadsheet: adriane });
    const text = renderCardText(bundle.onFileScopeGranted(event('homepage_sheets_with_file_scope')));
    expect(text).toContain('   This file is shared with Production Sync.');
  });

  test('the Settings universal action shows the settings card', () => {
    const { bundle } = run({ activeSpreadsheet: adriane });
    const response = bundle.onOpenSettings(event('universal_action_settings'));
    expect(cardData(response).kind).toBe('UniversalActionResponse');
    expect(renderCardText(response)).toMatchSnapshot();
  });

  test('a failing button answers with a notification, not a stack', () => {
    const { runtime, bundle } = run({ activeSpreadsheet: adriane });
    runtime.globals.SpreadsheetApp = {
      getActiveSpreadsheet: () => {
        throw runtime.realm.exception('Service Spreadsheets timed out while accessing document with id 1q2w.');
      },
    };
    expect(cardData(bundle.onRefreshHomepage(event('action_with_parameters_and_form_inputs')))).toEqual({
      kind: 'ActionResponse',
      notification: { text: 'Production Sync: Service Spreadsheets timed out while accessing document with id 1q2w.' },
    });
    // The event carries a granted file id, so the Sheets API was tried too; its failure does not mask the first.
    expect(runtime.callCounts()['Sheets.Spreadsheets.get']).toBe(1);
  });
});
