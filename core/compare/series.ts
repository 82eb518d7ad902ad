/**
 * Per-track, per-source day series as known at `asOf`: for every day, the value that held then
 * and the distinct values read up to then (docs/contracts.md §1 revisions).
 *
 * Observations read after `asOf` are dropped while grouping, so nothing downstream can see
 * them; what is left is ordered and compacted with the model's own revision rules, and the
 * value as of `asOf` is the one `revisionAsOf` picks from that list. Days are kept as day
 * numbers in dense arrays, and a day read once keeps its lone revision bare (no array): a
 * two-year, thousand-track history is 1.5 million observations, and per-day maps, arrays and
 * string arithmetic would dominate the run time.
 */
import { MS_PER_DAY, dayFromMs, dayStartMs, type Day } from '../model/day';
import { compactRevisions, compareRevisions, revisionAsOf } from '../model/revisions';
import type { Metric, Observation } from '../model/schema';
import type { History } from '../model/history';
import type { RevisionEntry } from './types';

/** The revisions of one day: a lone one bare, several as an array (oldest first). */
export type RevisionCell = RevisionEntry | readonly RevisionEntry[] | undefined;

export interface DaySeries {
  source: string;
  store: string;
  /** Day number (days since 1970-01-01) of index 0. */
  start: number;
  /** The value as of `asOf` per day; NaN where nothing was read. */
  values: Float64Array;
  /** The distinct values read per day, oldest first (undefined where nothing was read). */
  revisions: RevisionCell[];
}

/** Day number of a "YYYY-MM-DD" day, cached: a history has few distinct days, many rows. */
export class DayNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly days = new Map<number, Day>();

  of(day: Day): number {
    let number = this.numbers.get(day);
    if (number === undefined) {
      number = Math.round(dayStartMs(day) / MS_PER_DAY);
      this.numbers.set(day, number);
      this.days.set(number, day);
    }
    return number;
  }

  day(number: number): Day {
    let day = this.days.get(number);
    if (day === undefined) {
      day = dayFromMs(number * MS_PER_DAY);
      this.days.set(number, day);
      this.numbers.set(day, number);
    }
    return day;
  }
}

export function cellList(cell: RevisionCell): readonly RevisionEntry[] {
  return cell === undefined ? [] : Array.isArray(cell) ? cell : [cell as RevisionEntry];
}

export function cellSize(cell: RevisionCell): number {
  return cell === undefined ? 0 : Array.isArray(cell) ? cell.length : 1;
}

/** First and last day numbers that have a value (null for an empty series). */
export function seriesSpan(series: DaySeries): { first: number; last: number } | null {
  let first = -1;
  for (let i = 0; i < series.values.length; i++) {
    if (!Number.isNaN(series.values[i]!)) {
      first = i;
      break;
    }
  }
  if (first < 0) return null;
  let last = first;
  for (let i = series.values.length - 1; i > first; i--) {
    if (!Number.isNaN(series.values[i]!)) {
      last = i;
      break;
    }
  }
  return { first: series.start + first, last: series.start + last };
}

/** Series of one track, keyed by source, then store. */
type TrackSeriesMap = Map<string, Map<string, DaySeries>>;

interface RawSeries {
  source: string;
  store: string;
  start: number;
  /** Per day from `start`: one observation, or several once a day was read more than once. */
  cells: (Observation | Observation[] | undefined)[];
}

function entry(obs: Observation): RevisionEntry {
  return { source: obs.source, value: obs.value, observedAt: obs.observedAt };
}

function finish(raw: RawSeries, asOf: string): DaySeries {
  const length = raw.cells.length;
  const values = new Float64Array(length).fill(Number.NaN);
  const revisions: RevisionCell[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const cell = raw.cells[i];
    if (cell === undefined) continue;
    if (Array.isArray(cell)) {
      const ordered = compactRevisions(cell.sort(compareRevisions));
      values[i] = revisionAsOf(ordered, asOf)!.value;
      revisions[i] = ordered.length === 1 ? entry(ordered[0]!) : ordered.map(entry);
    } else {
      values[i] = cell.value;
      revisions[i] = entry(cell);
    }
  }
  return { source: raw.source, store: raw.store, start: raw.start, values, revisions };
}

/**
 * Groups the history's observations of `metric` read at or before `asOf` into day series:
 * track id → source → store → series.
 */
export function collectSeries(history: History, asOf: string, metric: Metric, dayNumbers: DayNumbers, onlyTracks?: ReadonlySet<string>): Map<string, TrackSeriesMap> {
  const raw = new Map<string, Map<string, Map<string, RawSeries>>>();
  // Observations usually come series by series: remember the last one to skip the lookups.
  let lastTrack = '';
  let lastSource = '';
  let lastStore = '';
  let series: RawSeries | undefined;
  for (const obs of history.observations) {
    if (obs.metric !== metric || obs.observedAt > asOf) continue;
    if (series === undefined || obs.track !== lastTrack || obs.source !== lastSource || obs.store !== lastStore) {
      if (onlyTracks && !onlyTracks.has(obs.track)) continue;
      let bySource = raw.get(obs.track);
      if (!bySource) raw.set(obs.track, (bySource = new Map()));
      let byStore = bySource.get(obs.source);
      if (!byStore) bySource.set(obs.source, (byStore = new Map()));
      series = byStore.get(obs.store);
      if (!series) byStore.set(obs.store, (series = { source: obs.source, store: obs.store, start: dayNumbers.of(obs.day), cells: [] }));
      lastTrack = obs.track;
      lastSource = obs.source;
      lastStore = obs.store;
    }
    const n = dayNumbers.of(obs.day);
    if (n < series.start) {
      // Rare: observations out of day order. Grow the array at the front.
      series.cells = (new Array(series.start - n) as RawSeries['cells']).concat(series.cells);
      series.start = n;
    }
    const index = n - series.start;
    while (series.cells.length < index) series.cells.push(undefined);
    const cell = series.cells[index];
    if (cell === undefined) series.cells[index] = obs;
    else if (Array.isArray(cell)) cell.push(obs);
    else series.cells[index] = [cell, obs];
  }

  const result = new Map<string, TrackSeriesMap>();
  for (const [track, bySource] of raw) {
    const finished: TrackSeriesMap = new Map();
    for (const [source, byStore] of bySource) {
      const stores = new Map<string, DaySeries>();
      for (const [store, rawSeries] of byStore) stores.set(store, finish(rawSeries, asOf));
      finished.set(source, stores);
    }
    result.set(track, finished);
  }
  return result;
}
