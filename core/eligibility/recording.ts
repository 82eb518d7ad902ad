/** The evaluation of one recording (one ISRC, or one track without an ISRC) as of a day. */
import { dayNumberOf, dayText, firstDayOfMonthIndex, monthIndexOfDay, monthIndexOfText } from '../columns/calendar';
import { dayValue } from '../columns/series';
import { addMonths, firstDayOfMonth, monthOf, type Day, type Month } from '../model/day';
import { chooseBasis, recordingStreams12m } from './basis';
import { countDays, coverageEnd, describeDays, missingDayNumbers } from './coverage';
import { combineDayValues, type Recording } from './grouping';
import { listenerCaveats, recordingListeners } from './listeners';
import { monthTotalsOf } from './monthly';
import { projectEligibleDayNumber, projectionCaveat, recentPaceOf } from './projection';
import { ELIGIBILITY_THRESHOLD, WINDOW_MONTHS } from './rules';
import type { TrackSeries } from './series';
import { evaluateMonthTotals, firstEligibleMonthOf, type EligibilityMonth } from './window';
import { englishMessage } from '../i18n/english';
import type { Message } from '../i18n/message';
import { message } from '../i18n/typed';

/** One entry of `eligibility --json` (docs/contracts.md §2); keys in the contract's order. */
export interface EligibilityTrack {
  isrc: string | null;
  title: string;
  trackIds: string[];
  /** The calendar month of asOf. */
  month: Month;
  trailing12mStreams: number;
  eligible: boolean;
  streamsThisMonth: number;
  firstEligibleMonth: Month | null;
  projectedEligibleDay: Day | null;
  listeners12m: number | null;
  /** In English (docs/contracts.md). */
  caveats: string[];
  /** The same caveats as messages, for the screens' languages (additive; docs/i18n.md). */
  caveatMessages: Message[];
  months: EligibilityMonth[];
}

interface RecordingOptions {
  asOfDay: Day;
  assumedListenerMinimum?: number | null;
}

