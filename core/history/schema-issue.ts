/**
 * A schema's refusal (core/model/schema.ts, core/model/money.ts) as a message for the screens.
 * The schemas phrase their problems in English, the words the CLI prints; the message whose
 * English is exactly those words is the one the screens phrase in the artist's language. A
 * problem no key phrases (zod's own words for a wrong type or length) stays as zod wrote it.
 */
import { englishMessage } from '../i18n/english';
import type { Message } from '../i18n/message';
import { message } from '../i18n/typed';
import { METRICS } from '../model/schema';
import type { z } from '../zod';
import { zodIssueMessage } from '../zod-issue';

/** `issue` of the schema check of `checked` (zod keeps no input in its issues: it is found by the issue's path). */
export function schemaIssueMessage(issue: z.ZodError['issues'][number], checked: unknown): Message {
  const value = JSON.stringify(valueAt(checked, issue.path)) ?? 'undefined';
  const parent = valueAt(checked, issue.path.slice(0, -1));
  const candidates: Message[] = [
    message('fieldNotSourceId', { value }),
    message('fieldNotDay', { value }),
    message('fieldNotInstant', { value }),
    message('fieldNotIsrc', { value }),
    message('fieldNotSpotifyId', { value }),
    message('fieldNotMetric', { value, metrics: METRICS.join(', ') }),
    message('fieldNotNumber', { value }),
    message('fieldNotCount', { value }),
    message('fieldNotWholeNumber', { value }),
    message('fieldNotMonth', { value }),
    message('fieldNotAmount', { value }),
    message('fieldNotCurrency', { value }),
    message('fieldMonthEnd'),
  ];
  if (typeof parent === 'object' && parent !== null) {
    const { day, observedAt } = parent as { day?: unknown; observedAt?: unknown };
    if (typeof day === 'string' && typeof observedAt === 'string') {
      candidates.push(message('fieldDayAfterRead', { day, observedAt }), message('fieldMonthAfterRead', { month: day.slice(0, 7), observedAt }));
    }
  }
  return candidates.find((candidate) => englishMessage(candidate) === issue.message) ?? zodIssueMessage(issue) ?? message('fileProblemAsIs', { text: issue.message });
}

/** The value at `path` inside `value`, undefined where there is none. */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
