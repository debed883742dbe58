import { countOf, escapeCardText, formatMonth } from '../../src/ui/format';

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
