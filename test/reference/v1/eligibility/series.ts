/**
 * The S4A values eligibility reads, per track: daily `streams`, and the `streams_12m` and
 * `listeners_12m` window totals. Each (track, metric, day) counts at its latest stored value:
 * for eligibility `observedAt` is not a cutoff (docs/contracts.md §2), only the day is (≤ asOf day).
 */
import type { Day } from '../../../../core/model/day';
import type { Observation } from '../../../../core/model/schema';
import { S4A_SOURCE, S4A_STORE } from './rules';

export interface WindowTotal {
  /** The window's last day. */
  day: Day;
  value: number;
}

export interface TrackSeries {
  /** Daily S4A streams by day, days ≤ asOf only. */
  dailyStreams: Map<Day, number>;
  /** The latest-ending S4A "Last 12 months" stream total with its day ≤ asOf, if read. */
  streams12m: WindowTotal | null;
  /** The latest-ending S4A 12-month unique-listener count with its day ≤ asOf, if read. */
  listeners12m: WindowTotal | null;
}

/** What a revision needs for "latest wins"; the observations themselves, so nothing is copied. */
type Revision = Pick<Observation, 'value' | 'observedAt'>;

/** Same order as compareRevisions: later read wins; on a tie the larger value (sorted last). */
function isLater(candidate: Revision, current: Revision): boolean {
  if (candidate.observedAt !== current.observedAt) return candidate.observedAt > current.observedAt;
  return candidate.value > current.value;
}

function keepLatest(byDay: Map<Day, Revision>, obs: Observation): void {
  const current = byDay.get(obs.day);
  if (!current || isLater(obs, current)) byDay.set(obs.day, obs);
}

function latestWindowTotal(byDay: Map<Day, Revision> | undefined): WindowTotal | null {
  if (!byDay) return null;
  let best: WindowTotal | null = null;
  for (const [day, revision] of byDay) {
    if (!best || day > best.day) best = { day, value: revision.value };
  }
  return best;
}

/**
 * One pass over the observations (a history can hold millions), keyed by track id. Tracks
 * without any S4A value are absent from the map.
 */
export function collectS4aSeries(observations: Iterable<Observation>, asOfDay: Day): Map<string, TrackSeries> {
  const daily = new Map<string, Map<Day, Revision>>();
  const streams12m = new Map<string, Map<Day, Revision>>();
  const listeners12m = new Map<string, Map<Day, Revision>>();
  const tableFor = (metric: Observation['metric']) =>
    metric === 'streams' ? daily : metric === 'streams_12m' ? streams12m : metric === 'listeners_12m' ? listeners12m : null;

  for (const obs of observations) {
    if (obs.source !== S4A_SOURCE || obs.store !== S4A_STORE || obs.day > asOfDay) continue;
    const table = tableFor(obs.metric);
    if (!table) continue;
    let byDay = table.get(obs.track);
    if (!byDay) table.set(obs.track, (byDay = new Map()));
    keepLatest(byDay, obs);
  }

  const result = new Map<string, TrackSeries>();
  for (const track of new Set([...daily.keys(), ...streams12m.keys(), ...listeners12m.keys()])) {
    const dailyStreams = new Map<Day, number>();
    for (const [day, revision] of daily.get(track) ?? []) dailyStreams.set(day, revision.value);
    result.set(track, {
      dailyStreams,
      streams12m: latestWindowTotal(streams12m.get(track)),
      listeners12m: latestWindowTotal(listeners12m.get(track)),
    });
  }
  return result;
}
