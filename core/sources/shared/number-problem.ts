/** Why a figure on a page is not an exact count (locale-number.ts), as a message (docs/i18n.md). */
import type { Message } from '../../i18n/message';
import { message } from '../../i18n/typed';
import type { LocaleIntegerProblem } from './locale-number';

const KEYS = {
  abbreviated: 'readerNumberAbbreviated',
  ambiguous: 'readerNumberAmbiguous',
  'not-integer': 'readerNumberNotInteger',
  'not-a-number': 'readerNumberNotANumber',
} as const;

export function numberProblem(problem: LocaleIntegerProblem): Message {
  return message(KEYS[problem]);
}
