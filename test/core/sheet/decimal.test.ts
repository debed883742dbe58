import { addDecimals, numberToDecimal, shiftDecimal, subtractDecimals, toCents } from '../../../src/core/decimal';

describe('exact decimals', () => {
  it('adds without floating-point error', () => {
    expect([addDecimals(['0.1', '0.2']), addDecimals([]), addDecimals(['-1296', '1103.00', '-459.08']), subtractDecimals('69567.03', '69567.030')]).toEqual([
      '0.3',
      '0',
      '-652.08',
      '0',
    ]);
  });

  it('shifts by powers of ten exactly (percent → fraction)', () => {
    expect([shiftDecimal('-77', -2), shiftDecimal('4.5', -2), shiftDecimal('1.25', 3)]).toEqual(['-0.77', '0.045', '1250']);
  });

  it('rounds to cents half away from zero', () => {
    expect([toCents('12.345'), toCents('-0.005'), toCents('1'), toCents('-12.344')]).toEqual([1235n, -1n, 100n, -1234n]);
  });

  it('converts doubles with at most ten fractional digits, never in exponent form', () => {
    expect([numberToDecimal(0.30000000000000004), numberToDecimal(-0), numberToDecimal(1e-11), numberToDecimal(123456789012.34), numberToDecimal(Infinity), numberToDecimal(2/3), numberToDecimal(-1.00000000005)]).toEqual([
      '0.3',
      '0',
      '0',
      '123456789012.34',
      null,
      '0.6666666667',
      '-1.0000000001',
    ]);
  });
});
