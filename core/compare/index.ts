/**
 * compare: Spotify for Artists' daily streams beside each distributor's, day by day, with the
 * reasons they differ (docs/contracts.md §2 `compare --json`, docs/domain.md "Why the distributor's daily count
 * differs"). Pure: the same history and options always give the same result.
 *
 * Sources: `spotify` is S4A (store `spotify`, metric `streams`); every other source is a
 * distributor, compared through its Spotify-only store when it has one, else its all-store
 * view (then OTHER_STORES applies).
 */
import { historyColumns, type HistoryColumns } from '../columns/build';
import type { History } from '../model/history';
import { compareColumns, type ComparedTrack } from './columnar';
import type { CompareOptions, CompareResult, TrackComparison } from './types';

export * from './types';
export { compareColumns, type ColumnarComparison, type ComparedTrack } from './columnar';
export { compareMonths } from './monthly';

export { sourceName, formatCount, formatPercent } from './format';

/** A compared track with every day row built, in the shape of docs/contracts.md §2 (docs/contracts.md). */
export function trackComparison(compared: ComparedTrack): TrackComparison {
  return {
    track: compared.track,
    isrc: compared.isrc,
    title: compared.title,
    baselineRatio: compared.baselineRatio,
    lagDays: compared.lagDays,
    days: compared.days(),
    sources: compared.sources,
  };
}

/**
 * Every row of every selected track. For a big history prefer `compareColumns` and build the
 * rows of the days shown, or stream them one track at a time as `compare --json` does.
 */
export function compare(history: History | HistoryColumns, options: CompareOptions): CompareResult {
  const columns = 'byTrack' in history ? history : historyColumns(history);
  const result = compareColumns(columns, options);
  return { asOf: result.asOf, tracks: result.tracks.map(trackComparison) };
}
