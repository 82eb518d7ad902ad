/**
 * A recording's weekly distributor counts (`streams_week`, a taught dashboard's weekly series)
 * compared per week with Spotify for Artists' days summed over the same 7 days
 * (core/compare/weekly.ts), as rows the history page's week table shows. Weekly counts are
 * never days: they are their own metric, so they never join or collapse into a daily series.
 * Only what was read by `asOf` counts, each week and day at its value then.
 */
import { compareWeeks, type WeekComparison } from '../compare/weekly';
import { sourceName } from '../compare/format';
import type { ComparedPair, Reason, ReasonCode } from '../compare/types';
import { englishMessage } from '../i18n/english';
import type { Message } from '../i18n/message';
import { message } from '../i18n/typed';
import { addDays, dayFromMs, type Day } from '../model/day';
import { WEEK_METRIC, type Observation } from '../model/schema';

export interface WeekRow extends ComparedPair {
  /** The week's first day; `lastDay` is 6 days later. */
  week: Day;
  lastDay: Day;
  /** Days of the week Spotify for Artists has a count for (0–7): `spotify` sums them. */
  spotifyDays: number;
  /** The distributor store the weekly count is about ("spotify", or "all"). */
  store: string;
}

export interface WeekOptions {
  /** ISO instant: what was known then counts. */
  asOf: string;
  /** The settle window per distributor source (learnt from its days), else `settleDays`. */
  settleDays: number;
  settleBySource?: ReadonlyMap<string, number>;
}

/** The value holding at `asOf` per (source, store, metric, day): the latest revision read by then. */
function holding(observations: readonly Observation[], asOf: string): Map<string, { observedAt: string; value: number }> {
  const latest = new Map<string, { observedAt: string; value: number }>();
  for (const obs of observations) {
    if (obs.observedAt > asOf) continue;
    const key = `${obs.source}|${obs.store}|${obs.metric}|${obs.day}`;
    const known = latest.get(key);
    if (!known || obs.observedAt > known.observedAt || (obs.observedAt === known.observedAt && obs.value > known.value)) latest.set(key, { observedAt: obs.observedAt, value: obs.value });
  }
  return latest;
}

function reasonMessage(code: ReasonCode, row: WeekComparison, name: string): Message {
  const counts = { name, distributor: row.distributor, spotify: row.spotify ?? 0 };
  switch (code) {
    case 'MATCH':
      return message('weekReasonMatch', { name });
    case 'LOW_VOLUME':
      return message('weekReasonLowVolume', counts);
    case 'OTHER_STORES':
      return message('weekReasonOtherStores', counts);
    case 'FILTERED_PLAYS':
      return message('weekReasonFilteredPlays', counts);
    case 'ANOMALY':
      return message('weekReasonAnomaly', counts);
    case 'REPORTING_DELAY':
      return message('weekReasonDelay', { name });
    default:
      return message('weekReasonMissing', { days: row.spotifyDays });
  }
}

function reasonOf(row: WeekComparison, name: string): Reason {
  const text = reasonMessage(row.code, row, name);
  return { code: row.code, level: row.level, message: englishMessage(text), key: text.key, ...(text.params ? { params: text.params } : {}) };
}

/** Every distributor source's weeks, oldest first; a source with both is compared by its Spotify view, else its all-stores view. */
export function weekRows(observations: readonly Observation[], options: WeekOptions): WeekRow[] {
  const weekly = observations.filter((obs) => obs.metric === WEEK_METRIC && obs.source !== 'spotify');
  if (weekly.length === 0) return [];
  const values = holding(observations.filter((obs) => obs.metric === WEEK_METRIC || (obs.source === 'spotify' && obs.store === 'spotify' && obs.metric === 'streams')), options.asOf);
  const spotifyDaily = new Map<Day, number>();
  const weeksBySeries = new Map<string, { week: Day; count: number }[]>();
  for (const [key, { value }] of values) {
    const [source, store, metric, day] = key.split('|') as [string, string, string, Day];
    if (metric === 'streams') spotifyDaily.set(day, value);
    else {
      const series = `${source}|${store}`;
      weeksBySeries.set(series, [...(weeksBySeries.get(series) ?? []), { week: day, count: value }]);
    }
  }
  // The last day that has ended at asOf.
  const asOfDay = addDays(dayFromMs(Date.parse(options.asOf) + 1), -1);
  const rows: WeekRow[] = [];
  const sources = [...new Set(weekly.map((obs) => obs.source))].sort();
  for (const source of sources) {
    const stores = [...new Set(weekly.filter((obs) => obs.source === source).map((obs) => obs.store))].sort();
    const store = stores.includes('spotify') ? 'spotify' : stores.includes('all') ? 'all' : stores[0]!;
    const weeks = weeksBySeries.get(`${source}|${store}`) ?? [];
    const settleDays = options.settleBySource?.get(source) ?? options.settleDays;
    const name = sourceName(source);
    for (const row of compareWeeks(spotifyDaily, weeks, { asOf: asOfDay, settleDays, store })) {
      rows.push({
        week: row.week,
        lastDay: row.lastDay,
        spotify: row.spotify,
        spotifyDays: row.spotifyDays,
        distributor: row.distributor,
        distributorSource: source,
        store,
        diff: row.diff,
        ratio: row.ratio,
        status: row.status,
        reasons: [reasonOf(row, name)],
      });
    }
  }
  return rows;
}

/**
 * The observations each track's weeks need (its weekly counts and Spotify for Artists' daily
 * streams), for the tracks that have weekly counts only: one pass over a history, so a caller
 * listing many tracks (the CLI's `compare`) builds week rows only where there are weeks.
 */
export function weekInputsByTrack(observations: readonly Observation[]): Map<string, Observation[]> {
  const weeklyTracks = new Set<string>();
  for (const obs of observations) if (obs.metric === WEEK_METRIC && obs.source !== 'spotify') weeklyTracks.add(obs.track);
  const inputs = new Map<string, Observation[]>();
  if (weeklyTracks.size === 0) return inputs;
  for (const obs of observations) {
    if (!weeklyTracks.has(obs.track)) continue;
    if (obs.metric !== WEEK_METRIC && !(obs.source === 'spotify' && obs.metric === 'streams')) continue;
    const list = inputs.get(obs.track);
    if (list) list.push(obs);
    else inputs.set(obs.track, [obs]);
  }
  return inputs;
}
