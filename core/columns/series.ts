/**
 * One series (track, source, store, metric) as day-indexed typed arrays: index i is day number
 * `start + i`. The revisions of every day are kept in one flat pair of arrays (values and read
 * times), each day's run oldest first and compacted with the model's rules (a repeated value
 * adds nothing, docs/contracts.md §1 in docs/contracts.md), found through `offsets`.
 *
 * What holds "as of" a time is the last revision of the day read at or before it. Compaction
 * of a read-time-ordered list keeps or drops each entry by looking only at the entries before
 * it, so the revisions known at any time are a prefix of a day's run: one list serves every
 * `asOf`.
 */
import type { Metric } from '../model/schema';

export interface SeriesColumns {
  track: string;
  source: string;
  store: string;
  metric: Metric;
  /** Day number of index 0. */
  start: number;
  /** Days covered, from `start`. */
  length: number;
  /** Day i's revisions are entries offsets[i] … offsets[i + 1] − 1. Length `length + 1`. */
  offsets: Int32Array;
  /** Revision values. */
  revisionValues: Float64Array;
  /** When each revision was first read (epoch milliseconds). */
  revisionReadAt: Float64Array;
  /** Each day's latest value (its last revision), NaN where nothing was read. */
  latest: Float64Array;
  /** Days between the first and the last without any reading. */
  gaps: number;
  /** Indexes of the days read with more than one distinct value, ascending. */
  revisedDays: Int32Array;
  /** The earliest read time of any revision: before it, the series is not known at all. */
  firstReadAt: number;
  /** The latest read time of any revision: at or after it, `latest` is the value as of then. */
  lastReadAt: number;
}

/** The day values a computation reads: index i is day number `start + i`, NaN where absent. */
export interface DayValues {
  start: number;
  values: Float64Array;
  /** True when no day inside the values is NaN (lets a coverage check skip the walk). */
  complete?: boolean;
}

/** True when anything of the series had been read by `asOfMs`. */
export function knownAt(series: SeriesColumns, asOfMs: number): boolean {
  return series.firstReadAt <= asOfMs;
}

/** Each day's value as of `asOfMs` (NaN where nothing was read by then). */
export function valuesAsOf(series: SeriesColumns, asOfMs: number): Float64Array {
  if (series.lastReadAt <= asOfMs) return series.latest;
  const values = new Float64Array(series.length).fill(Number.NaN);
  for (let i = 0; i < series.length; i++) {
    const known = knownUpTo(series, i, asOfMs);
    if (known > series.offsets[i]!) values[i] = series.revisionValues[known - 1]!;
  }
  return values;
}

/** One past the last revision of day index i read at or before `asOfMs`. */
export function knownUpTo(series: SeriesColumns, i: number, asOfMs: number): number {
  const first = series.offsets[i]!;
  let end = series.offsets[i + 1]!;
  while (end > first && series.revisionReadAt[end - 1]! > asOfMs) end--;
  return end;
}

/** The value of `series` on day number `n`, or null. */
export function dayValue(series: DayValues | null | undefined, n: number): number | null {
  if (!series) return null;
  const value = series.values[n - series.start];
  return value === undefined || Number.isNaN(value) ? null : value;
}
