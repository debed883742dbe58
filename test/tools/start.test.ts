import { legacyExportSeeds } from '../../tools/start';

describe('npm start seeds', () => {
  test('each exported title becomes one spreadsheet, its file suffix a tab', async () => {
    const seeds = await legacyExportSeeds();
    expect(seeds.map((seed) => [seed.name, seed.timeZone, seed.sheets.map((sheet) => sheet.name)])).toEqual([
      ['Dr. Obi - Associate Prodution Tracker', 'America/Chicago', ['Nov-24']],
      ['Hygiene Production Tracker - Adriane', 'America/Chicago', ['Dec-23']],
    ]);
  });

  test('cells keep the CSV text; empty cells are blank', async () => {
    const [obi] = await legacyExportSeeds();
    const firstDay = obi.sheets[0].values![1];
    expect(firstDay.slice(0, 6)).toEqual(['11/01/2024', null, '-1,296.00', '1,103.00', 'Baytown Office', null]);
  });
});
