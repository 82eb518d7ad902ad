import { unwrap } from 'idb';
import { rangeAfter } from '../key-range';
import type { Migration } from './types';

/** A version-2 record: one revision, keyed by [track, source, store, metric, day, observedAt]. */
interface RevisionRecord {
  track: string;
  source: string;
  store: string;
  metric: string;
  day: string;
  value: number;
  observedAt: string;
}

/** A version-3 record, as core/store/bucket.ts defines it at this version (copied: a released step never changes). */
interface BucketRecord {
  track: string;
  source: string;
  store: string;
  metric: string;
  month: string;
  days: number[];
  observedAt: string[];
  values: number[];
}

const RETIRED = 'observations-v2';
/** Revisions read per request: bounded memory on a big history, few round trips. */
const CHUNK = 20_000;

function dayNumber(obs: RevisionRecord): number {
  const day = obs.day;
  const number = typeof day === 'string' && /^.{7}-(0[1-9]|[12]\d|3[01])$/.test(day) ? Number(day.slice(8)) : 0;
  // Nowhere to put it, and dropping it would lose history: refuse, and version 2 stays as it was.
  if (number === 0) throw new Error(`observation of ${obs.track} on ${JSON.stringify(day)}: not a calendar day`);
  return number;
}

/**
 * Version 3: observations in month buckets, one record per (track, source, store, metric,
 * calendar month of the day) holding that month's revisions as parallel arrays (days,
 * observedAt, values), sorted by day and observedAt. IndexedDB costs per record, so this
 * writes and reads ≈ 30× fewer of them (BENCHMARKS.md §3).
 *
 * The store keeps its name: the version-2 store is renamed aside, a new `observations` store
 * with the bucket key is created, every revision is copied over in key order (which is bucket
 * order, so each bucket is complete when the next one starts), and the old store is deleted.
 * Revisions are copied as they are, none dropped or merged. All of it happens in the
 * version-change transaction, which commits whole or not at all; it takes no durability
 * option, and Chromium always commits it strict (as an import should be).
 */
export const observationBuckets: Migration = {
  version: 3,
  description: 'observations in one record per track, source, store, metric and month',
  async migrate(db, tx) {
    unwrap(tx.objectStore('observations')).name = RETIRED;
    const retired = tx.objectStore(RETIRED);
    const buckets = unwrap(db.createObjectStore('observations', { keyPath: ['track', 'source', 'store', 'metric', 'month'] }));

    let open: BucketRecord | null = null;
    let after: IDBValidKey | null = null;
    for (;;) {
      const chunk = (await retired.getAll(after === null ? null : rangeAfter(after), CHUNK)) as RevisionRecord[];
      for (const obs of chunk) {
        const day = dayNumber(obs);
        const month = obs.day.slice(0, 7);
        if (!open || open.month !== month || open.metric !== obs.metric || open.store !== obs.store || open.source !== obs.source || open.track !== obs.track) {
          if (open) buckets.put(open);
          open = { track: obs.track, source: obs.source, store: obs.store, metric: obs.metric, month, days: [], observedAt: [], values: [] };
        }
        open.days.push(day);
        open.observedAt.push(obs.observedAt);
        open.values.push(obs.value);
      }
      if (chunk.length < CHUNK) break;
      const last = chunk[chunk.length - 1]!;
      after = [last.track, last.source, last.store, last.metric, last.day, last.observedAt];
    }
    if (open) buckets.put(open);
    db.deleteObjectStore(RETIRED);
  },
};
