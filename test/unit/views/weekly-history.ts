/**
 * A realistic history with weekly counts, for the overlay, the CLI's `compare` and the evidence
 * report (issue 17: "a weekly series is compared per week"). Spotify for Artists' daily streams
 * (and, when asked, iMusician's daily trends) come from the synthetic generator
 * (test/unit/compare/synthetic.ts); the weekly counts are hypothetical: a taught DistroKid
 * dashboard showing 90 % of each week's sum (one week at 45 %: an incident), each week read 2
 * days after it ends (the last one 1 day after), by the taught recipe whose provenance is kept.
 */
import { addDays } from '../../../core/model/day';
import type { History } from '../../../core/model/history';
import type { Observation } from '../../../core/model/schema';
import { endOfPlan, syntheticHistory, type TrackPlan } from '../compare/synthetic';

/** A Monday; six whole weeks of days. */
export const START = '2025-03-03';
export const WEEKS = Array.from({ length: 6 }, (_, i) => addDays(START, 7 * i));
export const INCIDENT = WEEKS[3]!;
export const ISRC = 'CHXXX2400001';
/** Two days after the last week ended: that week is still pending (5-day window). */
export const AS_OF = endOfPlan({ start: START, days: 42 }, 2);
export const RECIPE = { recipe: 'r-weeklydk2025', recipeName: 'DistroKid weekly streams', confirmedAt: '2025-03-10T08:00:00.000Z', origin: 'taught' } as const;

export function weeklyHistory(withDaily: boolean, withWeeks = true): History {
  const plan: TrackPlan = { id: 't-1', isrc: ISRC, title: 'Harbour Lights', start: START, days: 42, mean: 400, distributors: withDaily ? [{ source: 'imusician', ratio: 0.9 }] : [] };
  const base = syntheticHistory([plan], 3);
  if (!withWeeks) return base;
  const spotify = base.observations.filter((obs) => obs.source === 'spotify');
  const sumOfWeek = (week: string) => spotify.filter((obs) => obs.day >= week && obs.day <= addDays(week, 6)).reduce((sum, obs) => sum + obs.value, 0);
  const weekly: Observation[] = WEEKS.map((week, i) => ({
    track: 't-1',
    source: 'taught-distrokid',
    store: 'spotify',
    metric: 'streams_week',
    day: week,
    value: Math.round(sumOfWeek(week) * (week === INCIDENT ? 0.45 : 0.9)),
    observedAt: `${addDays(week, i === WEEKS.length - 1 ? 7 : 8)}T09:00:00.000Z`,
  }));
  const provenance = weekly.map((obs) => ({ source: obs.source, observedAt: obs.observedAt, ...RECIPE }));
  return { ...base, observations: [...base.observations, ...weekly], provenance };
}
