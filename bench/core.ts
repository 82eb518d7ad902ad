/**
 * Core speed: compare + eligibility over the synthetic catalogue (1,000 ISRCs × 3 years × 2
 * sources with revisions, ≈ 2.2 M observations), beside the floor: one bare pass over the
 * same values in typed arrays (per day the distributor/S4A ratio and a trailing 365-day sum,
 * per recording their totals), the least any comparison and eligibility must cost.
 *
 * The core is columnar: the history becomes day-indexed columns once (as the store or the
 * history file hands it over), then compare and eligibility run over the columns and day rows
 * are built only for the days a screen shows. Measured here: the columns' build, compare +
 * eligibility over them (the figure held against the floor), every row built (what
 * `compare --json` streams), and the row-by-row core it replaced (test/reference/v1), all in
 * the same run.
 *
 * The floor is a few milliseconds, so one pass is at the mercy of the scheduler: each floor
 * figure repeats the pass until the repeats take at least 200 ms and takes the per-pass
 * median; a floor is measured right before every core run, and the ratio is the median of the
 * per-run ratios.
 */
import { historyColumns } from '../core/columns/build';
import { compare, compareColumns } from '../core/compare/index';
import { eligibility } from '../core/eligibility/index';
import { compare as compareV1 } from '../test/reference/v1/compare/index';
import { eligibility as eligibilityV1 } from '../test/reference/v1/eligibility/index';
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

/** The floor pass repeated until the repeats take `minimumMs`; the per-pass median. */
export function stableFloor(pass: () => number, minimumMs = 200): { ms: number; passes: number } {
  const times: number[] = [];
  let sink = 0;
  const started = performance.now();
  while (performance.now() - started < minimumMs || times.length < 5) {
    const t0 = performance.now();
    sink += pass();
    times.push(performance.now() - t0);
  }
  if (!Number.isFinite(sink)) throw new Error('floor pass went wrong');
  return { ms: median(times), passes: times.length };
}

export interface CoreFigures {
  'core.observations': number;
  'core.recordings': number;
  /** The history's observations turned into columns (once per data version). */
  'core.columnsMs': number;
  'core.compareMs': number;
  'core.eligibilityMs': number;
  /** compare + eligibility over the columns, medians added. */
  'core.totalMs': number;
  'core.totalCpuMs': number;
  'core.floorMs': number;
  'core.floorPasses': number;
  /** Median of the per-run ratios (each run against the floor measured just before it). */
  'core.ratioToFloor': number;
  'core.comparedDays': number;
  'core.anomalyDays': number;
  'core.eligibleRecordings': number;
  /** Every day row built (reasons, revisions): what `compare --json` writes, track by track. */
  'core.allRowsMs': number;
  /** The row-by-row core of version 0.1 (test/reference/v1), compare + eligibility. */
  'core.v1TotalMs': number;
  'core.v1RatioToFloor': number;
  'core.speedupOverV1': number;
}

export async function benchCore(options: { runs?: number; log?: (line: string) => void; reference?: boolean } = {}): Promise<CoreFigures> {
  const runs = options.runs ?? 7;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const data = syntheticHistory();
  const { history, asOf, asOfDay } = data;
  const recordings = history.tracks.length;
  const days = data.spotify.length / recordings;
  log(`  history: ${history.observations.length.toLocaleString('en')} observations built in ${round(performance.now() - started, 0)} ms`);
  const floor = () => stableFloor(() => floorPass(data, recordings, days));

  const columnTimes: number[] = [];
  let columns = historyColumns(history);
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    columns = historyColumns(history);
    columnTimes.push(performance.now() - t0);
  }

  const compareTimes: number[] = [];
  const eligibilityTimes: number[] = [];
  const cpuTimes: number[] = [];
  const floorTimes: number[] = [];
  const ratios: number[] = [];
  let floorPasses = 0;
  let comparedDays = 0;
  let anomalyDays = 0;
  let eligible = 0;
  // Run 0 warms up (JIT); its times are not counted.
  for (let run = 0; run <= runs; run++) {
    const before = floor();
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const compared = compareColumns(columns, { asOf });
    const t1 = performance.now();
    const evaluated = eligibility(columns, { asOfDay, assumedListenerMinimum: 100 });
    const t2 = performance.now();
    const used = process.cpuUsage(cpu);
    if (run === 0) continue;
    compareTimes.push(t1 - t0);
    eligibilityTimes.push(t2 - t1);
    cpuTimes.push((used.user + used.system) / 1000);
    floorTimes.push(before.ms);
    floorPasses += before.passes;
    ratios.push((t2 - t0) / before.ms);
    comparedDays = compared.tracks.reduce((sum, track) => sum + track.dayCount, 0);
    anomalyDays = compared.tracks.reduce((sum, track) => sum + track.anomalyDays, 0);
    eligible = evaluated.tracks.filter((track) => track.eligible).length;
    log(`  run ${run}: compare ${round(t1 - t0, 1)} ms, eligibility ${round(t2 - t1, 1)} ms, floor ${round(before.ms, 2)} ms (${before.passes} passes) → ${round((t2 - t0) / before.ms, 1)}×`);
  }

  const t0 = performance.now();
  const allRows = compare(columns, { asOf }).tracks.reduce((sum, track) => sum + track.days.length, 0);
  const allRowsMs = performance.now() - t0;
  if (allRows !== comparedDays) throw new Error(`rows built (${allRows}) differ from rows counted (${comparedDays})`);
  log(`  every row built: ${allRows.toLocaleString('en')} rows in ${round(allRowsMs, 0)} ms`);

  let v1TotalMs = Number.NaN;
  let v1Floor = Number.NaN;
  if (options.reference ?? true) {
    const v1Times: number[] = [];
    for (let run = 0; run <= 1; run++) {
      const before = floor();
      const t1 = performance.now();
      compareV1(history, { asOf });
      eligibilityV1(history, { asOfDay, assumedListenerMinimum: 100 });
      if (run > 0) {
        v1Times.push(performance.now() - t1);
        v1Floor = before.ms;
      }
    }
    v1TotalMs = median(v1Times);
    log(`  row-by-row core (v1): ${round(v1TotalMs, 0)} ms`);
  }

  const compareMs = median(compareTimes);
  const eligibilityMs = median(eligibilityTimes);
  const totalMs = compareMs + eligibilityMs;
  return {
    'core.observations': history.observations.length,
    'core.recordings': recordings,
    'core.columnsMs': round(median(columnTimes), 0),
    'core.compareMs': round(compareMs, 1),
    'core.eligibilityMs': round(eligibilityMs, 1),
    'core.totalMs': round(totalMs, 1),
    'core.totalCpuMs': round(median(cpuTimes), 1),
    'core.floorMs': round(median(floorTimes), 2),
    'core.floorPasses': floorPasses,
    'core.ratioToFloor': round(median(ratios), 1),
    'core.comparedDays': comparedDays,
    'core.anomalyDays': anomalyDays,
    'core.eligibleRecordings': eligible,
    'core.allRowsMs': round(allRowsMs, 0),
    'core.v1TotalMs': round(v1TotalMs, 0),
    'core.v1RatioToFloor': round(v1TotalMs / v1Floor, 0),
    'core.speedupOverV1': round(v1TotalMs / totalMs, 1),
  };
}
