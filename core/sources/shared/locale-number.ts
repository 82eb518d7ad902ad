/**
 * Whole numbers as a page renders them for its locale ("7,040", "7.040", "7 040", "7’040").
 * Only exact integers are returned. Abbreviated figures ("1.2K", "1,2 k", "3 Mio.") are
 * rounded by the page and never stored. A single "," or "." before three digits is a
 * thousands separator in some locales and a decimal point in others: it is accepted only when
 * the page's locale says it groups thousands with that character.
 */
export type LocaleIntegerProblem = 'abbreviated' | 'ambiguous' | 'not-integer' | 'not-a-number';

type LocaleInteger = { value: number } | { problem: LocaleIntegerProblem };

const SPACES = /[\u00a0\u202f\u2009\u2007 ]/g;

/** The thousands and decimal separators of a locale, or null when the locale is unknown. */
function separatorsOf(locale: string): { group: string; decimal: string } | null {
  try {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
    const group = parts.find((part) => part.type === 'group')?.value.replace(SPACES, ' ');
    const decimal = parts.find((part) => part.type === 'decimal')?.value;
    return group && decimal ? { group, decimal } : null;
  } catch {
    return null;
  }
}

function exact(digits: string): LocaleInteger {
  const value = Number(digits);
  return Number.isSafeInteger(value) ? { value } : { problem: 'not-integer' };
}

export function parseLocaleInteger(text: string, locale?: string): LocaleInteger {
  const compact = text.replace(SPACES, ' ').trim();
  if (!/\d/.test(compact)) return { problem: 'not-a-number' };
  if (/\p{L}/u.test(compact)) return { problem: 'abbreviated' };
  if (/^\d{1,16}$/.test(compact)) return exact(compact);
  // Space and apostrophe separators are never decimal points (one kind per number).
  if (/^\d{1,3}([ '’])\d{3}(?:\1\d{3})*$/.test(compact)) return exact(compact.replace(/[ '’]/g, ''));
  // The same "," or "." twice or more: a decimal point appears once, so these group thousands.
  if (/^\d{1,3}([.,])\d{3}(?:\1\d{3})+$/.test(compact)) return exact(compact.replace(/[.,]/g, ''));
  const single = /^\d{1,3}([.,])\d{3}$/.exec(compact);
  if (single) {
    const separator = single[1]!;
    const separators = locale ? separatorsOf(locale) : null;
    if (separators?.group === separator) return exact(compact.replace(separator, ''));
    return { problem: separators?.decimal === separator ? 'not-integer' : 'ambiguous' };
  }
  return { problem: /^-/.test(compact) || /[.,]\d{1,2}$/.test(compact) || /[.,]\d{4,}$/.test(compact) ? 'not-integer' : 'ambiguous' };
}
