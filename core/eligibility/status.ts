/**
 * The popup's status words (docs/ui.md): "Earning", "Not yet — 188 to go", "Earning again since May".
 */
import type { Month } from '../model/day';
import type { EligibilityTrack } from './recording';
import { ELIGIBILITY_THRESHOLD } from './rules';
import { isEligibleAgain } from './window';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "May", or "May 2024" when the month is not in the year of `relativeTo`. */
export function monthName(month: Month, relativeTo?: Month): string {
  const name = MONTH_NAMES[Number(month.slice(5, 7)) - 1]!;
  return relativeTo === undefined || relativeTo.slice(0, 4) === month.slice(0, 4) ? name : `${name} ${month.slice(0, 4)}`;
}

/** Streams still needed to reach the threshold in the current window (0 when eligible). */
export function streamsToGo(track: Pick<EligibilityTrack, 'trailing12mStreams'>, threshold = ELIGIBILITY_THRESHOLD): number {
  return Math.max(0, threshold - track.trailing12mStreams);
}

/** Share of the threshold reached, 0…1, for a progress bar. */
export function eligibilityProgress(track: Pick<EligibilityTrack, 'trailing12mStreams'>, threshold = ELIGIBILITY_THRESHOLD): number {
  return Math.min(1, Math.max(0, track.trailing12mStreams / threshold));
}

/**
 * The status word of a recording. Numbers use `locale`'s thousands separators (the UI's
 * locale; undefined means the runtime's).
 */
export function eligibilityStatusWord(track: Pick<EligibilityTrack, 'eligible' | 'trailing12mStreams' | 'firstEligibleMonth' | 'month' | 'months'>, locale?: string): string {
  if (!track.eligible) return `Not yet — ${streamsToGo(track).toLocaleString(locale)} to go`;
  if (track.firstEligibleMonth !== null && isEligibleAgain(track.months)) {
    return `Earning again since ${monthName(track.firstEligibleMonth, track.month)}`;
  }
  return 'Earning';
}
