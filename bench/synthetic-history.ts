/**
 * The benchmark's catalogue: 1,000 recordings (ISRCs) × 3 years of daily streams from two
 * sources, Spotify for Artists and iMusician (its Spotify store), about 2.2 million
 * observations. Realistic in the ways the core's work depends on: paces from a few streams a
 * day to a few thousand (most recordings small), the distributor counting 85–95 % of S4A,
 * one distributor day in twenty first read early as 0 and revised days later (a revision),
 * a 30 %-day every few months (a reporting dip), and a last 12-month listener count per track.
 * Deterministic (a fixed linear congruential generator). The values are also kept in typed
 * arrays, for the floor: a bare pass over the same numbers.
 */
import { addDays } from '../core/model/day';
import type { History } from '../core/model/history';
import type { Observation, Track } from '../core/model/schema';

export const RECORDINGS = 1_000;
export const DAYS = 3 * 365;
export const START = '2023-01-01';
export const DISTRIBUTOR = 'imusician';

export interface SyntheticHistory {
  history: History;
  /** S4A's daily streams, recording-major: [r * DAYS + day]. */
  spotify: Float64Array;
  /** The distributor's latest daily streams, same layout. */
  distributor: Float64Array;
  /** The distributor's early (revised) reads, same layout; NaN where a day was read once. */
  early: Float64Array;
  /** For compare: just after the last day's distributor read. */
  asOf: string;
  /** For eligibility: the day after the last day (its calendar month is evaluated). */
  asOfDay: string;
}

export function syntheticHistory(recordings = RECORDINGS, days = DAYS): SyntheticHistory {
  const tracks: Track[] = [];
  const observations: Observation[] = [];
  const spotify = new Float64Array(recordings * days);
  const distributor = new Float64Array(recordings * days);
  const early = new Float64Array(recordings * days).fill(Number.NaN);
  // Shared strings, as a parsed history file would share them only by value: the core must
  // not depend on identity, and real histories repeat these few values millions of times.
  const dayList = Array.from({ length: days }, (_, i) => addDays(START, i));
  const spotifyRead = dayList.map((_, i) => `${addDays(START, i + 1)}T20:00:00.000Z`);
  const distributorEarly = dayList.map((_, i) => `${addDays(START, i + 2)}T08:00:00.000Z`);
  const distributorRead = dayList.map((_, i) => `${addDays(START, i + 5)}T08:00:00.000Z`);
  let seed = 20240101;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let r = 0; r < recordings; r++) {
    const id = `t-${r}`;
    tracks.push({
      id,
      isrc: `CHXXX23${String(r).padStart(5, '0')}`,
      title: `Song ${r}`,
      artists: ['Bench Artist'],
      spotifyTrackIds: [],
      distributorIds: { [DISTRIBUTOR]: String(100_000 + r) },
    });
    // Mostly a few streams a day, a long tail up to a few thousand.
    const mean = 1 + 3_000 * random() ** 5;
    const ratio = 0.85 + 0.1 * random();
    for (let i = 0; i < days; i++) {
      const at = r * days + i;
      const s = Math.round(mean * (0.7 + 0.6 * random()));
      const d = Math.round(s * ratio * (i % 97 === 13 ? 0.3 : 1));
      spotify[at] = s;
      distributor[at] = d;
      const day = dayList[i]!;
      observations.push({ track: id, source: 'spotify', store: 'spotify', metric: 'streams', day, value: s, observedAt: spotifyRead[i]! });
      if ((r + i) % 20 === 0) {
        early[at] = 0;
        observations.push({ track: id, source: DISTRIBUTOR, store: 'spotify', metric: 'streams', day, value: 0, observedAt: distributorEarly[i]! });
      }
      observations.push({ track: id, source: DISTRIBUTOR, store: 'spotify', metric: 'streams', day, value: d, observedAt: distributorRead[i]! });
    }
    observations.push({
      track: id,
      source: 'spotify',
      store: 'spotify',
      metric: 'listeners_12m',
      day: dayList[days - 1]!,
      value: Math.round(mean * 150),
      observedAt: spotifyRead[days - 1]!,
    });
  }
  return {
    history: { tracks, observations },
    spotify,
    distributor,
    early,
    asOf: `${addDays(START, days + 5)}T12:00:00.000Z`,
    asOfDay: addDays(START, days),
  };
}
