/**
 * Quantities as report files write them. Files from different locales write the same count as
 * "1234", "1,234", "1.234", "1 234", "1'234" or "1234,0"; stream counts are whole numbers.
 */

/**
 * Reads a number written with either decimal mark. Returns null when `raw` is not a number.
 *
 * | input        | value   | why                                                        |
 * | ------------ | ------- | ---------------------------------------------------------- |
 * | `1234`       | 1234    |                                                            |
 * | `1,234`      | 1234    | one separator followed by exactly 3 digits: thousands      |
 * | `1.234`      | 1234    | (same; a count is never 1.234, so thousands is the reading |
 * |              |         |  that can be valid at all)                                 |
 * | `0,234`      | 0.234   | a leading 0 is never a thousands group                     |
 * | `1234,0`     | 1234    | decimal comma                                              |
 * | `1.234,50`   | 1234.5  | both marks: the last one is the decimal mark               |
 * | `1,234,567`  | 1234567 | the same mark twice: thousands                             |
 * | `1 234`      | 1234    | spaces, no-break spaces and `'` group thousands            |
 * | `-3`, `(3)`  | -3      | refunds / negative adjustments                             |
 * | `1.2E+03`    | 1200    | spreadsheet scientific notation                            |
 */
export function parseLocaleNumber(raw: string): number | null {
  let text = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  let sign = 1;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    text = parenthesised[1]!;
    sign = -1;
  }
  if (/^[-\u2212]/.test(text)) {
    text = text.slice(1);
    sign = -sign;
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  const value = unsignedValue(text);
  return value === null ? null : sign * value;
}

function unsignedValue(text: string): number | null {
  if (/^\d+(\.\d+)?[eE][+-]?\d+$/.test(text)) return Number(text);
  if (!/^\d[\d.,]*$/.test(text) && !/^[.,]\d+$/.test(text)) return null;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot !== -1 && lastComma !== -1) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    return grouped(text, group, decimal);
  }
  const mark = lastDot !== -1 ? '.' : lastComma !== -1 ? ',' : null;
  if (mark === null) return Number(text);
  const parts = text.split(mark);
  if (parts.length > 2) return grouped(text, mark, null);
  const [whole, fraction] = parts as [string, string];
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) return Number(whole + fraction);
  return whole === '' && fraction === '' ? null : Number(`${whole || '0'}.${fraction || '0'}`);
}

/** "1.234.567,5" with group "." and decimal ",": groups of three after the first. */
function grouped(text: string, group: string, decimal: string | null): number | null {
  const [integerPart, fraction, ...rest] = decimal === null ? [text] : text.split(decimal);
  if (rest.length > 0 || integerPart === undefined) return null;
  const groups = integerPart.split(group);
  if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((part) => !/^\d{3}$/.test(part))) return null;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  return Number(`${groups.join('')}${fraction === undefined ? '' : `.${fraction}`}`);
}
