/**
 * A history as columns: every series (track, source, store, metric) as day-indexed typed
 * arrays (./series.ts), built in one pass over the observations. This is where the core meets
 * observation objects; compare and eligibility work on the columns only.
 *
 * Observations arrive in any order. A first pass gives each one its series and day number
 * (a small cache of the last few series keeps the lookups off the common path, where a
 * history alternates between a track's two or three series); a counting sort then lays each
 * series out day by day, and each day's readings are ordered and compacted.
 */
import type { History } from '../model/history';
import type { Metric, Observation, Track } from '../model/schema';
import { dayNumberOf } from './calendar';
import type { SeriesColumns } from './series';

/** A track's series: metric → source → store. */
export type TrackColumns = Map<Metric, Map<string, Map<string, SeriesColumns>>>;

export interface HistoryColumns {
  tracks: readonly Track[];
  /** Track id → its series; tracks without observations are absent. */
  byTrack: Map<string, TrackColumns>;
  observationCount: number;
  /**
   * The history these columns were built from (a reference, nothing copied; `historyColumns`
   * always sets it): the money view needs its report lines and observations, which the columns
   * do not carry, so an overview built from columns says the same as one built from the
   * history. Columns put together per recording (core/views/overview-cache.ts) have none and
   * compute their money line themselves.
   */
  history?: History;
}

interface Draft {
  track: string;
  source: string;
  store: string;
  metric: Metric;
  first: number;
  last: number;
  count: number;
}

const RECENT = 4;

/** The series of one track, source, store and metric, or undefined. */
export function seriesOf(columns: HistoryColumns, track: string, source: string, store: string, metric: Metric): SeriesColumns | undefined {
  return columns.byTrack.get(track)?.get(metric)?.get(source)?.get(store);
}

export function historyColumns(history: History): HistoryColumns {
  const observations = history.observations;
  const count = observations.length;
  const seriesIds = new Int32Array(count);
  const dayNumbers = new Int32Array(count);
  const readAt = new Float64Array(count);
  const values = new Float64Array(count);
  const drafts: Draft[] = [];
  const index = new Map<string, Map<string, number>>();
  const dayCache = new Map<string, number>();
  const instantCache = new Map<string, number>();
  const recent: number[] = [];

  for (let i = 0; i < count; i++) {
    const obs = observations[i]!;
    let id = -1;
    for (let r = 0; r < recent.length; r++) {
      const draft = drafts[recent[r]!]!;
      if (draft.track === obs.track && draft.source === obs.source && draft.store === obs.store && draft.metric === obs.metric) {
        id = recent[r]!;
        break;
      }
    }
    if (id < 0) {
      id = draftId(obs, drafts, index);
      if (recent.length === RECENT) recent.pop();
      recent.unshift(id);
    }
    let day = dayCache.get(obs.day);
    if (day === undefined) dayCache.set(obs.day, (day = dayNumberOf(obs.day)));
    let at = instantCache.get(obs.observedAt);
    if (at === undefined) instantCache.set(obs.observedAt, (at = Date.parse(obs.observedAt)));
    const draft = drafts[id]!;
    if (draft.count === 0 || day < draft.first) draft.first = day;
    if (draft.count === 0 || day > draft.last) draft.last = day;
    draft.count++;
    seriesIds[i] = id;
    dayNumbers[i] = day;
    readAt[i] = at;
    values[i] = obs.value;
  }

  // Observations grouped by series (counting sort), each series' run then laid out by day.
  const seriesStart = new Int32Array(drafts.length + 1);
  for (let i = 0; i < count; i++) seriesStart[seriesIds[i]! + 1]!++;
  for (let s = 0; s < drafts.length; s++) seriesStart[s + 1]! += seriesStart[s]!;
  const fill = seriesStart.slice(0, drafts.length);
  const bySeries = new Int32Array(count);
  for (let i = 0; i < count; i++) bySeries[fill[seriesIds[i]!]!++] = i;

  const byTrack = new Map<string, TrackColumns>();
  for (let s = 0; s < drafts.length; s++) {
    const draft = drafts[s]!;
    const series = layOut(draft, bySeries.subarray(seriesStart[s]!, seriesStart[s + 1]!), dayNumbers, readAt, values);
    let metrics = byTrack.get(draft.track);
    if (!metrics) byTrack.set(draft.track, (metrics = new Map()));
    let sources = metrics.get(draft.metric);
    if (!sources) metrics.set(draft.metric, (sources = new Map()));
    let stores = sources.get(draft.source);
    if (!stores) sources.set(draft.source, (stores = new Map()));
    stores.set(draft.store, series);
  }
  return { tracks: history.tracks, byTrack, observationCount: count, history };
}

