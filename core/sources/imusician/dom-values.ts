/**
 * Days and counts as the trends table may print them. Only exact values: a day in an
 * unambiguous form (ISO, "18 March 2026", "Mar 18, 2026", or the Swiss/German "18.03.2026"),
 * a count that is a whole number for the page's locale. "03/18/2026" is refused (month or
 * day first?), as are "1.2K" and "12.5".
 */
import type { Day } from '../../model/day';
import { exactDay } from '../shared/dates';
import { parseLocaleInteger } from '../shared/locale-number';

/** The shared reading of a day cell (core/sources/shared/dates.ts exactDay: the dotted form is there too). */
export function parseTableDay(text: string): Day | null {
  return exactDay(text);
}

export function parseTableCount(text: string, locale?: string): number | null {
  const parsed = parseLocaleInteger(text, locale);
  return 'value' in parsed ? parsed.value : null;
}
