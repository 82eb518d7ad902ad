/**
 * compare over columns: per track and distributor source the shift, the usual ratio, the
 * settle window and the count of rows and anomalies, all from day-indexed arrays. No row is
 * built here; `ComparedTrack.days()` builds the rows of the days asked for.
 */
import { dayNumberOf } from '../columns/calendar';
import { seriesOf, type HistoryColumns, type TrackColumns } from '../columns/build';
import { knownAt, valuesAsOf, type DayValues, type SeriesColumns } from '../columns/series';
import type { Day } from '../model/day';
import { compareSourceColumns } from './daily';
import { rowsBetween, SourceRows } from './rows';
import { canonicalInstant, chooseStore, selectTracks } from './select';
import { SPOTIFY_SOURCE, SPOTIFY_STORE } from '../model/ids';
import { learnSettleWindow, type SettleWindow } from './settle';
import { DEFAULT_SETTLE_DAYS } from '../model/settle';
import type { CompareOptions, DayComparison, SourceSummary } from './types';

/** One track's comparison; its day rows are built on demand. */
export interface ComparedTrack {
  track: string;
  isrc: string | null;
  title: string;
  /** The usual distributor/S4A ratio of the main distributor source (see `sources`). */
  baselineRatio: number | null;
  lagDays: number;
  sources: SourceSummary[];
  /** How many day rows `days()` returns. */
  dayCount: number;
  /** Day rows whose main reason is ANOMALY. */
  anomalyDays: number;
  /** Rows from `from` to `to` (days, both included; default: all), by day. */
  days(range?: { from?: Day; to?: Day }): DayComparison[];
  /** The `limit` most recent rows, newest first. */
  latestDays(limit: number): DayComparison[];
}

export interface ColumnarComparison {
  asOf: string;
  tracks: ComparedTrack[];
}

/** Streams series of one source that were known by asOf, by store. */
function knownStores(stores: ReadonlyMap<string, SeriesColumns> | undefined, asOfMs: number): Map<string, SeriesColumns> {
  const known = new Map<string, SeriesColumns>();
  if (stores) for (const [store, series] of stores) if (knownAt(series, asOfMs)) known.set(store, series);
  return known;
}

/**
 * Settle windows per distributor source, learnt across every track (a distributor's habit).
 * Exported for the background's incremental overview (core/views/overview-cache.ts), which
 * compares one recording at a time with the windows of the whole history.
 */
export function settleWindows(byTrack: Iterable<TrackColumns>, asOfMs: number, settingDays: number): Map<string, SettleWindow> {
  const bySource = new Map<string, SeriesColumns[]>();
  for (const metrics of byTrack) {
    const sources = metrics.get('streams');
    if (!sources) continue;
    for (const [source, stores] of sources) {
      if (source === SPOTIFY_SOURCE) continue;
      for (const series of stores.values()) {
        if (!knownAt(series, asOfMs)) continue;
        let list = bySource.get(source);
        if (!list) bySource.set(source, (list = []));
        list.push(series);
      }
    }
  }
  const windows = new Map<string, SettleWindow>();
  for (const [source, list] of bySource) windows.set(source, learnSettleWindow(list, asOfMs, settingDays));
  return windows;
}

function mainSource(summaries: readonly SourceSummary[], rowCounts: ReadonlyMap<string, number>): SourceSummary | undefined {
  return [...summaries].sort(
    (a, b) => b.baselineDays - a.baselineDays || (rowCounts.get(b.source) ?? 0) - (rowCounts.get(a.source) ?? 0) || (a.source < b.source ? -1 : 1),
  )[0];
}

const asValues = (series: SeriesColumns, asOfMs: number): DayValues => ({ start: series.start, values: valuesAsOf(series, asOfMs) });

/** The settle days a compare runs with: the setting, or the default. */
export function settingDaysOf(options: Pick<CompareOptions, 'settleDays'>): number {
  return Math.max(0, Math.floor(options.settleDays ?? DEFAULT_SETTLE_DAYS));
}

/**
 * `windows`: the settle windows learnt over a larger history than `columns` (from
 * `settleWindows`); by default they are learnt from `columns` themselves.
 */
export function compareColumns(columns: HistoryColumns, options: CompareOptions, windows?: ReadonlyMap<string, SettleWindow>): ColumnarComparison {
  const asOf = canonicalInstant(options.asOf);
  const asOfMs = Date.parse(asOf);
  const settingDays = settingDaysOf(options);
  windows ??= settleWindows(columns.byTrack.values(), asOfMs, settingDays);

  const tracks: ComparedTrack[] = [];
  for (const track of selectTracks(columns.tracks, options.isrc)) {
    const bySource = columns.byTrack.get(track.id)?.get('streams');
    const spotifySeries = seriesOf(columns, track.id, SPOTIFY_SOURCE, SPOTIFY_STORE, 'streams');
    const spotify = spotifySeries && knownAt(spotifySeries, asOfMs) ? spotifySeries : null;
    const spotifyValues = spotify ? asValues(spotify, asOfMs) : null;
    const parts: SourceRows[] = [];
    const rowCounts = new Map<string, number>();
    const sources = bySource ? [...bySource.keys()].filter((source) => source !== SPOTIFY_SOURCE).sort() : [];
    let dayCount = 0;
    let anomalyDays = 0;
    for (const source of sources) {
      const distributor = chooseStore(knownStores(bySource!.get(source), asOfMs));
      if (!distributor) continue;
      const settle = windows.get(source) ?? { days: settingDays, learned: false };
      const compared = compareSourceColumns({ spotify, spotifyValues, distributor, distributorValues: asValues(distributor, asOfMs), asOfMs, settle });
      parts.push(new SourceRows(compared, asOfMs));
      rowCounts.set(source, compared.rowCount);
      dayCount += compared.rowCount;
      anomalyDays += compared.anomalyDays;
    }
    const summaries = parts.map((part) => part.compared.summary);
    const main = mainSource(summaries, rowCounts);
    tracks.push({
      track: track.id,
      isrc: track.isrc,
      title: track.title,
      baselineRatio: main?.baselineRatio ?? null,
      lagDays: main?.lagDays ?? 0,
      sources: summaries,
      dayCount,
      anomalyDays,
      days: (range) => rowsBetween(parts, range?.from === undefined ? Number.NEGATIVE_INFINITY : dayNumberOf(range.from), range?.to === undefined ? Number.POSITIVE_INFINITY : dayNumberOf(range.to)),
      latestDays: (limit) => rowsBetween(parts, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, limit, true),
    });
  }
  return { asOf, tracks };
}
