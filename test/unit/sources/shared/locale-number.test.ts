import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseLocaleInteger } from '../../../../core/sources/shared/locale-number';

describe('parseLocaleInteger', () => {
  it.each([
    ['7040', undefined, 7040],
    ['0', undefined, 0],
    ['1 234', undefined, 1234],
    ['1\u00a0234\u00a0567', undefined, 1234567],
    ['1\u202f234', undefined, 1234],
    ["1'234'567", undefined, 1234567],
    ['1’234', undefined, 1234],
    ['1,234,567', undefined, 1234567],
    ['1.234.567', undefined, 1234567],
    ['1,234', 'en', 1234],
    ['1.234', 'de', 1234],
    ['1.234', 'pt-BR', 1234],
    [' 12 ', undefined, 12],
  ])('%j (%s) → %d', (text, locale, value) => {
    expect(parseLocaleInteger(text, locale)).toEqual({ value });
  });

  it.each([
    ['1.2K', 'en', 'abbreviated'],
    ['1,2 k', 'de', 'abbreviated'],
    ['3 Mio.', 'de', 'abbreviated'],
    ['1,234', undefined, 'ambiguous'],
    ['1.234', undefined, 'ambiguous'],
    ['1.234', 'en', 'not-integer'],
    ['1,234', 'de', 'not-integer'],
    ['1,234', 'not a locale!', 'ambiguous'],
    ['12.5', 'en', 'not-integer'],
    ['-3', 'en', 'not-integer'],
    ['1,234.5', 'en', 'not-integer'],
    ['1.234,56', 'de', 'not-integer'],
    ['1,23,456', 'en-IN', 'ambiguous'],
    ['1 234,5', 'fr', 'not-integer'],
    ['', 'en', 'not-a-number'],
    ['—', 'en', 'not-a-number'],
    ['1,234.567', 'en', 'ambiguous'],
  ])('%j (%s) → %s', (text, locale, problem) => {
    expect(parseLocaleInteger(text, locale)).toEqual({ problem });
  });

  it('reads back what Intl formats for integers in common locales', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.constantFrom('en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'pt-BR', 'sv-SE', 'de-CH', 'it-IT', 'nl-NL'), (n, locale) => {
        const text = new Intl.NumberFormat(locale).format(n);
        expect(parseLocaleInteger(text, locale)).toEqual({ value: n });
      }),
    );
  });
});
