/**
 * Builds the screens' views from a history with the core: one place where compare and
 * eligibility are combined, so the popup, the history page and the overlays agree.
 */
import { historyColumns, type HistoryColumns } from '../columns/build';
import { compareColumns, compareMonths, type ComparedTrack } from '../compare';
import { sourceName } from '../compare/format';
import { eligibility, type EligibilityResult, type EligibilityTrack } from '../eligibility';
import { dayFromMs } from '../model/day';
import type { History } from '../model/history';
import { WEEK_METRIC, type Track } from '../model/schema';
import type { MoneyTrack } from '../money';
import { provenanceOf } from '../model/provenance';
import { moneyByTrack, notableMonthFlags, statementLine } from './money';
import { dayProvenance } from './provenance';
import { weekRows, type WeekRow } from './weeks';
import type { Overview, OverlayView, RecordingSummary, TrackView } from './types';
import { SPOTIFY_SOURCE } from '../model/ids';

export interface ViewOptions {
  /** ISO instant: what was known then counts, and "today" is its UTC day. */
  asOf: string;
  settleDays: number;
  assumedListenerMinimum: number | null;
}

function eligibilityByTrack(result: EligibilityResult): Map<string, EligibilityTrack> {
  const byTrack = new Map<string, EligibilityTrack>();
  for (const entry of result.tracks) for (const trackId of entry.trackIds) byTrack.set(trackId, entry);
  return byTrack;
}

/**
 * The popup's overview: every recording's eligibility and count of unexplained days, over
 * columns (no day row is built). Pass the history's columns when they are already made.
 */
export function buildOverview(history: History | HistoryColumns, options: ViewOptions, lastRead: Record<string, string | null>): Overview {
  const columns = 'byTrack' in history ? history : historyColumns(history);
  const compared = compareColumns(columns, { asOf: options.asOf, settleDays: options.settleDays });
  const anomalies = new Map<string, number>();
  for (const track of compared.tracks) anomalies.set(track.track, track.anomalyDays);
  const result = eligibility(columns, { asOfDay: dayFromMs(Date.parse(options.asOf)), assumedListenerMinimum: options.assumedListenerMinimum });
  // Money needs the report lines themselves, which columns keep through the history they came from.
  const source = columns.history;
  const money = source?.money?.length ? moneyByTrack(source, dayFromMs(Date.parse(options.asOf)), result) : new Map<string, MoneyTrack>();
  const recordings: RecordingSummary[] = result.tracks.map((entry) => ({
    key: entry.isrc ?? entry.trackIds[0] ?? entry.title,
    isrc: entry.isrc,
    title: entry.title,
    trackIds: entry.trackIds,
    eligibility: entry,
    unexplainedDays: entry.trackIds.reduce((sum, id) => sum + (anomalies.get(id) ?? 0), 0),
    distributorSources: distributorSourcesOf(columns, entry.trackIds),
    money: statementLine(money.get(entry.trackIds[0] ?? '')),
  }));
  return { asOf: options.asOf, recordings, lastRead, trackCount: columns.tracks.length, observationCount: columns.observationCount };
}

/** The distributors any of these tracks has data from (every metric: daily trends or monthly reports), sorted. */
function distributorSourcesOf(columns: HistoryColumns, trackIds: readonly string[]): string[] {
  const sources = new Set<string>();
  for (const id of trackIds) {
    for (const bySource of columns.byTrack.get(id)?.values() ?? []) for (const source of bySource.keys()) if (source !== SPOTIFY_SOURCE) sources.add(source);
  }
  return [...sources].sort();
}

/** The tracks counted together with `track` (same ISRC), itself first. */
function recordingTracks(history: History, track: Track): Track[] {
  if (!track.isrc) return [track];
  return [track, ...history.tracks.filter((other) => other.id !== track.id && other.isrc === track.isrc)];
}

interface TrackParts {
  track: Track;
  related: Track[];
  single: History;
  compared: ComparedTrack | undefined;
  eligibility: EligibilityTrack | null;
  /** The recording's money view (given, or computed from `history` alone). */
  money: MoneyTrack | null;
}

/** What the track view and the overlay share: the track compared (no row built yet) and its eligibility. */
function trackParts(history: History, trackId: string, options: ViewOptions, money?: MoneyTrack | null): TrackParts | null {
  const track = history.tracks.find((candidate) => candidate.id === trackId);
  if (!track) return null;
  const single: History = { tracks: [track], observations: history.observations.filter((obs) => obs.track === trackId) };
  const compared = compareColumns(historyColumns(single), { asOf: options.asOf, settleDays: options.settleDays }).tracks[0];
  const related = recordingTracks(history, track);
  const relatedIds = new Set(related.map((each) => each.id));
  const recording: History = { tracks: related, observations: history.observations.filter((obs) => relatedIds.has(obs.track)) };
  const recordingMoney = history.money?.filter((record) => relatedIds.has(record.track));
  if (recordingMoney?.length) recording.money = recordingMoney;
  const asOfDay = dayFromMs(Date.parse(options.asOf));
  // One evaluation for both the eligibility and the money view.
  const evaluated = eligibility(recording, { asOfDay, assumedListenerMinimum: options.assumedListenerMinimum });
  return {
    track,
    related,
    single,
    compared,
    eligibility: eligibilityByTrack(evaluated).get(trackId) ?? null,
    money: money !== undefined ? money : (moneyByTrack(recording, asOfDay, evaluated).get(trackId) ?? null),
  };
}

