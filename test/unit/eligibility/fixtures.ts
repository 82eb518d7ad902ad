/** Builders for eligibility tests: tracks and S4A observations as a history file holds them. */
import { addDays, dayRange, firstDayOfMonth, lastDayOfMonth, type Day, type Month } from '../../../core/model/day';
import type { History } from '../../../core/model/history';
import type { Metric, Observation, Track } from '../../../core/model/schema';

export function track(id: string, isrc: string | null, title = 'Night Drive'): Track {
  return { id, isrc, title, artists: ['The Small Hours'], spotifyTrackIds: [], distributorIds: {} };
}

/** The S4A reading of a day, read the next morning unless told otherwise. */
export function s4a(trackId: string, day: Day, value: number, metric: Metric = 'streams', observedAt?: string): Observation {
  return { track: trackId, source: 'spotify', store: 'spotify', metric, day, value, observedAt: observedAt ?? `${addDays(day, 1)}T08:00:00.000Z` };
}

/** One daily observation per value, from `first` on. */
export function daily(trackId: string, first: Day, values: readonly number[]): Observation[] {
  return values.map((value, index) => s4a(trackId, addDays(first, index), value));
}

/** `perDay` streams on every day from `first` to `last`. */
export function steady(trackId: string, first: Day, last: Day, perDay: number): Observation[] {
  return dayRange(first, last).map((day) => s4a(trackId, day, perDay));
}

/**
 * A month's `total` spread over its days (as whole streams, the first days one more), up to
 * `lastDay` when the month is the current one: a realistic daily series with an exact total.
 */
export function monthOfStreams(trackId: string, month: Month, total: number, lastDay: Day = lastDayOfMonth(month)): Observation[] {
  const days = dayRange(firstDayOfMonth(month), lastDay < lastDayOfMonth(month) ? lastDay : lastDayOfMonth(month));
  const base = Math.floor(total / days.length);
  const extra = total - base * days.length;
  return days.map((day, index) => s4a(trackId, day, base + (index < extra ? 1 : 0)));
}

/** Months of streams, `totals[i]` for the i-th month from `first`. */
export function months(trackId: string, first: Month, totals: readonly number[]): Observation[] {
  const observations: Observation[] = [];
  let month = first;
  for (const total of totals) {
    observations.push(...monthOfStreams(trackId, month, total));
    month = nextMonth(month);
  }
  return observations;
}

function nextMonth(month: Month): Month {
  const day = addDays(lastDayOfMonth(month), 1);
  return day.slice(0, 7);
}

export function history(tracks: Track[], observations: Observation[]): History {
  return { tracks, observations };
}

