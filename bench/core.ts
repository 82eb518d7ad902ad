/**
 * Core speed: compare + eligibility over the synthetic catalogue (1,000 ISRCs × 3 years × 2
 * sources with revisions, ≈ 2.2 M observations), beside the floor: one bare pass over the
 * same values in typed arrays (per day the distributor/S4A ratio and a trailing 365-day sum,
 * per recording their totals), the least any comparison and eligibility must cost.
 * Medians of a few runs after one warm-up; wall time and process CPU time.
 */
import { compare } from '../core/compare/index';
import { eligibility } from '../core/eligibility/index';
import { syntheticHistory, type SyntheticHistory } from './synthetic-history';
import { median, round } from './stats';

/** The floor: every stored value read once, in typed arrays, with the arithmetic both need. */
export function floorPass(data: Pick<SyntheticHistory, 'spotify' | 'distributor' | 'early'>, recordings: number, days: number): number {
  const { spotify, distributor, early } = data;
  let checksum = 0;
  for (let r = 0; r < recordings; r++) {
    let ratioSum = 0;
    let trailing = 0;
    let revisions = 0;
    const first = r * days;
    for (let i = first, end = first + days; i < end; i++) {
      const s = spotify[i]!;
      ratioSum += s > 0 ? distributor[i]! / s : 0;
      trailing += s;
      if (i - first >= 365) trailing -= spotify[i - 365]!;
      if (early[i] === early[i]) revisions++;
    }
    checksum += ratioSum / days + trailing * 1e-9 + revisions;
  }
  return checksum;
}

export interface CoreFigures {
  'core.observations': number;
  'core.recordings': number;
  'core.compareMs': number;
  'core.eligibilityMs': number;
  /** compare + eligibility, medians added. */
  'core.totalMs': number;
  'core.totalCpuMs': number;
  'core.floorMs': number;
  'core.ratioToFloor': number;
  'core.comparedDays': number;
  'core.eligibleRecordings': number;
}

export async function benchCore(options: { runs?: number; log?: (line: string) => void } = {}): Promise<CoreFigures> {
  const runs = options.runs ?? 3;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const data = syntheticHistory();
  const { history, asOf, asOfDay } = data;
  const recordings = history.tracks.length;
  const days = data.spotify.length / recordings;
  log(`  history: ${history.observations.length.toLocaleString('en')} observations built in ${round(performance.now() - started, 0)} ms`);

  const compareTimes: number[] = [];
  const eligibilityTimes: number[] = [];
  const cpuTimes: number[] = [];
  let comparedDays = 0;
  let eligible = 0;
  // Run 0 warms up (JIT); its times are not counted.
  for (let run = 0; run <= runs; run++) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const compared = compare(history, { asOf });
    const t1 = performance.now();
    const evaluated = eligibility(history, { asOfDay, assumedListenerMinimum: 100 });
    const t2 = performance.now();
    const used = process.cpuUsage(cpu);
    if (run === 0) continue;
    compareTimes.push(t1 - t0);
    eligibilityTimes.push(t2 - t1);
    cpuTimes.push((used.user + used.system) / 1000);
    comparedDays = compared.tracks.reduce((sum, track) => sum + track.days.length, 0);
    eligible = evaluated.tracks.filter((track) => track.eligible).length;
    log(`  run ${run}: compare ${round(t1 - t0, 0)} ms, eligibility ${round(t2 - t1, 0)} ms`);
  }

  const floorTimes: number[] = [];
  let sink = 0;
  for (let run = 0; run <= 9; run++) {
    const t0 = performance.now();
    sink += floorPass(data, recordings, days);
    if (run > 0) floorTimes.push(performance.now() - t0);
  }
  if (!Number.isFinite(sink)) throw new Error('floor pass went wrong');

  const compareMs = median(compareTimes);
  const eligibilityMs = median(eligibilityTimes);
  const floorMs = median(floorTimes);
  return {
    'core.observations': history.observations.length,
    'core.recordings': recordings,
    'core.compareMs': round(compareMs, 1),
    'core.eligibilityMs': round(eligibilityMs, 1),
    'core.totalMs': round(compareMs + eligibilityMs, 1),
    'core.totalCpuMs': round(median(cpuTimes), 1),
    'core.floorMs': round(floorMs, 2),
    'core.ratioToFloor': round((compareMs + eligibilityMs) / Math.max(floorMs, 0.001), 1),
    'core.comparedDays': comparedDays,
    'core.eligibleRecordings': eligible,
  };
}
