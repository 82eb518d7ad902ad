/**
 * How fast is compare on a big history? 1,000 tracks × 2 years × 2 sources (S4A and one
 * distributor), about 1.5 million observations, some days read twice. Reported beside a floor:
 * one bare pass over the same values in typed arrays, the least any comparison must cost.
 * Timings live here, not in tests (a loaded machine would make such tests flaky).
 * Run: npx tsx -e "import('./bench/compare.ts').then(async (m) => console.log(await m.benchCompare()))"
 */
import { compare } from '../core/compare/index';
import { addDays } from '../core/model/day';
import type { History } from '../core/model/history';
import type { Observation, Track } from '../core/model/schema';

const TRACKS = 1_000;
const DAYS = 730;
const START = '2024-01-01';

function buildHistory(): { history: History; spotify: Float64Array; distributor: Float64Array; asOf: string } {
  const tracks: Track[] = [];
  const observations: Observation[] = [];
  const spotify = new Float64Array(TRACKS * DAYS);
  const distributor = new Float64Array(TRACKS * DAYS);
  const days = Array.from({ length: DAYS }, (_, i) => addDays(START, i));
  const spotifyRead = days.map((_, i) => `${addDays(START, i + 1)}T20:00:00.000Z`);
  const distributorEarly = days.map((_, i) => `${addDays(START, i + 2)}T08:00:00.000Z`);
  const distributorRead = days.map((_, i) => `${addDays(START, i + 5)}T08:00:00.000Z`);
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let t = 0; t < TRACKS; t++) {
    const id = `t-${t}`;
    tracks.push({ id, isrc: `CHXXX24${String(t).padStart(5, '0')}`, title: `Song ${t}`, artists: ['Bench'], spotifyTrackIds: [], distributorIds: { imusician: String(t) } });
    const mean = 5 + 2_000 * random() ** 3;
    const ratio = 0.85 + 0.1 * random();
    for (let i = 0; i < DAYS; i++) {
      const s = Math.round(mean * (0.8 + 0.4 * random()));
      const d = Math.round(s * ratio * (i % 97 === 13 ? 0.3 : 1));
      spotify[t * DAYS + i] = s;
      distributor[t * DAYS + i] = d;
      const day = days[i]!;
      observations.push({ track: id, source: 'spotify', store: 'spotify', metric: 'streams', day, value: s, observedAt: spotifyRead[i]! });
      // One distributor day in ten is first read early as 0, then rises (a revision).
      if (i % 10 === 0) observations.push({ track: id, source: 'imusician', store: 'spotify', metric: 'streams', day, value: 0, observedAt: distributorEarly[i]! });
      observations.push({ track: id, source: 'imusician', store: 'spotify', metric: 'streams', day, value: d, observedAt: distributorRead[i]! });
    }
  }
  return { history: { tracks, observations }, spotify, distributor, asOf: `${addDays(START, DAYS + 1)}T12:00:00.000Z` };
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** A bare pass: per day the ratio, per track its mean, over typed arrays. */
function floorPass(spotify: Float64Array, distributor: Float64Array): number {
  let total = 0;
  for (let t = 0; t < TRACKS; t++) {
    let sum = 0;
    for (let i = t * DAYS, end = i + DAYS; i < end; i++) sum += spotify[i]! > 0 ? distributor[i]! / spotify[i]! : 0;
    total += sum / DAYS;
  }
  return total;
}

export async function benchCompare(runs = 5): Promise<Record<string, number>> {
  const { history, spotify, distributor, asOf } = buildHistory();
  const compareTimes: number[] = [];
  const compareCpuTimes: number[] = [];
  let rows = 0;
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = compare(history, { asOf });
    compareTimes.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    compareCpuTimes.push((used.user + used.system) / 1000);
    rows = result.tracks.reduce((sum, track) => sum + track.days.length, 0);
  }
  const floorTimes: number[] = [];
  let sink = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    sink += floorPass(spotify, distributor);
    floorTimes.push(performance.now() - started);
  }
  const compareMs = medianOf(compareTimes);
  const floorMs = medianOf(floorTimes);
  return {
    tracks: TRACKS,
    days: DAYS,
    observations: history.observations.length,
    rows,
    compareMs: Math.round(compareMs * 10) / 10,
    // CPU time of the process (GC helper threads included): steadier than wall time on a
    // shared machine, where other work can stretch the wall clock.
    compareCpuMs: Math.round(medianOf(compareCpuTimes) * 10) / 10,
    floorMs: Math.round(floorMs * 100) / 100,
    ratioToFloor: Math.round(compareMs / Math.max(floorMs, 0.001)),
    // Keeps the floor pass from being optimised away.
    floorChecksum: Math.round(sink) % 1000,
  };
}
