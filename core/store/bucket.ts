/**
 * Observations as the store keeps them (layout version 3): one record per track, source,
 * store, metric and calendar month of `day`, holding that month's revisions as parallel
 * arrays. IndexedDB costs mostly per record, not per byte (the benchmark's Chromium writes
 * 8–10 k small records/s), so a month of a series in one record (≈ 1 kB for a month of
 * daily reads) writes some 20× faster than a record per revision, and a track's three years
 * read back as ≈ 70 records instead of 2,000 (BENCHMARKS.md §3).
 *
 * Within a bucket, revisions are sorted by day, then observedAt; each day is a series in the
 * normal form of compactRevisions, kept by the same rule as loose observations
 * (append.ts: appendToSeries). Keys stay deterministic: a resent reading lands in the same
 * bucket and adds nothing.
 */
import type { Metric, Observation } from '../model/schema';
import { appendToSeries, byReadTime, type Revision } from './append';

export interface ObservationBucket {
  track: string;
  source: string;
  store: string;
  metric: Metric;
  /** "YYYY-MM": the first seven characters of every `day` in the bucket. */
  month: string;
  /** Per revision, its day of the month (1–31). Sorted by day, then observedAt. */
  days: number[];
  observedAt: string[];
  values: number[];
}

/** The fields of a bucket that make its key. */
export type BucketKeyFields = Pick<ObservationBucket, 'track' | 'source' | 'store' | 'metric' | 'month'>;

export type BucketKey = [string, string, string, string, string];

export function bucketKey(bucket: BucketKeyFields): BucketKey {
  return [bucket.track, bucket.source, bucket.store, bucket.metric, bucket.month];
}

/** "-01" … "-31": a day is its month plus one of these, without formatting numbers per read. */
const DAY_SUFFIX = Array.from({ length: 32 }, (_, day) => `-${String(day).padStart(2, '0')}`);

/**
 * The day of the month of a "YYYY-MM-DD" day, or 0 when `day` does not have that shape (the
 * month part is kept as it is, so only the last two characters need to be digits 01–31).
 */
export function dayOfMonth(day: unknown): number {
  if (typeof day !== 'string' || day.length !== 10 || day.charCodeAt(7) !== 45 /* - */) return 0;
  const tens = day.charCodeAt(8) - 48;
  const units = day.charCodeAt(9) - 48;
  if (tens < 0 || tens > 3 || units < 0 || units > 9) return 0;
  const value = tens * 10 + units;
  return value <= 31 ? value : 0;
}

/** Appends the bucket's revisions to `out` as plain observations, in key order. */
export function pushObservations(bucket: ObservationBucket, out: Observation[], track = bucket.track): void {
  const { source, store, metric, month, days, observedAt, values } = bucket;
  let dayNumber = -1;
  let day = '';
  for (let i = 0; i < days.length; i++) {
    if (days[i] !== dayNumber) {
      dayNumber = days[i]!;
      day = month + DAY_SUFFIX[dayNumber]!;
    }
    out.push({ track, source, store, metric, day, value: values[i]!, observedAt: observedAt[i]! });
  }
}

export function observationsOf(buckets: readonly ObservationBucket[]): Observation[] {
  const out: Observation[] = [];
  for (const bucket of buckets) pushObservations(bucket, out);
  return out;
}

/** Incoming revisions for one bucket, as parallel arrays (no object per observation). */
export class IncomingRevisions {
  readonly days: number[] = [];
  readonly observedAt: string[] = [];
  readonly values: number[] = [];

  add(dayNumber: number, observedAt: string, value: number): void {
    this.days.push(dayNumber);
    this.observedAt.push(observedAt);
    this.values.push(value);
  }

  get length(): number {
    return this.days.length;
  }

  /** Indices in (day, observedAt, value) order; usually already sorted, then no sort at all. */
  order(): number[] {
    const { days, observedAt, values } = this;
    const indices = Array.from({ length: days.length }, (_, i) => i);
    const compare = (a: number, b: number) => days[a]! - days[b]! || (observedAt[a]! < observedAt[b]! ? -1 : observedAt[a]! > observedAt[b]! ? 1 : values[a]! - values[b]!);
    for (let i = 1; i < indices.length; i++) if (compare(i - 1, i) > 0) return indices.sort(compare);
    return indices;
  }
}

interface BucketMerge {
  /** The bucket to write, or null when nothing changed. */
  bucket: ObservationBucket | null;
  added: number;
  unchanged: number;
}

/** A new bucket from incoming revisions alone: per day, one value per instant, no repeats. */
function freshBucket(key: BucketKeyFields, incoming: IncomingRevisions): BucketMerge {
  const bucket: ObservationBucket = { ...key, days: [], observedAt: [], values: [] };
  let day = 0;
  let lastAt = '';
  let lastValue = 0;
  for (const i of incoming.order()) {
    const at = incoming.observedAt[i]!;
    const value = incoming.values[i]!;
    if (incoming.days[i] !== day) {
      day = incoming.days[i]!;
    } else if (at === lastAt || value === lastValue) {
      // Same instant again (the smaller value, first, counts), or the day's value unchanged.
      lastAt = at;
      continue;
    }
    bucket.days.push(day);
    bucket.observedAt.push(at);
    bucket.values.push(value);
    lastAt = at;
    lastValue = value;
  }
  const added = bucket.days.length;
  return { bucket: added > 0 ? bucket : null, added, unchanged: incoming.length - added };
}

/**
 * Adds `incoming` to `stored` (the bucket as stored, in normal form, or undefined when there
 * is none yet) by the append rule, day by day. Pure: the caller writes the result.
 */
export function mergeBucket(key: BucketKeyFields, stored: ObservationBucket | undefined, incoming: IncomingRevisions): BucketMerge {
  if (!stored || stored.days.length === 0) return freshBucket(key, incoming);

  // The stored revisions, one list per day (index = day of the month).
  const perDay: Revision[][] = [];
  for (let i = 0; i < stored.days.length; i++) (perDay[stored.days[i]!] ??= []).push({ observedAt: stored.observedAt[i]!, value: stored.values[i]! });
  const incomingPerDay: Revision[][] = [];
  for (const i of incoming.order()) (incomingPerDay[incoming.days[i]!] ??= []).push({ observedAt: incoming.observedAt[i]!, value: incoming.values[i]! });

  let added = 0;
  incomingPerDay.forEach((revisions, day) => {
    const list = (perDay[day] ??= []);
    // Normally already in observedAt order; a bucket written by hand or an older layout may not be.
    for (let i = 1; i < list.length; i++) {
      if (byReadTime(list[i - 1]!, list[i]!) > 0) {
        list.sort(byReadTime);
        break;
      }
    }
    added += appendToSeries(list, revisions).inserted.length;
  });
  if (added === 0) return { bucket: null, added: 0, unchanged: incoming.length };

  const bucket: ObservationBucket = { ...key, days: [], observedAt: [], values: [] };
  perDay.forEach((list, day) => {
    for (const revision of list) {
      bucket.days.push(day);
      bucket.observedAt.push(revision.observedAt);
      bucket.values.push(revision.value);
    }
  });
  return { bucket, added, unchanged: incoming.length - added };
}
