/**
 * Royalty eligibility per recording, month by month, with a projection (issue 4; rules in
 * docs/domain.md, output shape in docs/contracts.md §2 `eligibility --json`).
 */
import { historyColumns, type HistoryColumns } from '../columns/build';
import type { Day } from '../model/day';
import type { History } from '../model/history';
import { groupByRecording } from './grouping';
import { evaluateRecording, type EligibilityTrack } from './recording';
import { ELIGIBILITY_THRESHOLD } from './rules';
import { s4aSeries, type TrackSeries } from './series';

export type { EligibilityTrack } from './recording';


export { ELIGIBILITY_THRESHOLD } from './rules';
export { listenerCheck, UNPUBLISHED_LISTENER_MINIMUM_CAVEAT } from './listeners';
export { eligibilityStatusWord, eligibilityProgress, streamsToGo, monthName } from './status';



/** `eligibility --json` (docs/contracts.md §2). */
export interface EligibilityResult {
  /** The evaluated day; its calendar month is each track's `month`. */
  asOf: Day;
  threshold: typeof ELIGIBILITY_THRESHOLD;
  tracks: EligibilityTrack[];
}

interface EligibilityOptions {
  /** Counts S4A daily streams for days ≤ this day, at their latest stored value. */
  asOfDay: Day;
  /** The artist's assumed unique-listener minimum (settings); null or absent: no check. */
  assumedListenerMinimum?: number | null;
}

/**
 * Every recording of the history (one per ISRC; tracks without an ISRC one by one), evaluated
 * for the calendar month of `asOfDay`. `observedAt` is not a cutoff: each day counts at the
 * latest value stored for it.
 */
export function eligibility(history: History | HistoryColumns, options: EligibilityOptions): EligibilityResult {
  const columns = 'byTrack' in history ? history : historyColumns(history);
  const cache = new Map<string, TrackSeries>();
  const seriesOf = (id: string): TrackSeries => {
    let series = cache.get(id);
    if (!series) cache.set(id, (series = s4aSeries(columns, id, options.asOfDay)));
    return series;
  };
  const tracks = groupByRecording(columns.tracks).map((recording) => evaluateRecording(recording, seriesOf, options));
  return { asOf: options.asOfDay, threshold: ELIGIBILITY_THRESHOLD, tracks };
}
