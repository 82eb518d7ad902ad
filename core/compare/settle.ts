/**
 * When is a distributor's day final enough to judge? docs/domain.md: trends lag about 5 days and a day
 * is not settled until its value stops changing. The setting gives the window (default 5 days);
 * where the history shows this distributor's days still changing later than that, the window
 * learnt from the history wins, and the messages say so.
 *
 * Learning only ever lengthens the window: an unchanged re-read adds no observation (docs/contracts.md
 * §1), so the history cannot prove that a value stopped changing early, only that it changed
 * late. A too-short window would turn ordinary late data into false anomalies.
 */
import { MS_PER_DAY } from '../model/day';
import { knownUpTo, type SeriesColumns } from '../columns/series';
import { quantile } from './stats';
import { DEFAULT_SETTLE_DAYS } from '../model/settle';

/** Changes later than this are late revisions (fraud checks, corrections), not settling. */
const MAX_LEARNED_SETTLE_DAYS = 30;
/** Days that changed after their first reading needed before the history is believed. */
const MIN_CHANGED_DAYS = 3;
/** The window covers this share of the days that changed: rare late corrections do not count. */
const SETTLE_QUANTILE = 0.9;

export interface SettleWindow {
  days: number;
  /** True when `days` comes from the history rather than the setting. */
  learned: boolean;
}

/**
 * The settle window for one distributor source, from the revisions of all its series known at
 * `asOfMs`: for every day whose value changed after it was first read, how many days after
 * the day's end the last change came.
 */
export function learnSettleWindow(seriesOfSource: Iterable<SeriesColumns>, asOfMs: number, settingDays = DEFAULT_SETTLE_DAYS): SettleWindow {
  const changeAges: number[] = [];
  for (const series of seriesOfSource) {
    const { offsets, revisionReadAt, revisedDays } = series;
    const complete = series.lastReadAt <= asOfMs;
    for (let r = 0; r < revisedDays.length; r++) {
      const i = revisedDays[r]!;
      const end = complete ? offsets[i + 1]! : knownUpTo(series, i, asOfMs);
      if (end - offsets[i]! < 2) continue;
      // Whole days after the day's end, rounded up: a change read at any time on the k-th day
      // after the day counts as k. That is the difference of day numbers.
      const changedOn = Math.floor(revisionReadAt[end - 1]! / MS_PER_DAY);
      changeAges.push(Math.max(0, changedOn - (series.start + i)));
    }
  }
  if (changeAges.length < MIN_CHANGED_DAYS) return { days: settingDays, learned: false };
  const learnt = Math.min(MAX_LEARNED_SETTLE_DAYS, quantile(changeAges, SETTLE_QUANTILE));
  return learnt > settingDays ? { days: learnt, learned: true } : { days: settingDays, learned: false };
}

/** The last day number that is settled at `asOfMs` with a window of `settleDays`. */
export function lastSettledDay(asOfMs: number, settleDays: number): number {
  // Day n is settled once asOf ≥ end of day n + settleDays, i.e. (n + 1 + settleDays)·day − 1.
  return Math.floor((asOfMs + 1) / MS_PER_DAY) - settleDays - 1;
}

/** Whole days, rounded up, until day number `n` settles (0 when settled). */
export function daysUntilSettled(asOfMs: number, n: number, settleDays: number): number {
  const settlesAtMs = (n + 1 + settleDays) * MS_PER_DAY - 1;
  return Math.max(0, Math.ceil((settlesAtMs - asOfMs) / MS_PER_DAY));
}
