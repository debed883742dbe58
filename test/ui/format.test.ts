import { countOf, escapeCardText, formatMonth, formatMoney } from '../../src/ui/format';

test('formatMonth names the month', () => {
  expect(formatMonth('2024-11')).toBe('November 2024');
  expect(formatMonth('2023-01')).toBe('January 2023');
});

test('escapeCardText keeps card markup characters as text', () => {
  expect(escapeCardText('<b>Q4</b> & more')).toBe('&lt;b&gt;Q4&lt;/b&gt; &amp; more');
});

test('countOf agrees in number', () => {
  expect([countOf(0, 'tab'), countOf(1, 'tab'), countOf(2, 'month tab')]).toEqual(['0 tabs', '1 tab', '2 month tabs']);
});

test('formatMoney shows a decimal string as dollars and cents, exactly, with thousands separators', () => {
  expect(['31893.08', '-1296', '1296.5', '0', '-0.004', '1234567.895', '12.3456', '.5'].map(formatMoney)).toEqual([
    '$31,893.08',
    '-$1,296.00',
    '$1,296.50',
    '$0.00',
    '$0.00',
    '$1,234,567.90',
    '$12.35',
    '$0.50',
  ]);
});

test('formatMoney leaves anything that is not a plain decimal as it came', () => {
  expect(['', 'n/a', '1e5'].map(formatMoney)).toEqual(['', 'n/a', '1e5']);
});
