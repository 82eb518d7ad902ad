/**
 * Merging into the store: incoming tracks matched to stored ones (core/history/match.ts) and
 * incoming observations appended as revisions to their month buckets (bucket.ts), inside a
 * transaction the caller opened. Readings, history files and links all come through here.
 */
import { unwrap, wrap } from 'idb';
import { planTrackMerge } from '../history/match';
import type { Metric, Observation, Track } from '../model/schema';
import { IncomingRevisions, dayOfMonth, mergeBucket, type BucketKeyFields } from './bucket';
import { plainTrack, identityKeysOf, toStoredTrack } from './identity';
import { closedRange } from './key-range';
import { IDENTITY_INDEX, OBSERVATIONS, TRACKS, type ObservationBucket, type StoredTrack } from './schema';
import { trackIdAllocator } from './track-ids';
import type { WriteTx } from './transactions';

export interface MergeResult {
  tracksAdded: number;
  added: number;
  unchanged: number;
  /** Incoming track id → the stored track it became. */
  idFor: ReadonlyMap<string, string>;
}

/**
 * The stored tracks that could match `incoming`: those sharing an identity key with it, and
 * (transitively) with those, so planTrackMerge sees the whole group it may join.
 */
async function candidateTracks(tx: WriteTx, incoming: readonly Track[]): Promise<StoredTrack[]> {
  const index = tx.objectStore(TRACKS).index(IDENTITY_INDEX);
  const found = new Map<string, StoredTrack>();
  const looked = new Set<string>();
  let frontier = incoming.flatMap(identityKeysOf);
  while (frontier.length > 0) {
    const keys = [...new Set(frontier)].filter((key) => !looked.has(key));
    keys.forEach((key) => looked.add(key));
    const results = await Promise.all(keys.map((key) => index.getAll(key)));
    frontier = [];
    for (const track of results.flat()) {
      if (found.has(track.id)) continue;
      found.set(track.id, track);
      frontier.push(...track.identityKeys);
    }
  }
  return [...found.values()];
}

/** Observations still to be merged into one bucket. */
interface PendingBucket {
  key: BucketKeyFields;
  /** The key as one string: for sorting the writes into key order cheaply. */
  sortKey: string;
  incoming: IncomingRevisions;
}

/** A series' buckets (track, source, store, metric) and the months they span: one range read. */
interface SeriesGroup {
  prefix: [string, string, string, Metric];
  firstMonth: string;
  lastMonth: string;
  buckets: Map<string, PendingBucket>;
}

/**
 * Matches `tracks` to stored ones and appends `observations` (whose `track` names one of
 * `tracks`) as revisions, inside `tx`. Writes are issued without awaiting each one; the
 * caller awaits the transaction.
 */
export async function mergeInto(
  tx: WriteTx,
  tracks: readonly Track[],
  observations: readonly Observation[],
  how: { lookup: 'index' | 'all'; keepIncomingIds: boolean; describeTrack: (index: number) => string },
): Promise<MergeResult> {
  const trackStore = tx.objectStore(TRACKS);
  const [existing, takenIds] = await Promise.all([
    how.lookup === 'index' ? candidateTracks(tx, tracks) : trackStore.getAll(),
    trackStore.getAllKeys(),
  ]);
  const storedIds = new Set(takenIds);
  const plan = planTrackMerge(existing.map(plainTrack), tracks, trackIdAllocator(new Set(storedIds), how.keepIncomingIds));

  const rawTracks = unwrap(trackStore);
  let tracksAdded = 0;
  for (const track of plan.changed) {
    if (!storedIds.has(track.id)) tracksAdded++;
    rawTracks.put(toStoredTrack(track));
  }

  // Grouped by bucket, and buckets by series: each series' stored buckets for the months it
  // covers are one key range, so a reading of 28 days does not load a track's ten years.
  const groups = new Map<string, SeriesGroup>();
  let group: SeriesGroup | undefined;
  let groupKey = '';
  for (let index = 0; index < observations.length; index++) {
    const obs = observations[index]!;
    const track = plan.idFor.get(obs.track);
    if (track === undefined) throw new Error(`${how.describeTrack(index)}: ${JSON.stringify(obs.track)} names no track`);
    const dayNumber = dayOfMonth(obs.day);
    if (dayNumber === 0) throw new Error(`observations[${index}].day: ${JSON.stringify(obs.day)} is not a calendar day (YYYY-MM-DD)`);
    if (typeof obs.observedAt !== 'string') throw new Error(`observations[${index}].observedAt: ${JSON.stringify(obs.observedAt)} is not a time`);
    const month = obs.day.slice(0, 7);
    const seriesKey = `${track}\u0000${obs.source}\u0000${obs.store}\u0000${obs.metric}`;
    // Files and readings list a series' days together: the last group is usually the one.
    if (seriesKey !== groupKey) {
      groupKey = seriesKey;
      group = groups.get(seriesKey);
      if (!group) {
        group = { prefix: [track, obs.source, obs.store, obs.metric], firstMonth: month, lastMonth: month, buckets: new Map() };
        groups.set(seriesKey, group);
      }
    }
    const series = group!;
    let bucket = series.buckets.get(month);
    if (!bucket) {
      const [t, source, store, metric] = series.prefix;
      bucket = { key: { track: t, source, store, metric, month }, sortKey: `${seriesKey}\u0000${month}`, incoming: new IncomingRevisions() };
      series.buckets.set(month, bucket);
      if (month < series.firstMonth) series.firstMonth = month;
      if (month > series.lastMonth) series.lastMonth = month;
    }
    bucket.incoming.add(dayNumber, obs.observedAt, obs.value);
  }

  // One range read per series, all in flight together, instead of one read per bucket.
  const observationStore = tx.objectStore(OBSERVATIONS);
  const grouped = [...groups.values()];
  const stored = await Promise.all(grouped.map(({ prefix, firstMonth, lastMonth }) => observationStore.getAll(closedRange([...prefix, firstMonth], [...prefix, lastMonth]))));

  const writes: { sortKey: string; bucket: ObservationBucket }[] = [];
  let added = 0;
  let unchanged = 0;
  grouped.forEach((series, i) => {
    const storedByMonth = new Map(stored[i]!.map((bucket) => [bucket.month, bucket]));
    for (const [month, pending] of series.buckets) {
      const merged = mergeBucket(pending.key, storedByMonth.get(month), pending.incoming);
      added += merged.added;
      unchanged += merged.unchanged;
      if (merged.bucket) writes.push({ sortKey: pending.sortKey, bucket: merged.bucket });
    }
  });

  // Key order keeps the store's insertion cheap.
  writes.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  await putInChunks(unwrap(observationStore), writes.map((write) => write.bucket));
  return { tracksAdded, added, unchanged, idFor: plan.idFor };
}

/** Writes issued between two waits: enough to keep the database busy, few enough to queue. */
const WRITE_CHUNK = 1000;

/**
 * Raw requests: no promise per write (there can be tens of thousands), and a failing one
 * aborts the transaction, which the caller sees through tx.done. Waiting for the last write of
 * each chunk is IndexedDB work, so the transaction stays open, and the queue of pending
 * requests stays short (fake-indexeddb slows down quadratically with a long one).
 */
async function putInChunks(objectStore: IDBObjectStore, values: readonly unknown[]): Promise<void> {
  for (let start = 0; start < values.length; start += WRITE_CHUNK) {
    let last: IDBRequest | undefined;
    for (let i = start; i < Math.min(values.length, start + WRITE_CHUNK); i++) last = objectStore.put(values[i]);
    if (start + WRITE_CHUNK < values.length && last) await wrap(last);
  }
}
