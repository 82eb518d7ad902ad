/**
 * Dates as dashboards print them, read only when unambiguous: ISO ("2026-03-25"), month first
 * ("Mar 25, 2026", "Wednesday, March 25, 2026") or day first ("25 March 2026", "25. Mär" is
 * not: English month names only), and the Swiss/German dotted "25.03.2026" (day first, always).
 * Numeric forms like 03/04/2026 are refused (month or day first?). Shared by every reader's DOM
 * fallback and the page checks (core/page-check/dated.ts).
 */
import { isDay, type Day } from '../../model/day';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  const index = lower.length === 3 || lower === 'sept' ? MONTHS.indexOf(lower.slice(0, 3)) : full.indexOf(lower);
  return index >= 0 ? index + 1 : null;
}

function toDay(year: string, month: number, day: string): Day | null {
  const text = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isDay(text) ? text : null;
}

/** Reads an unambiguous date at the start of `text`; returns the day and the rest. */
export function leadingDate(text: string): { day: Day | null; rest: string } | null {
  const iso = /^(\d{4}-\d{2}-\d{2})(.*)$/s.exec(text);
  if (iso) return { day: isDay(iso[1]) ? iso[1]! : null, rest: iso[2]! };
  const monthFirst = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})(.*)$/s.exec(text);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1]!);
    return month ? { day: toDay(monthFirst[3]!, month, monthFirst[2]!), rest: monthFirst[4]! } : null;
  }
  const dayFirst = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})\.?\s+([A-Za-z]+\.?)\s+(\d{4})(.*)$/s.exec(text);
  if (dayFirst) {
    const month = monthNumber(dayFirst[2]!);
    return month ? { day: toDay(dayFirst[3]!, month, dayFirst[1]!), rest: dayFirst[4]! } : null;
  }
  return null;
}

const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(.*)$/s;

/** A day at the start of `text` in any form above, dotted included; null when there is none or it is no calendar day. */
export function leadingDay(text: string): { day: Day; rest: string } | null {
  const dotted = DOTTED.exec(text);
  if (dotted) {
    const day = toDay(dotted[3]!, Number(dotted[2]), dotted[1]!);
    return day ? { day, rest: dotted[4]! } : null;
  }
  const leading = leadingDate(text);
  return leading?.day ? { day: leading.day, rest: leading.rest } : null;
}

/** A text that is a day and nothing else ("2026-03-18", "18.03.2026", "Mar 18, 2026"), or null. */
export function exactDay(text: string): Day | null {
  const leading = leadingDay(text.replace(/\s+/g, ' ').trim());
  return leading && leading.rest.trim() === '' ? leading.day : null;
}
