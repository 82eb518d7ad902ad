/**
 * The S4A values eligibility reads, per track: daily `streams`, and the `streams_12m` and
 * `listeners_12m` window totals. Each (track, metric, day) counts at its latest stored value:
 * for eligibility `observedAt` is not a cutoff (docs/contracts.md §2), only the day is (≤ asOf day).
 */
import { dayNumberOf, dayText } from '../columns/calendar';
import { seriesOf, type HistoryColumns } from '../columns/build';
import type { DayValues, SeriesColumns } from '../columns/series';
import type { Day } from '../model/day';
import type { Metric } from '../model/schema';
// S4A's own counts (source and store) are the source of truth for eligibility totals.
import { SPOTIFY_SOURCE, SPOTIFY_STORE } from '../model/ids';

export interface WindowTotal {
  /** The window's last day. */
  day: Day;
  value: number;
}

export interface TrackSeries {
  /** Daily S4A streams, days ≤ asOf only, each at its latest value; null when none. */
  dailyStreams: DayValues | null;
  /** The latest-ending S4A "Last 12 months" stream total with its day ≤ asOf, if read. */
  streams12m: WindowTotal | null;
  /** The latest-ending S4A 12-month unique-listener count with its day ≤ asOf, if read. */
  listeners12m: WindowTotal | null;
}

/** Index of the last day ≤ day number `lastN` with a value, or −1. */
function lastIndexUpTo(series: SeriesColumns, lastN: number): number {
  let i = Math.min(series.length - 1, lastN - series.start);
  while (i >= 0 && Number.isNaN(series.latest[i]!)) i--;
  return i;
}

function latestWindowTotal(series: SeriesColumns | undefined, lastN: number): WindowTotal | null {
  if (!series) return null;
  const i = lastIndexUpTo(series, lastN);
  return i < 0 ? null : { day: dayText(series.start + i), value: series.latest[i]! };
}

/** The track's S4A values for eligibility as of `asOfDay`, from its columns (latest values). */
export function s4aSeries(columns: HistoryColumns, trackId: string, asOfDay: Day): TrackSeries {
  const lastN = dayNumberOf(asOfDay);
  const series = (metric: Metric) => seriesOf(columns, trackId, SPOTIFY_SOURCE, SPOTIFY_STORE, metric);
  const daily = series('streams');
  let dailyStreams: DayValues | null = null;
  if (daily) {
    const end = lastIndexUpTo(daily, lastN) + 1;
    if (end > 0) dailyStreams = { start: daily.start, values: end === daily.length ? daily.latest : daily.latest.subarray(0, end), complete: daily.gaps === 0 };
  }
  return { dailyStreams, streams12m: latestWindowTotal(series('streams_12m'), lastN), listeners12m: latestWindowTotal(series('listeners_12m'), lastN) };
}
