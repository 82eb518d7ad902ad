/**
 * Exact decimal amounts for money (docs/contracts.md §3: "a decimal number exact to the
 * report's precision"). Report rows carry amounts such as 0.00310722474 USD; summing them as
 * floating-point numbers drifts by a cent over a catalogue's rows, so amounts are kept as a
 * BigInt count of units of 10^-scale and written as canonical decimal strings ("4.12", "-0.031",
 * "0"): no exponent, no trailing zeros in the fraction, no "+", no "-0".
 */

export interface Decimal {
  /** The value is units / 10^scale. */
  readonly units: bigint;
  readonly scale: number;
}

/** More fractional digits than any report writes (spreadsheet doubles print at most ~17). */
const MAX_DECIMAL_SCALE = 30;
/** Whole digits: a trillion in any currency is far beyond a royalty statement. */
const MAX_WHOLE_DIGITS = 15;

const CANONICAL = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;
const PLAIN = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d{1,3}))?$/;

export const ZERO: Decimal = { units: 0n, scale: 0 };

/**
 * Reads a plain decimal written with a "." mark, optionally signed and with an exponent
 * ("4.12", "-0.5", "1.2E-05", ".5"); null when it is not one or is beyond the limits above.
 */
export function parseDecimal(text: string): Decimal | null {
  const match = PLAIN.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '', fraction = '', exponentText] = match;
  if (whole === '' && fraction === '') return null;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  let scale = fraction.length - exponent;
  let units = BigInt(digits === '' ? '0' : digits);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  const result = normalise({ units: sign === '-' ? -units : units, scale });
  if (result.scale > MAX_DECIMAL_SCALE) return null;
  const magnitude = result.units < 0n ? -result.units : result.units;
  if (magnitude.toString().length - result.scale > MAX_WHOLE_DIGITS) return null;
  return result;
}

/** True for a string already in canonical form (what decimalToString writes). */
export function isCanonicalDecimal(text: string): boolean {
  return CANONICAL.test(text) && text !== '-0' && parseDecimal(text) !== null;
}

function normalise(decimal: Decimal): Decimal {
  let { units, scale } = decimal;
  if (units === 0n) return ZERO;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

function rescale(decimal: Decimal, scale: number): bigint {
  return decimal.units * 10n ** BigInt(scale - decimal.scale);
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return normalise({ units: rescale(a, scale) + rescale(b, scale), scale });
}

export function decimalSign(decimal: Decimal): -1 | 0 | 1 {
  return decimal.units < 0n ? -1 : decimal.units > 0n ? 1 : 0;
}

export function decimalToString(decimal: Decimal): string {
  const { units, scale } = normalise(decimal);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** The nearest double (for rates and charts; never for sums). */
export function decimalToNumber(decimal: Decimal): number {
  return Number(decimalToString(decimal));
}

/** A canonical decimal string → Decimal; throws on anything else (callers validated it). */
export function decimalOf(text: string): Decimal {
  const decimal = parseDecimal(text);
  if (decimal === null) throw new RangeError(`${JSON.stringify(text)} is not a decimal amount`);
  return decimal;
}
