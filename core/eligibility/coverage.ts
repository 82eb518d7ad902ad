/**
 * Gaps in the daily S4A coverage. A missing day is not a day without streams: it is a day the
 * artist's readings never covered, so any sum over it is only a lower bound and must say so.
 */
import type { DayValues } from '../columns/series';
import { addDays, daysBetween, type Day } from '../model/day';
import { nextDay, previousDay } from './days';
import { PUBLISH_DELAY_DAYS } from './rules';
import type { MessageParam } from '../i18n/message';
import { message } from '../i18n/typed';

interface DayRange {
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
 * Runs of days without a value between each series' first day and `end`, over all series (a
 * day missing from one version of a recording leaves the recording's sum a lower bound).
 * Sorted, disjoint, never adjacent. Worked out from the days present, so the cost follows the
 * data, not the span: a series from 1970 to year 9999 is two values, not 2.9 million days.
 */
function missingRanges(series: ReadonlyArray<ReadonlyMap<Day, number>>, end: Day): DayRange[] {
  const gaps: DayRange[] = [];
  for (const daily of series) {
    const days = [...daily.keys()].filter((day) => day <= end).sort();
    if (days.length === 0) continue;
    for (let i = 1; i < days.length; i++) {
      if (daysBetween(days[i - 1]!, days[i]!) > 1) gaps.push({ first: nextDay(days[i - 1]!), last: previousDay(days[i]!) });
    }
    const last = days[days.length - 1]!;
    if (last < end) gaps.push({ first: nextDay(last), last: end });
  }
  gaps.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const merged: DayRange[] = [];
  for (const gap of gaps) {
    const previous = merged[merged.length - 1];
    if (previous && daysBetween(previous.last, gap.first) <= 1) {
      if (gap.last > previous.last) previous.last = gap.last;
    } else merged.push({ ...gap });
  }
  return merged;
}

/** Every missing day, listed (missingRanges expanded): for small spans only. Sorted. */
export function missingDays(series: ReadonlyArray<ReadonlyMap<Day, number>>, end: Day): Day[] {
  const days: Day[] = [];
  for (const range of missingRanges(series, end)) {
    let day = range.first;
    for (let remaining = daysBetween(range.first, range.last); remaining >= 0; remaining -= 1, day = nextDay(day)) days.push(day);
  }
  return days;
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
