/**
 * How fast is eligibility on a big catalogue? 1,000 ISRCs × 3 years of daily S4A streams
 * (about 1.1 million observations). Paces are mixed the way an independent catalogue is: most
 * recordings stream a few times a day (below 1,000 a year, so the projection walks forward day
 * by day), some far more. One recording in ten also has a single and an album track, and a few
 * days are missing. Timings live here, not in tests (a loaded machine would make them flaky).
 */
import { eligibility } from '../core/eligibility/index';
import { addDays } from '../core/model/day';
import type { History } from '../core/model/history';
import type { Observation, Track } from '../core/model/schema';

const RECORDINGS = 1_000;
const DAYS = 3 * 365;
const START = '2023-01-01';

function buildHistory(): { history: History; asOfDay: string } {
  const tracks: Track[] = [];
  const observations: Observation[] = [];
  const days = Array.from({ length: DAYS }, (_, i) => addDays(START, i));
  const readAt = days.map((_, i) => `${addDays(START, i + 1)}T20:00:00.000Z`);
  let seed = 4242;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let r = 0; r < RECORDINGS; r++) {
    const isrc = `CHXXX24${String(r).padStart(5, '0')}`;
    const ids = r % 10 === 0 ? [`t-${r}-single`, `t-${r}-album`] : [`t-${r}`];
    // Mostly 0.5–5 a day, a long tail up to a few hundred.
    const mean = 0.5 + 300 * random() ** 6;
    for (const [index, id] of ids.entries()) {
      tracks.push({ id, isrc, title: `Song ${r}`, artists: ['Bench'], spotifyTrackIds: [], distributorIds: {} });
      const share = ids.length === 1 ? 1 : index === 0 ? 0.6 : 0.4;
      for (let i = 0; i < DAYS; i++) {
        if ((r + i) % 211 === 0) continue; // a day never read
        const value = Math.round(mean * share * (0.5 + random()));
        observations.push({ track: id, source: 'spotify', store: 'spotify', metric: 'streams', day: days[i]!, value, observedAt: readAt[i]! });
      }
      const last = days[DAYS - 1]!;
      observations.push({ track: id, source: 'spotify', store: 'spotify', metric: 'listeners_12m', day: last, value: Math.round(mean * 120), observedAt: readAt[DAYS - 1]! });
    }
  }
  return { history: { tracks, observations }, asOfDay: addDays(START, DAYS) };
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

export async function benchEligibility(runs = 5): Promise<Record<string, number>> {
  const { history, asOfDay } = buildHistory();
  const times: number[] = [];
  let eligible = 0;
  let projected = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = eligibility(history, { asOfDay, assumedListenerMinimum: 100 });
    times.push(performance.now() - started);
    eligible = result.tracks.filter((track) => track.eligible).length;
    projected = result.tracks.filter((track) => track.projectedEligibleDay !== null).length;
  }
  return {
    recordings: RECORDINGS,
    days: DAYS,
    observations: history.observations.length,
    eligible,
    projected,
    eligibilityMs: Math.round(medianOf(times) * 10) / 10,
  };
}

// `npx tsx bench/eligibility.ts` prints the numbers on its own.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  benchEligibility().then((numbers) => console.log(numbers));
}
