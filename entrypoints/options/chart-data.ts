/**
 * The chart's data from a track's view: one x per day (UTC midnight, in seconds as uPlot
 * wants), S4A's and the main distributor's counts as known now, markers for anomalies and
 * revised days, and the days still pending. Pure, so the chart and its table agree.
 */
import type { DayComparison, ReasonLevel } from '../../core/compare/types';
import { dayStartMs, type Day } from '../../core/model/day';
import type { TrackView } from '../../core/views/types';
import { SPOTIFY_SOURCE } from '../../core/model/ids';

export interface ChartData {
  days: Day[];
  /** Seconds since the epoch of each day's UTC midnight. */
  x: number[];
  spotify: (number | null)[];
  distributor: (number | null)[];
  /** The distributor whose counts are drawn (the track's main one), or null when none. */
  distributorSource: string | null;
  /** The distributor's value on days with an ANOMALY, else null (drawn as markers). */
  anomalies: (number | null)[];
  /** A value on days where either side was revised after it was first read, else null. */
  revisions: (number | null)[];
  /** Index of the first pending day (shaded from there on), or null. */
  pendingFrom: number | null;
  /** The most serious reason level of each day (for the reason band under the series). */
  levels: (ReasonLevel | null)[];
}

const RANK: Record<ReasonLevel, number> = { unexplained: 3, possible: 2, expected: 1 };

function worstLevel(row: DayComparison): ReasonLevel | null {
  let worst: ReasonLevel | null = null;
  for (const reason of row.reasons) if (worst === null || RANK[reason.level] > RANK[worst]) worst = reason.level;
  return worst;
}

function revised(row: DayComparison, source: string): boolean {
  return new Set(row.revisions.filter((entry) => entry.source === source).map((entry) => entry.value)).size > 1;
}

/**
 * S4A's daily streams by day at their latest reading, for days the comparison has no row for
 * (a song read only in Spotify for Artists so far is still drawn).
 */
function spotifyDaily(observations: TrackView['observations']): Map<Day, number> {
  const latest = new Map<Day, { value: number; observedAt: string }>();
  for (const obs of observations) {
    if (obs.source !== SPOTIFY_SOURCE || obs.metric !== 'streams') continue;
    const current = latest.get(obs.day);
    if (!current || obs.observedAt > current.observedAt) latest.set(obs.day, { value: obs.value, observedAt: obs.observedAt });
  }
  return new Map([...latest].map(([day, entry]) => [day, entry.value]));
}

export function chartData(view: Pick<TrackView, 'days' | 'sources' | 'observations'>): ChartData {
  const distributorSource = view.sources[0]?.source ?? (view.days.find((row) => row.distributorSource)?.distributorSource || null);
  // One row per day: the main distributor's row, or any row of the day (for S4A's value).
  const byDay = new Map<Day, DayComparison>();
  for (const row of view.days) {
    const current = byDay.get(row.day);
    if (!current || (row.distributorSource === distributorSource && current.distributorSource !== distributorSource)) byDay.set(row.day, row);
  }
  const spotifyOnly = spotifyDaily(view.observations);
  const days = [...new Set([...byDay.keys(), ...spotifyOnly.keys()])].sort();
  const data: ChartData = { days, x: [], spotify: [], distributor: [], distributorSource, anomalies: [], revisions: [], pendingFrom: null, levels: [] };
  days.forEach((day, index) => {
    const row = byDay.get(day);
    if (!row) {
      data.x.push(dayStartMs(day) / 1000);
      data.spotify.push(spotifyOnly.get(day) ?? null);
      data.distributor.push(null);
      data.anomalies.push(null);
      data.revisions.push(null);
      data.levels.push(null);
      return;
    }
    const main = row.distributorSource === distributorSource;
    const distributor = main ? row.distributor : null;
    data.x.push(dayStartMs(day) / 1000);
    data.spotify.push(row.spotify);
    data.distributor.push(distributor);
    data.anomalies.push(main && row.reasons.some((reason) => reason.code === 'ANOMALY') ? (distributor ?? row.spotify) : null);
    const distributorRevised = main && distributorSource !== null && revised(row, distributorSource);
    data.revisions.push(distributorRevised ? distributor : revised(row, SPOTIFY_SOURCE) ? row.spotify : null);
    if (row.status === 'pending' && data.pendingFrom === null) data.pendingFrom = index;
    if (row.status !== 'pending' && data.pendingFrom !== null) data.pendingFrom = null;
    data.levels.push(worstLevel(row));
  });
  return data;
}
