/** The evaluation of one recording (one ISRC, or one track without an ISRC) as of a day. */
import { addMonths, firstDayOfMonth, monthOf, type Day, type Month } from '../../../../core/model/day';
import { chooseBasis, recordingStreams12m } from './basis';
import { countDays, coverageEnd, describeDays, missingDays } from './coverage';
import { combineDaily, type Recording } from './grouping';
import { listenerCaveats, recordingListeners } from './listeners';
import { firstDayOf, lastDayOf, monthlyTotals } from './monthly';
import { projectEligibleDay, projectionCaveat, recentPace } from './projection';
import { ELIGIBILITY_THRESHOLD, WINDOW_MONTHS } from './rules';
import type { TrackSeries } from './series';
import { evaluateMonths, firstEligibleMonthOf, type EligibilityMonth } from './window';

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
  caveats: string[];
  months: EligibilityMonth[];
}

export interface RecordingOptions {
  asOfDay: Day;
  assumedListenerMinimum?: number | null;
}

const count = (value: number) => value.toLocaleString('en-US');

export function evaluateRecording(recording: Recording, seriesOf: (trackId: string) => TrackSeries | undefined, options: RecordingOptions): EligibilityTrack {
  const { asOfDay } = options;
  const asOfMonth = monthOf(asOfDay);
  const windowStart = firstDayOfMonth(addMonths(asOfMonth, -(WINDOW_MONTHS - 1)));
  const caveats: string[] = [];

  if (recording.isrc === null) {
    caveats.push('No ISRC known for this track yet, so it is evaluated on its own: if it is the same recording as another track, their streams count together on Spotify.');
  } else if (recording.trackIds.length > 1) {
    caveats.push(`The ${recording.trackIds.length} tracks with this ISRC (${recording.trackIds.join(', ')}) count together as one recording; Spotify's own grouping can, rarely, differ from the ISRC.`);
  }

  const combined = combineDaily(recording.trackIds, (id) => seriesOf(id)?.dailyStreams);
  for (const [kept, leftOut] of combined.duplicates) {
    caveats.push(`Tracks ${kept} and ${leftOut} show the same daily streams in Spotify for Artists (one recording read twice), so they are counted once.`);
  }
  const daily = combined.daily;
  const firstDay = firstDayOf(daily);
  const lastDay = lastDayOf(daily);

  const monthStreams = monthlyTotals(daily, asOfDay);
  const firstMonth = firstDay !== null && monthOf(firstDay) < asOfMonth ? monthOf(firstDay) : asOfMonth;
  const months = evaluateMonths(monthStreams, firstMonth, asOfMonth);
  const current = months[months.length - 1]!;

  // Coverage: which days of the daily series are missing, in the window and before it.
  let dailyIncomplete = firstDay === null;
  if (firstDay === null) {
    caveats.push('No daily streams from Spotify for Artists have been read for this recording yet: visit its page in Spotify for Artists.');
  } else {
    const missing = missingDays(
      combined.counted.map((id) => seriesOf(id)!.dailyStreams),
      coverageEnd(asOfDay, lastDay!),
    );
    const inWindow = missing.filter((day) => day >= windowStart);
    const before = missing.filter((day) => day < windowStart);
    if (inWindow.length > 0) {
      dailyIncomplete = true;
      caveats.push(`Daily streams from Spotify for Artists are missing for ${countDays(inWindow.length)} in the last 12 months (${describeDays(inWindow)}): the 12-month total from daily streams is a lower bound.`);
    }
    if (firstDay > windowStart) dailyIncomplete = true;
    if (before.length > 0) {
      caveats.push(`Earlier months are lower bounds: daily streams are missing for ${countDays(before.length)} (${describeDays(before)}).`);
    }
  }

  // S4A's own 12-month totals: every counted track must have one (else the sum would miss a
  // version); tracks without daily data add theirs when read.
  const streams12m = recordingStreams12m([
    ...combined.counted.map((id) => seriesOf(id)?.streams12m ?? null),
    ...recording.trackIds
      .filter((id) => (seriesOf(id)?.dailyStreams.size ?? 0) === 0)
      .map((id) => seriesOf(id)?.streams12m ?? null)
      .filter((total) => total !== null),
  ]);
  const basis = chooseBasis({ asOfDay, dailyTrailing: current.trailing12m, dailyIncomplete, lastDailyDay: lastDay, streams12m });

  let extraInWindow = 0;
  if (basis.kind === 's4a-12m') {
    extraInWindow = basis.value - current.trailing12m;
    caveats.push(`The 12-month total is Spotify for Artists' own "Last 12 months" figure for the 365 days up to ${basis.day} (${count(basis.value)} streams), because the daily streams do not cover the whole window; it is an estimate of the 12 calendar months.`);
    months[months.length - 1] = { ...current, trailing12m: basis.value, eligible: basis.value >= ELIGIBILITY_THRESHOLD };
  } else if (firstDay !== null && firstDay > windowStart) {
    caveats.push(`Daily streams are known from ${firstDay} on: if the recording was released earlier, the 12-month total is a lower bound.`);
  }

  const evaluated = months[months.length - 1]!;
  let projectedEligibleDay: Day | null = null;
  if (!evaluated.eligible) {
    // The pace of the weeks before the evaluated day, not of the last weeks read: a recording
    // whose readings stopped months ago has no recent pace to project from.
    const pace = lastDay === null ? null : recentPace(daily, lastDay < asOfDay ? asOfDay : lastDay);
    if (pace !== null && lastDay !== null) {
      // Streams the S4A total knows of but the daily series does not are placed in the oldest
      // month of the window: they drop out first, so the projected day errs on the late side.
      const knownMonths = new Map(monthStreams);
      if (extraInWindow > 0) {
        const oldest = addMonths(asOfMonth, -(WINDOW_MONTHS - 1));
        knownMonths.set(oldest, (knownMonths.get(oldest) ?? 0) + extraInWindow);
      }
      const projected = projectEligibleDay({ monthStreams: knownMonths, lastKnownDay: lastDay, asOfDay, perDay: pace.perDay });
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
    caveats,
    months,
  };
}
