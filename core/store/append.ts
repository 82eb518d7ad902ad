/**
 * Appending observations to stored revisions, keeping them in the normal form of
 * compactRevisions (core/model/revisions.ts): within a series, sorted by observedAt, no
 * revision repeats the value before it. Pure, so the rule is tested without a database.
 *
 * For each incoming observation o (a batch is applied oldest first):
 * - the latest stored revision at or before o.observedAt has o's value → o adds nothing
 *   (an unchanged re-read); the same observedAt with another value also keeps what is stored,
 *   since the key can hold one value and the first one read wins (within one batch, of two
 *   values for the same instant the smaller counts, so the outcome does not depend on order);
 * - otherwise o is stored, and the revision right after it is removed when it now repeats
 *   o's value (an old file imported late can make a later read redundant).
 */
import { compareRevisions, seriesKey } from '../model/revisions';
import type { Observation } from '../model/schema';

export interface AppendPlan {
  /** Observations to write (new revisions). */
  puts: Observation[];
  /** Stored revisions that became redundant and are removed. */
  deletes: Observation[];
  added: number;
  unchanged: number;
}

/** Index of the first revision with observedAt > `at` (revisions sorted by observedAt). */
function upperBound(revisions: readonly Observation[], at: string): number {
  let low = 0;
  let high = revisions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (revisions[mid]!.observedAt <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Plans the writes that add `incoming` to `existing`. `existing` must be in normal form (as
 * the store keeps it); it may hold other series and other tracks, and need not be sorted.
 */
export function planAppend(existing: readonly Observation[], incoming: readonly Observation[]): AppendPlan {
  const series = new Map<string, Observation[]>();
  for (const obs of existing) {
    const key = seriesKey(obs);
    const list = series.get(key);
    if (list) list.push(obs);
    else series.set(key, [obs]);
  }
  for (const list of series.values()) list.sort(compareRevisions);

  const stored = new Set<Observation>(existing);
  const removed = new Set<Observation>();
  const inserted = new Set<Observation>();

  // One value per instant and series: of two in one batch the first in compareRevisions order
  // (the smaller value) counts, whether or not it turns out to be a repeat.
  const seen = new Set<string>();
  for (const obs of [...incoming].sort(compareRevisions)) {
    const key = seriesKey(obs);
    const instantKey = `${key}\u0000${obs.observedAt}`;
    if (seen.has(instantKey)) continue;
    seen.add(instantKey);
    let list = series.get(key);
    if (!list) {
      list = [];
      series.set(key, list);
    }
    const position = upperBound(list, obs.observedAt);
    const before = position > 0 ? list[position - 1] : undefined;
    if (before && (before.observedAt === obs.observedAt || before.value === obs.value)) continue;
    list.splice(position, 0, obs);
    inserted.add(obs);
    const after = list[position + 1];
    if (after && after.value === obs.value) {
      list.splice(position + 1, 1);
      // Applied oldest first, an observation inserted in this batch is never the one removed.
      if (stored.has(after)) removed.add(after);
    }
  }

  return {
    puts: [...inserted],
    deletes: [...removed],
    added: inserted.size,
    unchanged: incoming.length - inserted.size,
  };
}
