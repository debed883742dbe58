import { demoDirectory } from '../../src/core/demo-practice';
import { understandWorkbook } from '../../src/core/sheet/understand-workbook';
import { buildHomepageCard, MAX_LISTED_TABS } from '../../src/ui/cards/homepage-card';
import { toSyncSetupView } from '../../src/ui/sync-setup-view';
import { renderCardText } from '../../tools/gas-runtime/card-text';
import { installCardService } from './install-card-service';

beforeEach(installCardService);

const view = (tabs: { name: string; month: string | null; skipReason: string | null }[], hasFileScope = false) => ({
  title: 'Hygiene Production Tracker - Adriane',
  tabs,
  hasFileScope,
});

describe('buildHomepageCard', () => {
  test('given one tab that is not a month, then the counts read "1 tab, 0 month tabs"', () => {
    const text = renderCardText(buildHomepageCard(view([{ name: 'Summary', month: null, skipReason: 'not a month tab' }])));
    expect(text).toContain('   Tabs: 1 tab, 0 month tabs\n-- Tabs --\n   Summary\n     Skipped: not a month tab\n');
  });

  test('given the file is shared, then no access button is offered, only Refresh', () => {
    const text = renderCardText(buildHomepageCard(view([{ name: 'Dec-23', month: '2023-12', skipReason: null }], true)));
    expect(text.endsWith('-- Background sync --\n   This file is shared with Production Sync.\n   [Refresh → onRefreshHomepage]')).toBe(true);
    expect(text).not.toContain('onRequestFileScope');
  });

  test('given exactly as many tabs as it lists, then no "more tabs" line', () => {
    const tabs = Array.from({ length: MAX_LISTED_TABS }, (_, i) => ({ name: `T${i}`, month: null, skipReason: 'x' }));
    expect(renderCardText(buildHomepageCard(view(tabs)))).not.toContain('more tab');
    const oneMore = [...tabs, { name: 'last', month: null, skipReason: 'x' }];
    expect(renderCardText(buildHomepageCard(view(oneMore)))).toContain('   …and 1 more tab.\n');
  });
});

describe('buildHomepageCard once the sync is set up', () => {
  const tab = (name: string, sheetId: number, date: string, humble = '100.00') => ({
    name,
    sheetId,
    values: [
      ['Date', 'Verified Production Humble', 'Verified Production Baytown', 'Total Production', 'Comments'],
      [date, humble, '200.00', '300.00', null],
    ],
  });
  const setupCard = (column_overrides: Record<string, string>) => {
    const workbook = { spreadsheetId: 'sheet-1', title: 'Dr. Obi - Tracker', timeZone: 'America/Chicago', tabs: [tab('Nov-24', 1, '11/01/2024'), tab('Dec-24', 2, '12/02/2024', '50.00')] };
    const directory = demoDirectory();
    const binding = { spreadsheet_id: 'sheet-1', updated_at: '2024-12-01T00:00:00Z', provider_code: 'obinna_ezeji', default_location_code: null, column_overrides };
    const setup = toSyncSetupView({
      directory,
      binding,
      detected: understandWorkbook(workbook, directory, { binding: null }),
      effective: understandWorkbook(workbook, directory, { binding }),
      askReason: null,
      needsLocation: false,
      enrolled: false,
      triggerInstalled: false,
      resumePending: false,
    });
    const tabs = workbook.tabs.map((t) => ({ name: t.name, month: t.name === 'Nov-24' ? '2024-11' : '2024-12', skipReason: null }));
    return renderCardText(buildHomepageCard({ title: workbook.title, tabs, hasFileScope: false, sync: { kind: 'ready', setup } }));
  };

  test('given two month tabs laid out alike, then their columns are described once, one line per column, grouped', () => {
    expect(setupCard({})).toContain(
      [
        '-- Columns --',
        '   Nov-24 (2 rows), Dec-24 (2 rows) · dentist layout', // a row per office and day
        '   Day columns',
        '   • Date → the day (date)',
        '   • Verified Production Humble → verified production at Humble',
        '   • Verified Production Baytown → verified production at Baytown',
        '   • Comments → note',
        '   Month figures',
        '   • Total Production → total production',
        '   [Change what a column means → onShowColumns]',
      ].join('\n'),
    );
  });

  test('given a mismatching total, then its line is flagged with both figures and the difference, offices by name', () => {
    const text = setupCard({});
    expect(text).toContain("✓ Nov-24 · all offices · production $300.00 — day rows match the sheet's total");
    expect(text).toContain("⚠ Dec-24 · all offices · production does not match: sheet's total $300.00, day rows $250.00, difference -$50.00");
  });

  test('given a column set by hand, then it says so, and how many columns are', () => {
    const text = setupCard({ comments: 'ignore' });
    expect(text).toContain('   Not used\n   • Comments → not used (set by hand)\n');
    expect(text).toContain('   1 column set by hand (saved for every month tab).\n');
  });
});
