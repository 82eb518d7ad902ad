/**
 * Words about a recording's eligibility that the popup, the history page and the overlays
 * share (docs/ui.md): the bar's sentence, the projected day, the order of recordings.
 */
import type { EligibilityTrack } from '../core/eligibility/recording';
import { ELIGIBILITY_THRESHOLD } from '../core/eligibility/rules';
import { dayStartMs, type Day } from '../core/model/day';
import type { RecordingSummary } from '../core/views/types';
import { formatLongMonth } from './format';
import { t } from './i18n';
import { streamsToGo } from '../core/eligibility/status';
import { isEligibleAgain } from '../core/eligibility/window';
import type { Month } from '../core/model/day';

/** "812 of 1,000 streams in the last 12 months"; above the threshold "15,444 streams in the last 12 months (1,000 needed)". */
export function trailingText(track: Pick<EligibilityTrack, 'trailing12mStreams'>): string {
  const params = { streams: track.trailing12mStreams, threshold: ELIGIBILITY_THRESHOLD };
  return track.trailing12mStreams > ELIGIBILITY_THRESHOLD ? t('trailingOver', params) : t('trailingOf', params);
}

/** Whole days from `today` to `day` (0 when it is today or already past). */
export function daysUntil(day: Day, today: Day): number {
  return Math.max(0, Math.round((dayStartMs(day) - dayStartMs(today)) / 86_400_000));
}

/**
 * "about 9 days to go at this pace (Fri 9 May)", "about now at this pace", or null when there
 * is no projection (eligible already, or no recent pace).
 */
export function projectionText(track: Pick<EligibilityTrack, 'eligible' | 'projectedEligibleDay'>, today: Day): string | null {
  if (track.eligible || track.projectedEligibleDay === null) return null;
  const days = daysUntil(track.projectedEligibleDay, today);
  if (days === 0) return t('projectionNow', { threshold: ELIGIBILITY_THRESHOLD });
  return t('projectionDays', { count: days, day: { day: track.projectedEligibleDay } });
}

/** "2 unexplained days", or null when there are none. */
export function unexplainedText(count: number): string | null {
  if (count <= 0) return null;
  return t('unexplainedDays', { count });
}

/** "May", or "May 2024" when the month is not in the year of `relativeTo`, in the artist's language. */
function monthWord(month: Month, relativeTo: Month, locale: string): string {
  if (month.slice(0, 4) !== relativeTo.slice(0, 4)) return formatLongMonth(month, locale);
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** The status word (docs/ui.md): "Earning", "Not yet — 188 to go", "Earning again since May". */
export function statusText(track: Pick<EligibilityTrack, 'eligible' | 'trailing12mStreams' | 'firstEligibleMonth' | 'month' | 'months'>, locale: string): string {
  if (!track.eligible) return t('statusNotYet', { toGo: streamsToGo(track) });
  if (track.firstEligibleMonth !== null && isEligibleAgain(track.months)) {
    return t('statusEarningAgain', { month: monthWord(track.firstEligibleMonth, track.month, locale) });
  }
  return t('statusEarning');
}

interface GroupedRecordings {
  /** Not eligible this month: closest to the threshold first. */
  climbing: RecordingSummary[];
  /** Eligible this month: the ones closest to dropping below the threshold first. */
  earning: RecordingSummary[];
}

/**
 * The popup's order (docs/ui.md): recordings still climbing first, closest to 1,000 first; the
 * eligible ones grouped below, the ones nearest the threshold (most at risk) first. Ties by
 * title, so the order is stable between openings.
 */
export function groupRecordings(recordings: readonly RecordingSummary[]): GroupedRecordings {
  const distance = (recording: RecordingSummary) => Math.abs(ELIGIBILITY_THRESHOLD - recording.eligibility.trailing12mStreams);
  const byCloseness = (a: RecordingSummary, b: RecordingSummary) => distance(a) - distance(b) || a.title.localeCompare(b.title) || a.key.localeCompare(b.key);
  return {
    climbing: recordings.filter((recording) => !recording.eligibility.eligible).sort(byCloseness),
    earning: recordings.filter((recording) => recording.eligibility.eligible).sort(byCloseness),
  };
}
