/**
 * The hand-written shape checks accept exactly what the zod schemas they replaced accepted
 * (the parsers left zod to keep the content script small), on JSON bodies as camelKeys hands
 * them over: plain or null-prototype objects, arrays, strings, numbers, null.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from '../../../../core/zod';
import { arrayIn, everyItem, isFields, isText } from '../../../../core/sources/spotify/parsers/shape';
import { camelKeys } from '../../../../core/sources/shared/values';

/** JSON values, some with a `k` field that is often an array, some long strings. */
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ k: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] }),
  fc.string({ maxLength: 600 }),
  fc.constantFrom([], {}, null, '', 'x'.repeat(500), 'x'.repeat(501), [[]], { k: [] }, { k: null }, { k: {} }),
);
/** The same values as the parsers see them: through camelKeys (null-prototype objects). */
const seen = fc.oneof(body, body.map((value) => camelKeys(value)));

describe('shape checks agree with the zod schemas they replace', () => {
  it('isFields ≡ z.looseObject({})', () => {
    const schema = z.looseObject({});
    fc.assert(
      fc.property(seen, (value) => {
        expect(isFields(value)).toBe(schema.safeParse(value).success);
      }),
      { numRuns: 500 },
    );
  });

  it('arrayIn(value, k) ≡ z.looseObject({ k: z.array(z.unknown()) })', () => {
    const schema = z.looseObject({ k: z.array(z.unknown()) });
    fc.assert(
      fc.property(seen, (value) => {
        const parsed = schema.safeParse(value);
        expect(arrayIn(value, 'k') !== undefined).toBe(parsed.success);
        if (parsed.success) expect(arrayIn(value, 'k')).toEqual(parsed.data.k);
      }),
      { numRuns: 500 },
    );
  });

  it('isText(value, 1, 500) ≡ z.string().min(1).max(500), and 0..500 ≡ z.string().max(500)', () => {
    const bounded = z.string().min(1).max(500);
    const capped = z.string().max(500);
    fc.assert(
      fc.property(fc.oneof(seen, fc.string({ unit: 'grapheme', maxLength: 300 })), (value) => {
        expect(isText(value, 1, 500)).toBe(bounded.safeParse(value).success);
        expect(isText(value, 0, 500)).toBe(capped.safeParse(value).success);
      }),
      { numRuns: 500 },
    );
  });

  it('everyItem over arrayIn ≡ z.array of an element schema', () => {
    const schema = z.looseObject({ k: z.array(z.looseObject({ k: z.array(z.unknown()) })) });
    const items = fc.array(seen, { maxLength: 4 }).map((k) => ({ k }));
    fc.assert(
      fc.property(fc.oneof(seen, items), (value) => {
        const list = arrayIn(value, 'k');
        const ours = list !== undefined && everyItem(list, (item) => arrayIn(item, 'k') !== undefined);
        expect(ours).toBe(schema.safeParse(value).success);
      }),
      { numRuns: 500 },
    );
  });

  it('edge cases: a 500-character title passes, 501 and empty do not; null is not an object', () => {
    expect(isText('x'.repeat(500), 1, 500)).toBe(true);
    expect(isText('x'.repeat(501), 1, 500)).toBe(false);
    expect(isText('', 1, 500)).toBe(false);
    expect(isFields(null)).toBe(false);
    expect(isFields([])).toBe(false);
    expect(isFields(Object.create(null))).toBe(true);
  });
});
