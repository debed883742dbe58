// Exact decimal strings for amounts (contract 3: amounts travel as decimal strings, exact cents). Money never goes
// through floating-point arithmetic here: text is parsed digit by digit, sums are BigInt over a common scale.
import { canonicalDecimal } from './month-hash';

/** A decimal as an integer count of 10^-scale units: "-12.34" → { units: -1234n, scale: 2 }. */
export interface ScaledDecimal {
  units: bigint;
  scale: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(text);
}

export function toScaled(decimal: string): ScaledDecimal {
  const m = DECIMAL_TEXT.exec(decimal);
  if (!m) throw new Error(`not a decimal: ${JSON.stringify(decimal)}`);
  const fraction = m[3] ?? '';
  const units = BigInt(m[2] + fraction);
  return { units: m[1] === '-' ? -units : units, scale: fraction.length };
}

function rescale(value: ScaledDecimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

export function fromScaled(value: ScaledDecimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const text = value.scale === 0 ? digits : `${digits.slice(0, -value.scale)}.${digits.slice(-value.scale)}`;
  return canonicalDecimal(negative ? `-${text}` : text);
}

export function addDecimals(values: readonly string[]): string {
  const scaled = values.map(toScaled);
  const scale = Math.max(0, ...scaled.map((s) => s.scale));
  const units = scaled.reduce((sum, s) => sum + rescale(s, scale), 0n);
  return fromScaled({ units, scale });
}

export function subtractDecimals(a: string, b: string): string {
  const sb = toScaled(b);
  return addDecimals([a, fromScaled({ units: -sb.units, scale: sb.scale })]);
}

/** Multiply by 10^exponent exactly (percent → fraction is exponent -2). */
export function shiftDecimal(decimal: string, exponent: number): string {
  const s = toScaled(decimal);
  if (exponent <= 0) return fromScaled({ units: s.units, scale: s.scale - exponent });
  const up = s.scale - exponent;
  return up >= 0 ? fromScaled({ units: s.units, scale: up }) : fromScaled({ units: s.units * 10n ** BigInt(-up), scale: 0 });
}

/** Whole cents, half away from zero: "12.345" → 1235n, "-0.005" → -1n. */
export function toCents(decimal: string): bigint {
  const s = toScaled(decimal);
  if (s.scale <= 2) return s.units * 10n ** BigInt(2 - s.scale);
  const divisor = 10n ** BigInt(s.scale - 2);
  const negative = s.units < 0n;
  const abs = negative ? -s.units : s.units;
  const rounded = (abs + divisor / 2n) / divisor;
  return negative ? -rounded : rounded;
}

export function centsToDecimal(cents: bigint): string {
  return fromScaled({ units: cents, scale: 2 });
}

/** Round half away from zero to at most `digits` fractional digits. */
export function roundDecimal(decimal: string, digits: number): string {
  const s = toScaled(decimal);
  if (s.scale <= digits) return fromScaled(s);
  const divisor = 10n ** BigInt(s.scale - digits);
  const negative = s.units < 0n;
  const abs = negative ? -s.units : s.units;
  const rounded = (abs + divisor / 2n) / divisor;
  return fromScaled({ units: negative ? -rounded : rounded, scale: digits });
}

// Sheets' getValues() and exceljs hand over IEEE doubles. The shortest text that round-trips the double (what
// String() prints: 123456789012.34, never 123456789012.3399963…) rounded to ten fractional digits keeps every value
// a person types into a production sheet (cents, hours to the hundredth, ratios) and drops binary noise such as
// 0.30000000000000004 → "0.3". Exponent forms are expanded: tiny values round to 0, huge ones print in full.
const FRACTION_DIGITS_FROM_DOUBLES = 10;

export function numberToDecimal(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  if (Number.isInteger(value)) return canonicalDecimal(BigInt(value).toString());
  const shortest = String(value);
  const plain = /e/i.test(shortest) ? value.toFixed(FRACTION_DIGITS_FROM_DOUBLES) : shortest;
  return roundDecimal(canonicalDecimal(plain), FRACTION_DIGITS_FROM_DOUBLES);
}