export function evaluateRecording(recording: Recording, seriesOf: (trackId: string) => TrackSeries | undefined, options: RecordingOptions): EligibilityTrack {
  const { asOfDay } = options;
  const asOfMonth = monthOf(asOfDay);
  const windowStart = firstDayOfMonth(addMonths(asOfMonth, -(WINDOW_MONTHS - 1)));
  const caveats: Message[] = [];

  if (recording.isrc === null) {
    caveats.push(message('caveatNoIsrc'));
  } else if (recording.trackIds.length > 1) {
    caveats.push(message('caveatGrouped', { total: recording.trackIds.length, ids: recording.trackIds.join(', ') }));
  }

  const combined = combineDayValues(recording.trackIds, (id) => seriesOf(id)?.dailyStreams);
  for (const [kept, leftOut] of combined.duplicates) {
    caveats.push(message('caveatDuplicate', { kept, leftOut }));
  }
  // Day columns hold days ≤ asOf only, each ending on a day with a value (./series.ts).
  const daily = combined.daily;
  const firstDay = daily ? dayText(daily.start) : null;
  const lastN = daily ? daily.start + daily.values.length - 1 : Number.NaN;
  const lastDay = daily ? dayText(lastN) : null;

  const monthStreams = daily ? monthTotalsOf(daily) : null;
  const asOfMonthIndex = monthIndexOfText(asOfMonth);
  const firstMonth = daily && monthIndexOfDay(daily.start) < asOfMonthIndex ? monthIndexOfDay(daily.start) : asOfMonthIndex;
  const months = evaluateMonthTotals(monthStreams, firstMonth, asOfMonthIndex);
  const current = months[months.length - 1]!;

  // Coverage: which days of the daily series are missing, in the window and before it.
  let dailyIncomplete = firstDay === null;
  if (firstDay === null) {
    caveats.push(message('caveatNoDaily'));
  } else {
    const missing = missingDayNumbers(
      combined.counted.map((id) => seriesOf(id)!.dailyStreams!),
      dayNumberOf(coverageEnd(asOfDay, lastDay!)),
    );
    const windowStartN = firstDayOfMonthIndex(asOfMonthIndex - (WINDOW_MONTHS - 1));
    const inWindow = missing.filter((n) => n >= windowStartN).map(dayText);
    const before = missing.filter((n) => n < windowStartN).map(dayText);
    if (inWindow.length > 0) {
      dailyIncomplete = true;
      caveats.push(message('caveatMissingInWindow', { days: countDays(inWindow.length), ranges: describeDays(inWindow) }));
    }
    if (firstDay > windowStart) dailyIncomplete = true;
    if (before.length > 0) {
      caveats.push(message('caveatMissingBefore', { days: countDays(before.length), ranges: describeDays(before) }));
    }
  }

  // S4A's own 12-month totals: every counted track must have one (else the sum would miss a
  // version); tracks without daily data add theirs when read.
  const streams12m = recordingStreams12m([
    ...combined.counted.map((id) => seriesOf(id)?.streams12m ?? null),
    ...recording.trackIds
      .filter((id) => !seriesOf(id)?.dailyStreams)
      .map((id) => seriesOf(id)?.streams12m ?? null)
      .filter((total) => total !== null),
  ]);
  const basis = chooseBasis({ asOfDay, dailyTrailing: current.trailing12m, dailyIncomplete, lastDailyDay: lastDay, streams12m });

  let extraInWindow = 0;
  if (basis.kind === 's4a-12m') {
    extraInWindow = basis.value - current.trailing12m;
    caveats.push(message('caveatS4a12m', { day: { date: basis.day }, streams: basis.value }));
    months[months.length - 1] = { ...current, trailing12m: basis.value, eligible: basis.value >= ELIGIBILITY_THRESHOLD };
  } else if (firstDay !== null && firstDay > windowStart) {
    caveats.push(message('caveatKnownFrom', { day: { date: firstDay } }));
  }

  const evaluated = months[months.length - 1]!;
  let projectedEligibleDay: Day | null = null;
  if (!evaluated.eligible) {
    // The pace of the weeks before the evaluated day, not of the last weeks read: a recording
    // whose readings stopped months ago has no recent pace to project from.
    const pace = daily === null ? null : recentPaceOf((n) => dayValue(daily, n) ?? undefined, Math.max(lastN, dayNumberOf(asOfDay)));
    if (pace !== null && lastDay !== null) {
      // Streams the S4A total knows of but the daily series does not are placed in the oldest
      // month of the window: they drop out first, so the projected day errs on the late side.
      const knownMonths = new Map<number, number>();
      if (monthStreams) monthStreams.totals.forEach((streams, k) => knownMonths.set(monthStreams.first + k, streams));
      if (extraInWindow > 0) {
        const oldest = asOfMonthIndex - (WINDOW_MONTHS - 1);
        knownMonths.set(oldest, (knownMonths.get(oldest) ?? 0) + extraInWindow);
      }
      const projectedN = projectEligibleDayNumber(knownMonths, lastN, asOfMonthIndex, pace.perDay);
      const projected = projectedN === null ? null : dayText(projectedN);
      // Days between the last reading and asOf are projected too; a day reached among them
      // means "about now", never a day in the past.
      projectedEligibleDay = projected !== null && projected < asOfDay ? asOfDay : projected;
    }
    caveats.push(projectionCaveat(pace, projectedEligibleDay));
  }

  const listeners12m = recordingListeners(recording.trackIds.map((id) => seriesOf(id)?.listeners12m ?? null));
  const listenerVersions = recording.trackIds.filter((id) => seriesOf(id)?.listeners12m).length;
  caveats.push(...listenerCaveats(listeners12m, options.assumedListenerMinimum, listenerVersions));

  return {
    isrc: recording.isrc,
    title: recording.title,
    trackIds: [...recording.trackIds],
    month: asOfMonth,
    trailing12mStreams: evaluated.trailing12m,
    eligible: evaluated.eligible,
    streamsThisMonth: evaluated.streams,
    firstEligibleMonth: firstEligibleMonthOf(months),
    projectedEligibleDay,
    listeners12m,
    caveats: caveats.map(englishMessage),
    caveatMessages: caveats,
    months,
  };
}
