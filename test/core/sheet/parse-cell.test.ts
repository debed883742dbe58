import { parseAmountCell, parseRatioCell, parseTextCell, rawCellText } from '../../../src/core/sheet/parse-cell';

describe('parseAmountCell', () => {
  it.each([
    ['$1,234.56', '1234.56'],
    [' $ 384.86 ', '384.86'],
    ['-$459.08', '-459.08'],
    ['$-459.08', '-459.08'],
    ['(123.45)', '-123.45'],
    ['($1,000.00)', '-1000'],
    ['-1,296.00', '-1296'],
    ['1,103.00', '1103'],
    ['$0.00', '0'],
    ['0', '0'],
    ['-0.00', '0'],
    ['.5', '0.5'],
    ['$ -', '0'],
    ['5.49', '5.49'],
    ['+12', '12'],
  ])('reads text %j as %j', (text, expected) => {
    expect(parseAmountCell(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [0, '0'],
    [-1296, '-1296'],
    [0.1 + 0.2, '0.3'],
    [384.86, '384.86'],
    [-0.77, '-0.77'],
    [1e21, '1000000000000000000000'],
    [1 / 3, '0.3333333333'],
  ])('reads the typed number %p as %j', (n, expected) => {
    expect(parseAmountCell(n)).toEqual({ ok: true, value: expected });
  });

  it.each([[null], [''], ['   ']])('reads blank %j as null, never 0', (cell) => {
    expect(parseAmountCell(cell)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['#N/A', 'the sheet shows an error (#N/A)'],
    ['#REF!', 'the sheet shows an error (#REF!)'],
    ['#DIV/0!', 'the sheet shows an error (#DIV/0!)'],
    [{ error: '#VALUE!' }, 'the sheet shows an error (#VALUE!)'],
    ['45%', 'a percentage where an amount is expected: "45%"'],
    ['abc', 'not a number: "abc"'],
    ['1,23', 'not a number: "1,23"'],
    ['--5', 'not a number: "--5"'],
    ['-(5)', 'not a number: "-(5)"'],
    [true, 'a checkbox/boolean (TRUE) where a number is expected'],
    [{ date: '2024-11-01' }, 'a date (2024-11-01) where a number is expected'],
    [Number.NaN, 'not a finite number (NaN)'],
  ])('rejects %j with reason %j', (cell, reason) => {
    expect(parseAmountCell(cell as never)).toEqual({ ok: false, reason });
  });
});

describe('parseRatioCell', () => {
  it.each([
    ['-77%', '-0.77'],
    ['4%', '0.04'],
    ['45%', '0.45'],
    ['12.5%', '0.125'],
    ['0.45', '0.45'],
    [0.45, '0.45'],
    [-0.77, '-0.77'],
    ['(10%)', '-0.1'],
  ])('reads %j as the fraction %j', (cell, expected) => {
    expect(parseRatioCell(cell)).toEqual({ ok: true, value: expected });
  });

  it('reports an error cell', () => {
    expect(parseRatioCell('#DIV/0!')).toEqual({ ok: false, reason: 'the sheet shows an error (#DIV/0!)' });
  });
});

describe('parseTextCell and rawCellText', () => {
  it('trims text and keeps blank as null', () => {
    expect([parseTextCell('  Humble Office '), parseTextCell(''), parseTextCell(12)]).toEqual([
      { ok: true, value: 'Humble Office' },
      { ok: true, value: null },
      { ok: true, value: '12' },
    ]);
  });

  it('renders every cell kind as text for reject records', () => {
    expect([rawCellText(null), rawCellText(' x '), rawCellText(-1.5), rawCellText(false), rawCellText({ date: '2024-11-01' }), rawCellText({ error: '#N/A' })]).toEqual([
      null,
      ' x ',
      '-1.5',
      'FALSE',
      '2024-11-01',
      '#N/A',
    ]);
  });
});
