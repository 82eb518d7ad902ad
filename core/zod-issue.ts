/**
 * zod's own refusals (a wrong type, a length, an unknown key) as our messages (docs/i18n.md):
 * the issue's code with what was expected or the limit as parameters, never zod's English
 * words. A schema's own refusal (a `custom` issue, or a refinement's message) is left to the
 * caller, which knows the schema's words (core/history/schema-issue.ts, core/recipes/file.ts).
 */
import type { Message } from './i18n/message';
import { message } from './i18n/typed';
import { z } from './zod';

type Issue = z.core.$ZodIssue;

const zodEnglish = z.locales.en().localeError;

/** zod's own English for `issue` (its default words), to tell them from a schema's own message. */
function isZodWords(issue: Issue): boolean {
  const said = zodEnglish(issue as never);
  // "…, received number" names the input, which issues do not keep: compared without it.
  const words = (text: string | undefined) => text?.replace(/, received .*$/, '');
  return words(typeof said === 'string' ? said : said?.message) === words(issue.message);
}

const limit = (value: number | bigint) => (typeof value === 'bigint' ? Number(value) : value);

/** The message for a zod issue of one of zod's own codes; null for a schema's own words. */
export function zodIssueMessage(issue: Issue): Message | null {
  if (!isZodWords(issue)) return null;
  switch (issue.code) {
    // Type names (string, number, object …) are the format's own words, kept as they are.
    case 'invalid_type':
      return message('zodExpectedType', { expected: String(issue.expected) });
    case 'too_big': {
      const max = limit(issue.maximum);
      if (issue.origin === 'string') return message('zodTooLongText', { count: max });
      if (issue.origin === 'array' || issue.origin === 'set') return message('zodTooManyItems', { count: max });
      return message('zodTooLarge', { max });
    }
    case 'too_small': {
      const min = limit(issue.minimum);
      if (issue.origin === 'string') return message('zodTooShortText', { count: min });
      if (issue.origin === 'array' || issue.origin === 'set') return message('zodTooFewItems', { count: min });
      return message('zodTooSmall', { min });
    }
    case 'invalid_format':
      return message('zodBadFormat');
    case 'invalid_value':
      return message('zodOneOf', { values: issue.values.map((value) => JSON.stringify(value)).join(', ') });
    case 'unrecognized_keys':
      return message('zodUnknownKeys', { keys: issue.keys.join(', ') });
    case 'invalid_union':
      return message('zodNoForm');
    default:
      return null;
  }
}
