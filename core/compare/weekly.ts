/**
 * A weekly distributor series (a taught dashboard that shows one count per week,
 * core/recipes/README.md) beside S4A's daily streams summed over the same 7 days. Pure: the
 * caller gives S4A's days and the weeks; the answer uses the comparison's reason codes and
 * levels (core/compare/types.ts) with the same rules as days and months: a week is pending
 * until `settleDays` after its last day, a week S4A does not cover whole is MISSING_SOURCE,
 * equal within 1 % is MATCH, tiny counts LOW_VOLUME, and a usual ratio (from at least
 * WEEK_BASELINE_MIN_WEEKS settled weeks) separates FILTERED_PLAYS / OTHER_STORES from ANOMALY.
 * Sentences for weeks are not phrased here (the caller shows the code's chip).
 */
import { addDays, daysBetween, type Day } from '../model/day';
import { baselineFromRatios, BASELINE_MIN_STREAMS, isUsualRatio, type Baseline } from './baseline';
import { roundRatio } from './format';
import { isLowVolume, isMatch, withinNoise } from './noise';
import type { ReasonCode, ReasonLevel } from './types';
import { SPOTIFY_STORE } from '../model/ids';

export const WEEK_DAYS = 7;
/** Settled weeks with enough streams needed for a usual weekly ratio. */
const WEEK_BASELINE_MIN_WEEKS = 3;

interface WeekCount {
  /** The week's first day. */
  readonly week: Day;
  readonly count: number;
}

export interface WeekComparison {
  readonly week: Day;
  readonly lastDay: Day;
  /** S4A's streams summed over the 7 days, null when it has none of them. */
  readonly spotify: number | null;
  /** Days of the week S4A has a count for (0–7). */
  readonly spotifyDays: number;
  readonly distributor: number;
  readonly diff: number | null;
  readonly ratio: number | null;
  readonly status: 'settled' | 'pending' | 'missing';
  readonly code: ReasonCode;
  readonly level: ReasonLevel;
}

interface CompareWeeksOptions {
  /** The last day that has ended (UTC). */
  readonly asOf: Day;
  readonly settleDays: number;
  /** The distributor store the weeks count ("spotify", or "all": other stores included). */
  readonly store: string;
}

function spotifyWeek(daily: ReadonlyMap<Day, number>, week: Day): { sum: number; days: number } {
  let sum = 0;
  let days = 0;
  for (let i = 0; i < WEEK_DAYS; i++) {
    const value = daily.get(addDays(week, i));
    if (value === undefined) continue;
    sum += value;
    days++;
  }
  return { sum, days };
}

function compared(s: number, d: number, baseline: Baseline | null, allStores: boolean): { code: ReasonCode; level: ReasonLevel } {
  if (isMatch(s, d)) return { code: 'MATCH', level: 'expected' };
  if (isLowVolume(s, d)) return { code: 'LOW_VOLUME', level: 'expected' };
  if (!baseline) {
    if (allStores) return { code: 'OTHER_STORES', level: d >= s ? 'expected' : 'possible' };
    return d <= s ? { code: 'FILTERED_PLAYS', level: 'possible' } : { code: 'OTHER_STORES', level: 'possible' };
  }
  const ratio = s > 0 ? d / s : Number.POSITIVE_INFINITY;
  if (isUsualRatio(baseline, ratio)) return allStores ? { code: 'OTHER_STORES', level: 'expected' } : d <= s ? { code: 'FILTERED_PLAYS', level: 'expected' } : { code: 'OTHER_STORES', level: 'possible' };
  if (withinNoise(d, baseline.ratio * s)) return { code: 'LOW_VOLUME', level: 'expected' };
  return { code: 'ANOMALY', level: 'unexplained' };
}

/** One comparison per distributor week, oldest first; weeks given twice keep the last count. */
export function compareWeeks(spotifyDaily: ReadonlyMap<Day, number>, weeks: readonly WeekCount[], options: CompareWeeksOptions): WeekComparison[] {
  const byWeek = new Map<Day, number>();
  for (const one of weeks) byWeek.set(one.week, one.count);
  const ordered = [...byWeek.keys()].sort();
  const facts = ordered.map((week) => {
    const lastDay = addDays(week, WEEK_DAYS - 1);
    const s = spotifyWeek(spotifyDaily, week);
    const pending = daysBetween(lastDay, options.asOf) < options.settleDays;
    return { week, lastDay, s, d: byWeek.get(week)!, pending };
  });
  const ratios = new Float64Array(Math.max(1, facts.length));
  let count = 0;
  for (const fact of facts) if (!fact.pending && fact.s.days === WEEK_DAYS && fact.s.sum >= BASELINE_MIN_STREAMS) ratios[count++] = fact.d / fact.s.sum;
  const baseline = baselineFromRatios(ratios, count, WEEK_BASELINE_MIN_WEEKS);
  const allStores = options.store !== SPOTIFY_STORE;
  return facts.map(({ week, lastDay, s, d, pending }) => {
    const spotify = s.days > 0 ? s.sum : null;
    const whole = s.days === WEEK_DAYS;
    let reason: { code: ReasonCode; level: ReasonLevel };
    if (!whole) reason = pending ? { code: 'REPORTING_DELAY', level: 'possible' } : { code: 'MISSING_SOURCE', level: 'possible' };
    else if (pending && !isMatch(s.sum, d) && d < s.sum) reason = { code: 'REPORTING_DELAY', level: 'expected' };
    else reason = compared(s.sum, d, baseline, allStores);
    return {
      week,
      lastDay,
      spotify,
      spotifyDays: s.days,
      distributor: d,
      diff: spotify === null ? null : d - spotify,
      ratio: spotify !== null && spotify > 0 ? roundRatio(d / spotify) : null,
      status: pending ? 'pending' : whole ? 'settled' : 'missing',
      ...reason,
    };
  });
}