function draftId(obs: Observation, drafts: Draft[], index: Map<string, Map<string, number>>): number {
  let ofTrack = index.get(obs.track);
  if (!ofTrack) index.set(obs.track, (ofTrack = new Map()));
  const key = `${obs.source}\u0000${obs.store}\u0000${obs.metric}`;
  let id = ofTrack.get(key);
  if (id === undefined) {
    id = drafts.length;
    drafts.push({ track: obs.track, source: obs.source, store: obs.store, metric: obs.metric, first: 0, last: 0, count: 0 });
    ofTrack.set(key, id);
  }
  return id;
}

/** One series' observations (indexes into the history) as day-indexed columns. */
function layOut(draft: Draft, members: Int32Array, dayNumbers: Int32Array, readAt: Float64Array, observed: Float64Array): SeriesColumns {
  const length = draft.last - draft.first + 1;
  const first = draft.first;
  const offsets = new Int32Array(length + 1);
  for (let m = 0; m < members.length; m++) offsets[dayNumbers[members[m]!]! - first + 1]!++;
  for (let d = 0; d < length; d++) offsets[d + 1]! += offsets[d]!;
  const order = new Int32Array(members.length);
  const fill = offsets.slice(0, length);
  for (let m = 0; m < members.length; m++) {
    const i = members[m]!;
    order[fill[dayNumbers[i]! - first]!++] = i;
  }
  const revised: number[] = [];
  let gaps = 0;

  const revisionValues = new Float64Array(members.length);
  const revisionReadAt = new Float64Array(members.length);
  const latest = new Float64Array(length).fill(Number.NaN);
  let lastReadAt = Number.NEGATIVE_INFINITY;
  let firstReadAt = Number.POSITIVE_INFINITY;
  let kept = 0;
  for (let d = 0; d < length; d++) {
    const from = offsets[d]!;
    const to = offsets[d + 1]!;
    offsets[d] = kept;
    if (to - from > 1) sortReadings(order, from, to, readAt, observed);
    for (let k = from; k < to; k++) {
      const i = order[k]!;
      const value = observed[i]!;
      // Compaction: a reading that repeats the value before it adds nothing.
      if (kept > offsets[d]! && revisionValues[kept - 1] === value) continue;
      revisionValues[kept] = value;
      revisionReadAt[kept] = readAt[i]!;
      if (readAt[i]! > lastReadAt) lastReadAt = readAt[i]!;
      if (readAt[i]! < firstReadAt) firstReadAt = readAt[i]!;
      kept++;
    }
    if (kept > offsets[d]!) latest[d] = revisionValues[kept - 1]!;
    else gaps++;
    if (kept - offsets[d]! > 1) revised.push(d);
  }
  offsets[length] = kept;
  return {
    track: draft.track,
    source: draft.source,
    store: draft.store,
    metric: draft.metric,
    start: draft.first,
    length,
    offsets,
    revisionValues: kept === members.length ? revisionValues : revisionValues.slice(0, kept),
    revisionReadAt: kept === members.length ? revisionReadAt : revisionReadAt.slice(0, kept),
    latest,
    gaps,
    revisedDays: Int32Array.from(revised),
    firstReadAt,
    lastReadAt,
  };
}

/** Orders one day's readings by read time, then value (the model's compareRevisions). */
function sortReadings(order: Int32Array, from: number, to: number, readAt: Float64Array, observed: Float64Array): void {
  if (to - from > 16) {
    const sorted = Array.from(order.subarray(from, to)).sort((a, b) => (isAfter(a, b, readAt, observed) ? 1 : isAfter(b, a, readAt, observed) ? -1 : 0));
    order.set(sorted, from);
    return;
  }
  // Insertion sort: a day is usually read a handful of times at most.
  for (let k = from + 1; k < to; k++) {
    const i = order[k]!;
    let j = k - 1;
    while (j >= from && isAfter(order[j]!, i, readAt, observed)) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = i;
  }
}

function isAfter(a: number, b: number, readAt: Float64Array, observed: Float64Array): boolean {
  if (readAt[a] !== readAt[b]) return readAt[a]! > readAt[b]!;
  return observed[a]! > observed[b]!;
}
