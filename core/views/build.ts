/**
 * Builds the screens' views from a history with the core: one place where compare and
 * eligibility are combined, so the popup, the history page and the overlays agree.
 */
import { compare, compareMonths } from '../compare';
import { eligibility, type EligibilityTrack } from '../eligibility';
import { dayFromMs } from '../model/day';
import type { History } from '../model/history';
import type { Track } from '../model/schema';
import type { MoneyTrack } from '../money';
import { moneyByTrack, notableMonthFlags, statementLine } from './money';
import type { Overview, OverlayView, RecordingSummary, TrackView } from './types';

export interface ViewOptions {
  /** ISO instant: what was known then counts, and "today" is its UTC day. */
  asOf: string;
  settleDays: number;
  assumedListenerMinimum: number | null;
}

function eligibilityByTrack(history: History, options: ViewOptions): Map<string, EligibilityTrack> {
  const result = eligibility(history, { asOfDay: dayFromMs(Date.parse(options.asOf)), assumedListenerMinimum: options.assumedListenerMinimum });
  const byTrack = new Map<string, EligibilityTrack>();
  for (const entry of result.tracks) for (const trackId of entry.trackIds) byTrack.set(trackId, entry);
  return byTrack;
}

export function buildOverview(history: History, options: ViewOptions, lastRead: Record<string, string | null>): Overview {
  const compared = compare(history, { asOf: options.asOf, settleDays: options.settleDays });
  const anomalies = new Map<string, number>();
  for (const track of compared.tracks) {
    const count = track.days.filter((day) => day.reasons.some((reason) => reason.code === 'ANOMALY')).length;
    anomalies.set(track.track, count);
  }
  const result = eligibility(history, { asOfDay: dayFromMs(Date.parse(options.asOf)), assumedListenerMinimum: options.assumedListenerMinimum });
  const money = history.money?.length ? moneyByTrack(history, dayFromMs(Date.parse(options.asOf)), result) : new Map<string, MoneyTrack>();
  const recordings: RecordingSummary[] = result.tracks.map((entry) => ({
    key: entry.isrc ?? entry.trackIds[0] ?? entry.title,
    isrc: entry.isrc,
    title: entry.title,
    trackIds: entry.trackIds,
    eligibility: entry,
    unexplainedDays: entry.trackIds.reduce((sum, id) => sum + (anomalies.get(id) ?? 0), 0),
    money: statementLine(money.get(entry.trackIds[0] ?? '')),
  }));
  return { asOf: options.asOf, recordings, lastRead, trackCount: history.tracks.length, observationCount: history.observations.length };
}

/** The tracks counted together with `track` (same ISRC), itself first. */
function recordingTracks(history: History, track: Track): Track[] {
  if (!track.isrc) return [track];
  return [track, ...history.tracks.filter((other) => other.id !== track.id && other.isrc === track.isrc)];
}

/**
 * `money`: the recording's money view computed over the whole history (so the usual rate per
 * store is the artist's); without it, it is computed from `history` alone.
 */
export function buildTrackView(history: History, trackId: string, options: ViewOptions, money?: MoneyTrack | null): TrackView | null {
  const track = history.tracks.find((candidate) => candidate.id === trackId);
  if (!track) return null;
  const single: History = { tracks: [track], observations: history.observations.filter((obs) => obs.track === trackId) };
  const compared = compare(single, { asOf: options.asOf, settleDays: options.settleDays }).tracks[0];
  const months = compareMonths(single, { asOf: options.asOf }).tracks[0]?.months ?? [];
  const related = recordingTracks(history, track);
  const relatedIds = new Set(related.map((each) => each.id));
  const recording: History = { tracks: related, observations: history.observations.filter((obs) => relatedIds.has(obs.track)) };
  const recordingMoney = history.money?.filter((record) => relatedIds.has(record.track));
  if (recordingMoney?.length) recording.money = recordingMoney;
  return {
    track,
    relatedTrackIds: related.slice(1).map((each) => each.id),
    days: compared?.days ?? [],
    sources: compared?.sources ?? [],
    baselineRatio: compared?.baselineRatio ?? null,
    lagDays: compared?.lagDays ?? 0,
    months,
    eligibility: eligibilityByTrack(recording, options).get(trackId) ?? null,
    observations: single.observations,
    money: money !== undefined ? money : (moneyByTrack(recording, dayFromMs(Date.parse(options.asOf))).get(trackId) ?? null),
  };
}

export function buildOverlayView(history: History, trackId: string | null, options: ViewOptions, limit = 14, money?: MoneyTrack | null): OverlayView {
  const view = trackId ? buildTrackView(history, trackId, options, money) : null;
  if (!view) {
    return { found: false, track: null, days: [], baselineRatio: null, eligibility: null, hasSpotify: false, hasDistributor: false, distributorSources: [], settleDays: options.settleDays, moneyFlags: [] };
  }
  const distributorSources = [...new Set(view.observations.filter((obs) => obs.source !== 'spotify').map((obs) => obs.source))].sort();
  return {
    found: true,
    track: { id: view.track.id, title: view.track.title, isrc: view.track.isrc },
    days: [...view.days].reverse().slice(0, limit),
    baselineRatio: view.baselineRatio,
    eligibility: view.eligibility,
    hasSpotify: view.observations.some((obs) => obs.source === 'spotify' && obs.metric === 'streams'),
    hasDistributor: distributorSources.length > 0,
    distributorSources,
    settleDays: Math.max(options.settleDays, ...view.sources.map((source) => source.settleDays)),
    moneyFlags: notableMonthFlags(view.money),
  };
}
