/**
 * The popup's overview, kept up to date one recording at a time (the incremental path of
 * `buildOverview`, same result). The background keeps each track's columns and, per
 * recording, the row it last showed; after new data only the tracks the data touched are
 * read again and only the recordings whose inputs changed are compared and evaluated again.
 *
 * What a recording's row depends on, and so what makes it stale:
 * - its tracks (records and columns: replaced when a track is read again, so compared by identity);
 * - the day of `asOf` (eligibility's month, the last settled day: both whole days), the
 *   settings, and the settle windows, which are learnt across every track of a distributor
 *   (core/compare/settle.ts) and so are recomputed over all cached columns every time;
 * - nothing else of `asOf`, as long as everything of the recording was read by then (its
 *   latest read time ≤ asOf); a recording with later read times is computed every time.
 * Money (the statement line) is per recording too: its lines and its S4A days only
 * (core/money), so a recording with money has its observations read again when it is recomputed.
 *
 * Pure: the background hands it what it read from the store (entrypoints/background/overview.ts).
 */
import { historyColumns, type HistoryColumns, type TrackColumns } from '../columns/build';
import { compareColumns, settingDaysOf, settleWindows } from '../compare/columnar';
import { canonicalInstant } from '../compare/select';
import type { SettleWindow } from '../compare/settle';
import { eligibility } from '../eligibility';
import { groupByRecording, type Recording } from '../eligibility/grouping';
import { dayFromMs, MS_PER_DAY } from '../model/day';
import type { History } from '../model/history';
import type { MoneyRecord } from '../model/money';
import type { Observation, Track } from '../model/schema';
import { moneyByTrack, statementLine } from './money';
import type { ViewOptions } from './build';
import type { Overview, RecordingSummary } from './types';
import { SPOTIFY_SOURCE } from '../model/ids';

/** What the cache keeps of one track: replaced whole when the track is read again. */
interface TrackEntry {
  track: Track;
  /** Its series; undefined for a track without observations. */
  columns: TrackColumns | undefined;
  observationCount: number;
  /** The latest read time of anything of it (−∞ without observations). */
  lastReadAt: number;
  money: MoneyRecord[];
}

interface RowEntry {
  /** The inputs the row was computed from: the same objects mean the same row. */
  entries: TrackEntry[];
  /** Day, settings and settle windows (see `inputsKey`). */
  key: string;
  row: RecordingSummary;
}

/** A track's data as the store hands it over. */
export interface TrackData {
  observations: readonly Observation[];
  money: readonly MoneyRecord[];
}

/** Reads a track's observations again (a recording with money needs them to be recomputed). */
type ObservationReader = (trackId: string) => Promise<readonly Observation[]>;

function sameTrack(a: Track, b: Track): boolean {
  return (
    a.id === b.id &&
    a.isrc === b.isrc &&
    a.title === b.title &&
    a.artists.length === b.artists.length &&
    a.artists.every((artist, i) => artist === b.artists[i]) &&
    JSON.stringify(a.spotifyTrackIds) === JSON.stringify(b.spotifyTrackIds) &&
    JSON.stringify(Object.entries(a.distributorIds).sort()) === JSON.stringify(Object.entries(b.distributorIds).sort())
  );
}

function lastReadOf(columns: TrackColumns | undefined): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const bySource of columns?.values() ?? []) for (const stores of bySource.values()) for (const series of stores.values()) last = Math.max(last, series.lastReadAt);
  return last;
}

function entryOf(track: Track, columns: TrackColumns | undefined, observationCount: number, money: readonly MoneyRecord[]): TrackEntry {
  return { track, columns, observationCount, lastReadAt: lastReadOf(columns), money: [...money] };
}

function windowsKey(windows: ReadonlyMap<string, SettleWindow>): string {
  return [...windows]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([source, window]) => `${source}:${window.days}:${window.learned ? 1 : 0}`)
    .join(',');
}

export class OverviewCache {
  /** Track id → what is known of it, in the store's order of tracks. */
  private tracks = new Map<string, TrackEntry>();
  /** Recording key → its last row. */
  private rows = new Map<string, RowEntry>();
  private filled = false;

  /** False until the first `replaceAll`: until then nothing is known. */
  get loaded(): boolean {
    return this.filled;
  }

  /** Forgets everything (the data was deleted, or a computation failed half-way). */
  clear(): void {
    this.tracks = new Map();
    this.rows = new Map();
    this.filled = false;
  }

  /** Takes the whole history (the first time, or after a change too big to apply track by track). */
  replaceAll(history: History): void {
    const columns = historyColumns(history);
    const counts = new Map<string, number>();
    for (const obs of history.observations) counts.set(obs.track, (counts.get(obs.track) ?? 0) + 1);
    const money = new Map<string, MoneyRecord[]>();
    for (const record of history.money ?? []) {
      let list = money.get(record.track);
      if (!list) money.set(record.track, (list = []));
      list.push(record);
    }
    const tracks = new Map<string, TrackEntry>();
    for (const track of history.tracks) tracks.set(track.id, entryOf(track, columns.byTrack.get(track.id), counts.get(track.id) ?? 0, money.get(track.id) ?? []));
    this.tracks = tracks;
    this.filled = true;
  }

