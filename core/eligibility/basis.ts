/**
 * Which number the current 12-month total rests on. Daily S4A streams are the source of
 * truth; when their coverage of the window is incomplete, S4A's own "Last 12 months" total
 * (metric `streams_12m`), if it is at least as fresh as the daily data, is the better
 * estimate. S4A's window is the last 365 days, not 12 calendar months, so it is an estimate
 * either way (docs/domain.md: an estimate, not a guarantee).
 */
import { addDays, type Day } from '../model/day';
import type { WindowTotal } from './series';

/** A "Last 12 months" total that ended more than this before asOf describes another window. */
const MAX_12M_TOTAL_AGE_DAYS = 31;

type TotalBasis = { kind: 'daily' } | { kind: 's4a-12m'; day: Day; value: number };

interface BasisInput {
  asOfDay: Day;
  /** Sum of the daily streams in the asOf month's window. */
  dailyTrailing: number;
  /** True when the daily series has gaps in the window, starts inside it, or is absent. */
  dailyIncomplete: boolean;
  /** The last day with a daily value, or null. */
  lastDailyDay: Day | null;
  /** The recording's S4A 12-month total, when every counted track has one. */
  streams12m: WindowTotal | null;
}

export function chooseBasis(input: BasisInput): TotalBasis {
  const total = input.streams12m;
  if (!total || !input.dailyIncomplete) return { kind: 'daily' };
  const fresher = input.lastDailyDay === null || total.day >= input.lastDailyDay;
  const recent = total.day >= addDays(input.asOfDay, -MAX_12M_TOTAL_AGE_DAYS);
  // The daily sum over incomplete coverage is a firm lower bound: a smaller S4A total (a
  // slightly different window) would not be a better estimate of the calendar window.
  if (!fresher || !recent || total.value <= input.dailyTrailing) return { kind: 'daily' };
  return { kind: 's4a-12m', day: total.day, value: total.value };
}

/**
 * The recording's S4A 12-month total: the tracks' totals added (each track's own streams),
 * ending on the earliest of their days; null unless every track in `trackIds` has one.
 */
export function recordingStreams12m(totals: ReadonlyArray<WindowTotal | null>): WindowTotal | null {
  if (totals.length === 0) return null;
  let value = 0;
  let day: Day | null = null;
  for (const total of totals) {
    if (!total) return null;
    value += total.value;
    if (day === null || total.day < day) day = total.day;
  }
  return { day: day!, value };
}
