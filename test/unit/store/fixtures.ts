/**
 * Realistic store inputs: an artist with three songs, one S4A reading of the last 28 days.
 * Each test gets its own in-memory IndexedDB (a fresh fake-indexeddb factory).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readingSchema, type Reading, type ReadingInput } from '../../../core/messaging/reading';
import { addDays, dayRange } from '../../../core/model/day';
import type { Observation, Track } from '../../../core/model/schema';
import { openStore, type Store, type StoreOptions } from '../../../core/store';

export function freshFactory(): IDBFactory {
  return new IDBFactory();
}

export async function freshStore(options: StoreOptions = {}): Promise<Store> {
  return openStore({ factory: freshFactory(), ...options });
}

export const SONGS = [
  { ref: 'r-harbour', isrc: 'CHA012400001', title: 'Harbour Lights', spotifyTrackId: '4uLU6hMCjMI75M1A2tKUQC', base: 140 },
  { ref: 'r-paper', isrc: 'CHA012400002', title: 'Paper Boats', spotifyTrackId: '1301WleyT98MSxVHPZCA6M', base: 35 },
  { ref: 'r-late', isrc: null, title: 'Late Train (Acoustic)', spotifyTrackId: '7ouMYWpwJ422jRcDASZB7P', base: 6 },
] as const;

/** Streams a song had on a day: a weekly rhythm around its base, deterministic. */
export function streamsOn(base: number, day: string, bump = 0): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return Math.round(base * (weekday === 5 || weekday === 6 ? 1.3 : 1)) + (Number(day.slice(8, 10)) % 7) + bump;
}

/**
 * An S4A reading: daily streams for the 28 days up to the day before `readAt`, plus the
 * 28-day totals. `bump` changes one song's values (a revision).
 */
export function s4aReading(options: { id?: string; readAt?: string; bumpRef?: string; bump?: number } = {}): Reading {
  const readAt = options.readAt ?? '2025-04-01T08:00:00.000Z';
  const lastDay = addDays(readAt.slice(0, 10), -1);
  const days = dayRange(addDays(lastDay, -27), lastDay);
  const input: ReadingInput = {
    id: options.id ?? `s4a-songs-${readAt}`,
    site: 'spotify',
    path: '/c/artist/0OdUWJ0sBjDrqHygGUXeCF/music/songs',
    readAt,
    status: 'recognised',
    recognised: ['songs-timeline-v2'],
    tracks: SONGS.map((song) => ({ ref: song.ref, isrc: song.isrc, title: song.title, artists: ['Lake Avenue'], spotifyTrackId: song.spotifyTrackId })),
    observations: SONGS.flatMap((song) => {
      const bump = song.ref === options.bumpRef ? (options.bump ?? 0) : 0;
      const daily = days.map((day) => ({ ref: song.ref, store: 'spotify', metric: 'streams' as const, day, value: streamsOn(song.base, day, bump) }));
      const total = daily.reduce((sum, obs) => sum + obs.value, 0);
      return [...daily, { ref: song.ref, store: 'spotify', metric: 'streams_28d' as const, day: lastDay, value: total }];
    }),
  };
  return readingSchema.parse(input);
}

/** An iMusician trends reading: only the distributor's ids (no ISRC on that page). */
export function imusicianReading(readAt = '2025-04-02T09:30:00.000Z'): Reading {
  const lastDay = addDays(readAt.slice(0, 10), -5);
  const days = dayRange(addDays(lastDay, -6), lastDay);
  return readingSchema.parse({
    id: `imusician-trends-${readAt}`,
    site: 'imusician',
    path: '/en/statistics/trends',
    readAt,
    status: 'recognised',
    tracks: [{ ref: 'x1', title: 'Harbour Lights', artists: ['Lake Avenue'], distributorId: '884211' }],
    observations: days.map((day) => ({ ref: 'x1', store: 'spotify', metric: 'streams', day, value: Math.round(streamsOn(140, day) * 0.93) })),
  } satisfies ReadingInput);
}

export function track(partial: Partial<Track> & Pick<Track, 'id'>): Track {
  return { isrc: null, title: '', artists: [], spotifyTrackIds: [], distributorIds: {}, ...partial };
}

export function obs(partial: Partial<Observation> & Pick<Observation, 'track' | 'day' | 'value' | 'observedAt'>): Observation {
  return { source: 'spotify', store: 'spotify', metric: 'streams', ...partial };
}

export function byKey(a: Observation, b: Observation): number {
  const ka = [a.track, a.source, a.store, a.metric, a.day, a.observedAt].join('\u0000');
  const kb = [b.track, b.source, b.store, b.metric, b.day, b.observedAt].join('\u0000');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