/**
 * `money`: the recording's money view computed over the whole history (so the usual rate per
 * store is the artist's); without it, it is computed from `history` alone.
 */
export function buildTrackView(history: History, trackId: string, options: ViewOptions, money?: MoneyTrack | null): TrackView | null {
  const parts = trackParts(history, trackId, options, money);
  if (!parts) return null;
  const { track, related, single, compared } = parts;
  const days = compared?.days() ?? [];
  const provenance = provenanceOf(history.provenance ?? [], single.observations);
  return {
    track,
    relatedTrackIds: related.slice(1).map((each) => each.id),
    days,
    sources: compared?.sources ?? [],
    baselineRatio: compared?.baselineRatio ?? null,
    lagDays: compared?.lagDays ?? 0,
    months: compareMonths(single, { asOf: options.asOf }).tracks[0]?.months ?? [],
    eligibility: parts.eligibility,
    observations: single.observations,
    money: parts.money,
    provenance,
    dayProvenance: dayProvenance(days, provenance),
    // Each source's weeks settle with the window its days taught (or the setting).
    weeks: weekRows(single.observations, {
      asOf: options.asOf,
      settleDays: options.settleDays,
      settleBySource: settleBySource(compared),
    }),
  };
}

/** Each distributor source's settle window as its days taught it: weeks settle with the same. */
function settleBySource(compared: ComparedTrack | undefined): Map<string, number> {
  return new Map((compared?.sources ?? []).map((summary) => [summary.source, summary.settleDays]));
}

/** The distributor sources of these observations with a count of `metric`, sorted. */
function sourcesWith(observations: History['observations'], metric: string): string[] {
  return [...new Set(observations.filter((obs) => obs.source !== SPOTIFY_SOURCE && obs.metric === metric).map((obs) => obs.source))].sort();
}

const byRecentWeekFirst = (a: WeekRow, b: WeekRow) => (a.week < b.week ? 1 : a.week > b.week ? -1 : a.distributorSource.localeCompare(b.distributorSource));

/** The weeks the overlay shows beside the days: a few, as the days are (a panel, not the history page). */
export const OVERLAY_WEEK_LIMIT = 4;

/** The overlay's view: only the `limit` most recent day rows are built, and the `weekLimit` most recent weeks kept. */
export function buildOverlayView(history: History, trackId: string | null, options: ViewOptions, limit = 14, money?: MoneyTrack | null, weekLimit = OVERLAY_WEEK_LIMIT): OverlayView {
  const parts = trackId ? trackParts(history, trackId, options, money) : null;
  if (!parts) {
    return { found: false, track: null, days: [], baselineRatio: null, eligibility: null, hasSpotify: false, hasDistributor: false, distributorSources: [], dailyDistributorSources: [], distributorNames: [], dailyDistributorNames: [], weeklyDistributorSources: [], weeklyDistributorNames: [], weeks: [], settleDays: options.settleDays, moneyFlags: [], dayProvenance: [] };
  }
  const { track, single, compared } = parts;
  const distributorSources = [...new Set(single.observations.filter((obs) => obs.source !== SPOTIFY_SOURCE).map((obs) => obs.source))].sort();
  const dailyDistributorSources = sourcesWith(single.observations, 'streams');
  const weeklyDistributorSources = sourcesWith(single.observations, WEEK_METRIC);
  const days = compared?.latestDays(limit) ?? [];
  // Built only for a track with weekly counts (most have none), newest first like the days.
  const weeks = weeklyDistributorSources.length === 0 || weekLimit <= 0 ? [] : weekRows(single.observations, { asOf: options.asOf, settleDays: options.settleDays, settleBySource: settleBySource(compared) }).sort(byRecentWeekFirst).slice(0, weekLimit);
  return {
    found: true,
    track: { id: track.id, title: track.title, isrc: track.isrc },
    days,
    baselineRatio: compared?.baselineRatio ?? null,
    eligibility: parts.eligibility,
    hasSpotify: single.observations.some((obs) => obs.source === SPOTIFY_SOURCE && obs.metric === 'streams'),
    hasDistributor: distributorSources.length > 0,
    distributorSources,
    dailyDistributorSources,
    distributorNames: distributorSources.map(sourceName),
    dailyDistributorNames: dailyDistributorSources.map(sourceName),
    weeklyDistributorSources,
    weeklyDistributorNames: weeklyDistributorSources.map(sourceName),
    weeks,
    settleDays: Math.max(options.settleDays, ...(compared?.sources ?? []).map((source) => source.settleDays)),
    moneyFlags: notableMonthFlags(parts.money),
    dayProvenance: dayProvenance(days, history.provenance ?? []),
  };
}
