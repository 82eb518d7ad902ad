/**
 * Revisions: the same (track, source, store, metric, day) read several times over time.
 * The value that holds at time T is the one with the latest `observedAt` ≤ T (docs/contracts.md §1).
 */
import type { Observation } from './schema';

/** Identifies one series of revisions: everything but the value and when it was read. */
export function seriesKey(obs: Pick<Observation, 'track' | 'source' | 'store' | 'metric' | 'day'>): string {
  return `${obs.track}\u0000${obs.source}\u0000${obs.store}\u0000${obs.metric}\u0000${obs.day}`;
}

/** Orders revisions of one series by when they were read (ties: by value, for determinism). */
export function compareRevisions(a: Observation, b: Observation): number {
  if (a.observedAt !== b.observedAt) return a.observedAt < b.observedAt ? -1 : 1;
  return a.value - b.value;
}

/**
 * The revision that holds at `asOf` (an instant in canonical ISO form), or undefined when
 * nothing was read by then. `revisions` must be sorted with compareRevisions.
 */
export function revisionAsOf<T extends Pick<Observation, 'observedAt'>>(revisions: readonly T[], asOf: string): T | undefined {
  // Binary search for the last revision with observedAt ≤ asOf.
  let low = 0;
  let high = revisions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (revisions[mid]!.observedAt <= asOf) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? undefined : revisions[low - 1];
}

/**
 * Drops revisions that repeat the value before them: re-reading an unchanged value adds
 * nothing, and the value as of any time stays the same. Input sorted with compareRevisions.
 */
export function compactRevisions<T extends Pick<Observation, 'value'>>(revisions: readonly T[]): T[] {
  const kept: T[] = [];
  for (const revision of revisions) {
    if (kept.length === 0 || kept[kept.length - 1]!.value !== revision.value) kept.push(revision);
  }
  return kept;
}

/**
 * Groups observations by series, each sorted and compacted. The map is keyed by seriesKey.
 */
export function groupRevisions(observations: Iterable<Observation>): Map<string, Observation[]> {
  const groups = new Map<string, Observation[]>();
  for (const obs of observations) {
    const key = seriesKey(obs);
    const group = groups.get(key);
    if (group) group.push(obs);
    else groups.set(key, [obs]);
  }
  for (const [key, group] of groups) groups.set(key, compactRevisions(group.sort(compareRevisions)));
  return groups;
}
