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
 *
 * appendToSeries is the rule for one series; the store applies it to each day of a month's
 * bucket (bucket.ts), planAppend to loose observations (the rule's reference, tested alone).
 */
import { seriesKey } from '../model/revisions';
import type { Observation } from '../model/schema';

/** What the rule needs of a revision. */
export interface Revision {
  observedAt: string;
  value: number;
}

/** compareRevisions' order (by observedAt, ties by value) for anything revision-shaped. */
export function byReadTime(a: Revision, b: Revision): number {
  if (a.observedAt !== b.observedAt) return a.observedAt < b.observedAt ? -1 : 1;
  return a.value - b.value;
}

/** Index of the first revision with observedAt > `at` (revisions sorted by observedAt). */
function upperBound(revisions: readonly Revision[], at: string): number {
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
 * Applies `incoming` (one series, sorted with byReadTime) to `list` (that series' revisions
 * in normal form, sorted by observedAt) in place. Returns the revisions inserted and the
 * ones of `list` that became redundant and were taken out.
 */
export function appendToSeries<T extends Revision>(list: T[], incoming: readonly T[]): { inserted: T[]; removed: T[] } {
  const inserted: T[] = [];
  const removed: T[] = [];
  // One value per instant: of two in one batch the first in byReadTime order (the smaller
  // value) counts, whether or not it turns out to be a repeat. Sorted, so they are adjacent.
  let previousAt: string | undefined;
  for (const revision of incoming) {
    if (revision.observedAt === previousAt) continue;
    previousAt = revision.observedAt;
    const position = upperBound(list, revision.observedAt);
    const before = position > 0 ? list[position - 1] : undefined;
    if (before && (before.observedAt === revision.observedAt || before.value === revision.value)) continue;
    list.splice(position, 0, revision);
    inserted.push(revision);
    const after = list[position + 1];
    if (after && after.value === revision.value) {
      list.splice(position + 1, 1);
      // Applied oldest first, a revision inserted in this batch is never the one removed.
      removed.push(after);
    }
  }
  return { inserted, removed };
}

interface AppendPlan {
  /** Observations to write (new revisions). */
  puts: Observation[];
  /** Stored revisions that became redundant and are removed. */
  deletes: Observation[];
  added: number;
  unchanged: number;
}

function bySeries(observations: readonly Observation[]): Map<string, Observation[]> {
  const series = new Map<string, Observation[]>();
  for (const obs of observations) {
    const key = seriesKey(obs);
    const list = series.get(key);
    if (list) list.push(obs);
    else series.set(key, [obs]);
  }
  return series;
}

/**
 * Plans the writes that add `incoming` to `existing`. `existing` must be in normal form (as
 * the store keeps it); it may hold other series and other tracks, and need not be sorted.
 */
export function planAppend(existing: readonly Observation[], incoming: readonly Observation[]): AppendPlan {
  const stored = bySeries(existing);
  const puts: Observation[] = [];
  const deletes: Observation[] = [];
  for (const [key, batch] of bySeries(incoming)) {
    const list = (stored.get(key) ?? []).sort(byReadTime);
    const { inserted, removed } = appendToSeries(list, batch.sort(byReadTime));
    puts.push(...inserted);
    deletes.push(...removed);
  }
  return { puts, deletes, added: puts.length, unchanged: incoming.length - puts.length };
}
