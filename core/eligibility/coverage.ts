/**
 * Gaps in the daily S4A coverage. A missing day is not a day without streams: it is a day the
 * artist's readings never covered, so any sum over it is only a lower bound and must say so.
 */
import type { DayValues } from '../columns/series';
import { addDays, daysBetween, type Day } from '../model/day';
import { nextDay } from './days';
import { PUBLISH_DELAY_DAYS } from './rules';
import { firstDayOf } from './monthly';
import type { MessageParam } from '../i18n/message';
import { message } from '../i18n/typed';

export interface DayRange {
  first: Day;
  last: Day;
}

/**
 * The last day whose S4A value should be known at `asOfDay`: the asOf day itself when it was
 * read, otherwise not later than `PUBLISH_DELAY_DAYS` before it (S4A publishes about a day late).
 */
export function coverageEnd(asOfDay: Day, lastReadDay: Day): Day {
  const publishedBy = addDays(asOfDay, -PUBLISH_DELAY_DAYS);
  return lastReadDay > publishedBy ? lastReadDay : publishedBy;
}

/**
 * Days without a value between each series' first day and `end`, over all series (a day
 * missing from one version of a recording leaves the recording's sum a lower bound). Sorted.
 */
export function missingDays(series: ReadonlyArray<ReadonlyMap<Day, number>>, end: Day): Day[] {
  const missing = new Set<Day>();
  for (const daily of series) {
    const first = firstDayOf(daily);
    if (first === null) continue;
    // Most series are complete: counting their days is enough, no need to walk the range.
    let present = 0;
    for (const day of daily.keys()) if (day <= end) present += 1;
    if (first <= end && present === daysBetween(first, end) + 1) continue;
    for (let day = first; day <= end; day = nextDay(day)) if (!daily.has(day)) missing.add(day);
  }
  return [...missing].sort();
}

/** Sorted days → runs of consecutive days. */
export function toRanges(days: readonly Day[]): DayRange[] {
  const ranges: DayRange[] = [];
  for (const day of days) {
    const last = ranges[ranges.length - 1];
    if (last && daysBetween(last.last, day) === 1) last.last = day;
    else ranges.push({ first: day, last: day });
  }
  return ranges;
}

const LISTED_RANGES = 5;

/** "2025-03-04 to 2025-03-09, 2025-05-01 and 3 more ranges": short enough for one line. */
export function describeDays(days: readonly Day[]): MessageParam {
  const ranges = toRanges(days);
  const listed: MessageParam[] = ranges
    .slice(0, LISTED_RANGES)
    .map((range) => (range.first === range.last ? { date: range.first } : { text: message('dayRange', { first: { date: range.first }, last: { date: range.last } }) }));
  const rest = ranges.length - LISTED_RANGES;
  if (rest <= 0) return { list: listed };
  return { text: message('dayRangesMore', { list: { list: listed }, count: rest }) };
}

/** "1 day", "8 days". */
export function countDays(count: number): MessageParam {
  return { text: message('dayCount', { count }) };
}

/** missingDays over day columns: day numbers without a value, sorted. */
export function missingDayNumbers(series: readonly DayValues[], end: number): number[] {
  let low = Number.POSITIVE_INFINITY;
  for (const daily of series) if (daily.values.length > 0) low = Math.min(low, daily.start);
  if (!(low <= end)) return [];
  const missing = new Uint8Array(end - low + 1);
  let any = false;
  for (const daily of series) {
    const { start, values } = daily;
    // A series without gaps misses only the days after its last one.
    for (let n = daily.complete ? Math.max(start, start + values.length) : start; n <= end; n++) {
      const i = n - start;
      if (i >= values.length || Number.isNaN(values[i]!)) {
        missing[n - low] = 1;
        any = true;
      }
    }
  }
  const days: number[] = [];
  if (any) for (let k = 0; k < missing.length; k++) if (missing[k]) days.push(low + k);
  return days;
}
