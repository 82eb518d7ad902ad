/**
 * Royalty eligibility per recording, month by month, with a projection (issue 4; rules in
 * docs/domain.md, output shape in docs/contracts.md §2 `eligibility --json`).
 */
import type { Day } from '../../../../core/model/day';
import type { History } from '../../../../core/model/history';
import { groupByRecording } from './grouping';
import { evaluateRecording, type EligibilityTrack } from './recording';
import { ELIGIBILITY_THRESHOLD } from './rules';
import { collectS4aSeries } from './series';

export type { EligibilityTrack } from './recording';
export type { EligibilityMonth } from './window';
export type { ListenerCheck } from './listeners';
export { ELIGIBILITY_THRESHOLD, WINDOW_MONTHS } from './rules';
export { listenerCheck, UNPUBLISHED_LISTENER_MINIMUM_CAVEAT } from './listeners';
export { eligibilityStatusWord, eligibilityProgress, streamsToGo, monthName } from './status';
export { evaluateMonths, firstEligibleMonthOf, isEligibleAgain, trailingTotal } from './window';
export { recentPace, projectEligibleDay } from './projection';

/** `eligibility --json` (docs/contracts.md §2). */
export interface EligibilityResult {
  /** The evaluated day; its calendar month is each track's `month`. */
  asOf: Day;
  threshold: typeof ELIGIBILITY_THRESHOLD;
  tracks: EligibilityTrack[];
}

export interface EligibilityOptions {
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
export function eligibility(history: History, options: EligibilityOptions): EligibilityResult {
  const series = collectS4aSeries(history.observations, options.asOfDay);
  const tracks = groupByRecording(history.tracks).map((recording) => evaluateRecording(recording, (id) => series.get(id), options));
  return { asOf: options.asOfDay, threshold: ELIGIBILITY_THRESHOLD, tracks };
}
