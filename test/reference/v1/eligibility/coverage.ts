/**
 * Gaps in the daily S4A coverage. A missing day is not a day without streams: it is a day the
 * artist's readings never covered, so any sum over it is only a lower bound and must say so.
 */
import { addDays, daysBetween, type Day } from '../../../../core/model/day';
import { nextDay } from './days';
import { PUBLISH_DELAY_DAYS } from './rules';
import { firstDayOf } from './monthly';

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
export function describeDays(days: readonly Day[]): string {
  const ranges = toRanges(days);
  const listed = ranges
    .slice(0, LISTED_RANGES)
    .map((range) => (range.first === range.last ? range.first : `${range.first} to ${range.last}`));
  const rest = ranges.length - LISTED_RANGES;
  if (rest <= 0) return listed.join(', ');
  return `${listed.join(', ')} and ${rest} more ${rest === 1 ? 'range' : 'ranges'}`;
}

export function countDays(count: number): string {
  return count === 1 ? '1 day' : `${count.toLocaleString('en-US')} days`;
}
