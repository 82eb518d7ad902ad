/**
 * Days and counts as the trends table may print them. Only exact values: a day in an
 * unambiguous form (ISO, "18 March 2026", "Mar 18, 2026", or the Swiss/German "18.03.2026"),
 * a count that is a whole number for the page's locale. "03/18/2026" is refused (month or
 * day first?), as are "1.2K" and "12.5".
 */
import { isDay, type Day } from '../../model/day';
import { leadingDate } from '../shared/dates';
import { parseLocaleInteger } from '../shared/locale-number';

const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

export function parseTableDay(text: string): Day | null {
  const compact = text.replace(/\s+/g, ' ').trim();
  const dotted = DOTTED.exec(compact);
  if (dotted) {
    const day = `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}`;
    return isDay(day) ? day : null;
  }
  const leading = leadingDate(compact);
  return leading && leading.day && leading.rest.trim() === '' ? leading.day : null;
}

export function parseTableCount(text: string, locale?: string): number | null {
  const parsed = parseLocaleInteger(text, locale);
  return 'value' in parsed ? parsed.value : null;
}
