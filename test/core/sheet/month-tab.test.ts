import { parseMonthTab } from '../../../src/core/sheet/month-tab';

describe('parseMonthTab', () => {
  it.each([
    ['Nov-24', '2024-11'],
    ['Dec-23', '2023-12'],
    ['Dec 2023', '2023-12'],
    ['Sept-24', '2024-09'],
    ['Sep-24', '2024-09'],
    ['November 2024', '2024-11'],
    ['November-24', '2024-11'],
    ['Nov-2024', '2024-11'],
    [' Nov-24 ', '2024-11'],
    ['Nov - 24', '2024-11'],
    ['Nov  2024', '2024-11'],
    ['nov-24', '2024-11'],
    ['MAY 2025', '2025-05'],
    ["Jan '25", '2025-01'],
  ])('reads tab %j as month %s', (tab, month) => {
    expect(parseMonthTab(tab)).toEqual({ month });
  });

  it.each([
    ['Log-25', 'log tab'],
    ['Foo-25', "not a month tab: 'foo' is not a month name"],
    ['Dentist-Sync-Log', 'log tab'],
    ['Hygiene-Sync-Log', 'log tab'],
    ['Summary', 'not a month tab (expected a month name and year, e.g. Nov-24 or November 2024)'],
    ['Sheet1', 'not a month tab (expected a month name and year, e.g. Nov-24 or November 2024)'],
    ['', 'empty tab name'],
    ['Nov-1850', 'not a month tab: year 1850 is out of range'],
  ])('skips tab %j with reason %j', (tab, skip) => {
    expect(parseMonthTab(tab)).toEqual({ skip });
  });
});
