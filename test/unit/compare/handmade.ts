/** Small hand-made histories for table tests: values by day, read at fixed, realistic times. */
import { addDays, dayRange, type Day } from '../../../core/model/day';
import type { History } from '../../../core/model/history';
import type { Observation, Track } from '../../../core/model/schema';

/** A value read once, at the default time, or several readings [value, observedAt]. */
export type Readings = number | [number, string][];

export interface DistributorSpec {
  source?: string;
  store?: string;
  values: Record<Day, Readings>;
}

export interface TrackSpec {
  id?: string;
  isrc?: string | null;
  title?: string;
  spotify?: Record<Day, Readings>;
  distributors?: DistributorSpec[];
}

/** S4A shows a day the next evening; the distributor five days later (docs/domain.md). */
export const spotifyReadAt = (day: Day) => `${addDays(day, 1)}T20:00:00.000Z`;
export const distributorReadAt = (day: Day) => `${addDays(day, 5)}T08:00:00.000Z`;

function push(out: Observation[], track: string, source: string, store: string, values: Record<Day, Readings>, readAt: (day: Day) => string) {
  for (const [day, readings] of Object.entries(values)) {
    const list: [number, string][] = typeof readings === 'number' ? [[readings, readAt(day)]] : readings;
    for (const [value, observedAt] of list) out.push({ track, source, store, metric: 'streams', day, value, observedAt });
  }
}

export function handmade(specs: TrackSpec[]): History {
  const tracks: Track[] = [];
  const observations: Observation[] = [];
  specs.forEach((spec, index) => {
    const id = spec.id ?? `t-${index + 1}`;
    tracks.push({ id, isrc: spec.isrc === undefined ? `CHXXX24${String(index + 1).padStart(5, '0')}` : spec.isrc, title: spec.title ?? `Song ${index + 1}`, artists: ['Nora Vell'], spotifyTrackIds: [], distributorIds: {} });
    if (spec.spotify) push(observations, id, 'spotify', 'spotify', spec.spotify, spotifyReadAt);
    for (const distributor of spec.distributors ?? []) push(observations, id, distributor.source ?? 'imusician', distributor.store ?? 'spotify', distributor.values, distributorReadAt);
  });
  return { tracks, observations };
}

/** `{ day: f(day, i) }` for every day from `first` to `last`. */
export function daily(first: Day, last: Day, value: (day: Day, index: number) => Readings): Record<Day, Readings> {
  return Object.fromEntries(dayRange(first, last).map((day, index) => [day, value(day, index)]));
}

/** The end of a day as a canonical instant (what `--as-of <day>` means). */
export const endOf = (day: Day) => `${day}T23:59:59.999Z`;