  /**
   * The tracks whose data must be read again, given the store's tracks now and what the
   * writes since the last update said they touched (track ids, and identity keys of incoming
   * tracks, docs/contracts.md §1 "Merging"): new tracks, tracks whose record changed (a link
   * moves observations and always changes the records), and tracks a write named.
   */
  staleTracks(current: readonly Track[], touchedIds: ReadonlySet<string>, touchedKeys: ReadonlySet<string>, keysOf: (track: Track) => readonly string[]): string[] {
    const stale: string[] = [];
    for (const track of current) {
      const known = this.tracks.get(track.id);
      if (!known || !sameTrack(known.track, track) || touchedIds.has(track.id) || keysOf(track).some((key) => touchedKeys.has(key))) stale.push(track.id);
    }
    return stale;
  }

  /**
   * The store's tracks now (their order is the overview's), with the data of those read again;
   * tracks no longer in the store are dropped, the others keep what was known.
   */
  update(current: readonly Track[], read: ReadonlyMap<string, TrackData>): void {
    const tracks = new Map<string, TrackEntry>();
    for (const track of current) {
      const data = read.get(track.id);
      const known = this.tracks.get(track.id);
      if (data) {
        const columns = historyColumns({ tracks: [track], observations: data.observations as Observation[] });
        tracks.set(track.id, entryOf(track, columns.byTrack.get(track.id), data.observations.length, data.money));
      } else if (known) {
        // The record is the same (else it would have been read again): keep the entry, and so its rows.
        tracks.set(track.id, known);
      } else {
        throw new Error(`The overview has no data for track ${track.id}: it must be read first`);
      }
    }
    this.tracks = tracks;
  }

  /** The overview of what the cache holds, with only stale recordings computed again. */
  async overview(options: ViewOptions, lastRead: Record<string, string | null>, readObservations: ObservationReader): Promise<Overview> {
    const asOfMs = Date.parse(canonicalInstant(options.asOf));
    const settingDays = settingDaysOf(options);
    const windows = settleWindows(
      (function* (entries) {
        for (const entry of entries) if (entry.columns) yield entry.columns;
      })(this.tracks.values()),
      asOfMs,
      settingDays,
    );
    // Whole days only: eligibility's day, and compare's last settled day (core/compare/settle.ts).
    const key = `${dayFromMs(asOfMs)}|${Math.floor((asOfMs + 1) / MS_PER_DAY)}|${settingDays}|${options.assumedListenerMinimum}|${windowsKey(windows)}`;
    const allTracks = [...this.tracks.values()].map((entry) => entry.track);
    const recordings: RecordingSummary[] = [];
    const rows = new Map<string, RowEntry>();
    let observationCount = 0;
    for (const entry of this.tracks.values()) observationCount += entry.observationCount;
    for (const recording of groupByRecording(allTracks)) {
      const entries = recording.trackIds.map((id) => this.tracks.get(id)!);
      const rowKey = recording.isrc ?? `track:${recording.trackIds[0]}`;
      const cached = this.rows.get(rowKey);
      const reusable =
        cached !== undefined &&
        cached.key === key &&
        cached.entries.length === entries.length &&
        cached.entries.every((entry, i) => entry === entries[i]) &&
        entries.every((entry) => entry.lastReadAt <= asOfMs);
      const row = reusable ? cached.row : await recordingRow(recording, entries, windows, options, readObservations);
      rows.set(rowKey, reusable ? cached : { entries, key, row });
      recordings.push(row);
    }
    this.rows = rows;
    return { asOf: options.asOf, recordings, lastRead, trackCount: allTracks.length, observationCount };
  }
}

/** One recording's row, as `buildOverview` makes it, from its tracks alone and the history's settle windows. */
async function recordingRow(
  recording: Recording,
  entries: readonly TrackEntry[],
  windows: ReadonlyMap<string, SettleWindow>,
  options: ViewOptions,
  readObservations: ObservationReader,
): Promise<RecordingSummary> {
  const byTrack = new Map<string, TrackColumns>();
  for (const entry of entries) if (entry.columns) byTrack.set(entry.track.id, entry.columns);
  const tracks = entries.map((entry) => entry.track);
  const columns: HistoryColumns = { tracks, byTrack, observationCount: 0 };
  let unexplainedDays = 0;
  for (const compared of compareColumns(columns, { asOf: options.asOf, settleDays: options.settleDays }, windows).tracks) unexplainedDays += compared.anomalyDays;
  const asOfDay = dayFromMs(Date.parse(options.asOf));
  const result = eligibility(columns, { asOfDay, assumedListenerMinimum: options.assumedListenerMinimum });
  const entry = result.tracks[0];
  if (result.tracks.length !== 1 || !entry) throw new Error(`The overview's recording ${recording.isrc ?? recording.trackIds[0]} came out as ${result.tracks.length} recordings`);
  const money = entries.flatMap((each) => each.money);
  let line: RecordingSummary['money'] = null;
  if (money.length > 0) {
    const observations = (await Promise.all(tracks.map((track) => readObservations(track.id)))).flat();
    line = statementLine(moneyByTrack({ tracks, observations, money }, asOfDay, result).get(entry.trackIds[0] ?? ''));
  }
  const sources = new Set<string>();
  for (const trackColumns of byTrack.values()) for (const bySource of trackColumns.values()) for (const source of bySource.keys()) if (source !== SPOTIFY_SOURCE) sources.add(source);
  return {
    key: entry.isrc ?? entry.trackIds[0] ?? entry.title,
    isrc: entry.isrc,
    title: entry.title,
    trackIds: entry.trackIds,
    eligibility: entry,
    unexplainedDays,
    distributorSources: [...sources].sort(),
    money: line,
  };
}
