/**
 * When will a recording that is not eligible yet reach the threshold, at its recent pace?
 *
 * The pace is the median of the recent weekly totals, divided by 7. Why weekly totals and a
 * median (rather than the median of daily values or a trimmed mean of days):
 * - a small recording streams on a few days only (3 plays every fourth day): the median day is
 *   then 0 and a trimmed mean drops exactly those days, though the pace is real; weekly sums
 *   keep it;
 * - a week also holds every weekday once, so weekend peaks do not bias the pace;
 * - the median of four weeks ignores one exceptional week (a playlist add, a post going viral)
 *   that would otherwise promise a day the recording will not keep.
 *
 * The walk goes forward day by day: the window is made of calendar months, so on the first day
 * of each month the whole month 12 months back drops out, which can push the day well back.
 */
import { dayNumberOf, dayText, lastDayOfMonthIndex, monthIndexOfText, MonthCursor } from '../columns/calendar';
import type { Day, Month } from '../model/day';
import { ELIGIBILITY_THRESHOLD, WINDOW_MONTHS } from './rules';
import type { Message } from '../i18n/message';
import { message } from '../i18n/typed';

const PACE_WEEKS = 4;

interface RecentPace {
  /** Streams per day. */
  perDay: number;
  /** Weeks that had at least one day of data (at most PACE_WEEKS). */
  weeks: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The recent pace over the PACE_WEEKS weeks ending with `lastDay`. Days without a value (gaps,
 * or before the series starts) are left out; a week with some days missing is scaled up from
 * the days it has. Null when no day of those weeks has a value.
 */
export function recentPace(daily: ReadonlyMap<Day, number>, lastDay: Day): RecentPace | null {
  return recentPaceOf((n) => daily.get(dayText(n)), dayNumberOf(lastDay));
}

/** recentPace over any day lookup: `valueOn(n)` is day number n's value, undefined when absent. */
export function recentPaceOf(valueOn: (n: number) => number | undefined, lastN: number): RecentPace | null {
  const weekly: number[] = [];
  let n = lastN;
  for (let week = 0; week < PACE_WEEKS; week += 1) {
    let sum = 0;
    let known = 0;
    for (let offset = 0; offset < 7; offset += 1, n -= 1) {
      const value = valueOn(n);
      if (value === undefined) continue;
      sum += value;
      known += 1;
    }
    if (known > 0) weekly.push((sum / known) * 7);
  }
  if (weekly.length === 0) return null;
  return { perDay: median(weekly) / 7, weeks: weekly.length };
}

interface ProjectionInput {
  /** Streams per calendar month known so far (days up to `lastKnownDay`). */
  monthStreams: ReadonlyMap<Month, number>;
  /** The last day whose streams are known; projected streams start the day after. */
  lastKnownDay: Day;
  /** The evaluation day; the walk looks 12 months past its month. */
  asOfDay: Day;
  perDay: number;
  threshold?: number;
}

/** Float sums of fractional paces: 0.1 × 10 must reach 1. */
const EPSILON = 1e-9;

/**
 * The first day on which the trailing 12-calendar-month total reaches the threshold if the
 * recording keeps streaming `perDay` a day, or null when it does not within the 12 months
 * after the asOf month. After those, the window holds only projected days, so a pace that has
 * not reached the threshold by then never will.
 */
export function projectEligibleDay(input: ProjectionInput): Day | null {
  const totals = new Map<number, number>();
  for (const [month, streams] of input.monthStreams) totals.set(monthIndexOfText(month), streams);
  const day = projectEligibleDayNumber(totals, dayNumberOf(input.lastKnownDay), monthIndexOfText(input.asOfDay), input.perDay, input.threshold);
  return day === null ? null : dayText(day);
}

/**
 * projectEligibleDay on numbers: `monthStreams` by month index (changed by the walk: pass a
 * copy), days as day numbers. Returns the day number, or null.
 */
export function projectEligibleDayNumber(monthStreams: Map<number, number>, lastKnownDay: number, asOfMonth: number, perDay: number, threshold = ELIGIBILITY_THRESHOLD): number | null {
  if (!(perDay > 0)) return null;
  const end = lastDayOfMonthIndex(asOfMonth + 12);
  const cursor = new MonthCursor(lastKnownDay + 1);
  let month: number | null = null;
  let windowSum = 0;
  for (let day = lastKnownDay + 1; day <= end; day++) {
    const dayMonth = cursor.at(day);
    if (dayMonth !== month) {
      // A new calendar month: the window now starts a month later, the oldest month is gone.
      month = dayMonth;
      windowSum = 0;
      for (let offset = 0; offset < WINDOW_MONTHS; offset += 1) windowSum += monthStreams.get(month - offset) ?? 0;
    }
    monthStreams.set(dayMonth, (monthStreams.get(dayMonth) ?? 0) + perDay);
    windowSum += perDay;
    if (windowSum >= threshold - EPSILON) return day;
  }
  return null;
}

/** Why the projection is what it is, in one sentence (docs/i18n.md). */
export function projectionCaveat(pace: RecentPace | null, projectedDay: Day | null, threshold = ELIGIBILITY_THRESHOLD): Message {
  if (pace === null) return message('caveatNoPace');
  if (pace.perDay === 0) return pace.weeks === 1 ? message('caveatNoStreamsLastWeek') : message('caveatNoStreamsLastWeeks', { weeks: pace.weeks });
  const basis = { text: pace.weeks === 1 ? message('paceBasisLastWeek') : message('paceBasisMedian', { weeks: pace.weeks }) };
  const rate = { text: message('paceRate', { pace: { decimal: pace.perDay }, basis }) };
  if (projectedDay === null) return message('caveatNotWithinYear', { rate, perYear: Math.round(pace.perDay * 365), threshold });
  return message('caveatProjected', { rate });
}
