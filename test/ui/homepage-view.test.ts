import { toHomepageView } from '../../src/ui/homepage-view';

const outline = (names: string[]) => ({
  spreadsheetId: 'id-1',
  title: 'Dr. Obi - Associate Prodution Tracker',
  timeZone: 'America/Chicago',
  tabs: names.map((name, i) => ({ name, sheetId: i })),
});

describe('toHomepageView', () => {
  test('given month and other tabs, then each carries its month or the reason it is skipped, in sheet order', () => {
    expect(toHomepageView(outline(['Nov-24', 'Dec 2023', 'Hygiene-Sync-Log', 'Notes']), true)).toEqual({
      title: 'Dr. Obi - Associate Prodution Tracker',
      hasFileScope: true,
      tabs: [
        { name: 'Nov-24', month: '2024-11', skipReason: null },
        { name: 'Dec 2023', month: '2023-12', skipReason: null },
        { name: 'Hygiene-Sync-Log', month: null, skipReason: 'log tab' },
        { name: 'Notes', month: null, skipReason: 'not a month tab (expected a month name and year, e.g. Nov-24 or November 2024)' },
      ],
    });
  });
});
