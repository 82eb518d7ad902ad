/**
 * zod's own refusals reach the artist as our messages (core/zod-issue.ts), never zod's English:
 * the code with what was expected or the limit as parameters; a schema's own words stay its own.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../components/i18n';
import { englishMessage } from '../../../core/i18n/english';
import { z } from '../../../core/zod';
import { zodIssueMessage } from '../../../core/zod-issue';
import { speak } from './catalogs';

const issueOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!;

describe('zod issues as messages', () => {
  it('a wrong type, a length, a list size, an enum, unknown keys: keys with parameters, in German too', () => {
    const cases = [
      [z.string(), 7, 'expected string', 'erwartet: string'],
      [z.string().max(80), 'x'.repeat(81), 'at most 80 characters', 'höchstens 80 Zeichen'],
      [z.array(z.number()).min(2), [1], 'at least 2 items', 'mindestens 2 Einträge'],
      [z.enum(['streams', 'listeners']), 'plays', 'expected one of "streams", "listeners"', 'erwartet wird einer dieser Werte: "streams", "listeners"'],
      [z.strictObject({ a: z.number() }), { a: 1, b: 2 }, 'unknown fields: b', 'unbekannte Felder: b'],
    ] as const;
    for (const [schema, value, english, german] of cases) {
      const text = zodIssueMessage(issueOf(schema, value));
      expect(text).not.toBeNull();
      expect(englishMessage(text!)).toBe(english);
      speak('de');
      expect(formatMessage(text!)).toBe(german);
    }
  });

  it('leaves a schema’s own words to the schema (null)', () => {
    expect(zodIssueMessage(issueOf(z.string().regex(/^r-/, 'not a recipe id'), 'dk'))).toBeNull();
    expect(zodIssueMessage(issueOf(z.string().refine(() => false, 'a day after its reading'), 'x'))).toBeNull();
  });
});
