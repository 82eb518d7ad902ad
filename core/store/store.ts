/**
 * The snapshot store: tracks, their observations as append-only revisions (kept in month
 * buckets, bucket.ts), the readings that brought them, and the settings, in IndexedDB through idb.
 *
 * Every logical write is one transaction, and nothing but IndexedDB requests is awaited
 * inside one (awaiting anything else would commit it early): a write that fails or is cut
 * off (the service worker stopped) leaves no half of itself behind.
 */
import { unwrap, wrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { distinctSongs, mergeTrackRecords, planTrackMerge } from '../history/match';
import { linkByTitle } from '../history/link-by-title';
import type { ImportResult, Reading, ReadingRecord } from '../model/reading';
import type { History } from '../model/history';
import type { MoneyRecord } from '../model/money';
import type { Metric, Observation, Track } from '../model/schema';
import type { Settings } from '../settings';
import { IncomingRevisions, dayOfMonth, mergeBucket, observationsOf, pushObservations, type BucketKeyFields } from './bucket';
import { StoreError, toStoreError } from './errors';
import { plainTrack, identityKeysOf, toStoredTrack } from './identity';
import { closedRange, prefixRange } from './key-range';
import { MIGRATIONS, type Migration } from './migrations';
import { groupBySeries, mergeMoneySeries, moneyKey, recordsOf } from './money';
import { openDatabase } from './open';
import { readingBatch } from './reading-batch';
import {
  DEFAULT_DB_NAME,
  IDENTITY_INDEX,
  MONEY,
  OBSERVATIONS,
  PROVENANCE,
  RECIPES,
  TAUGHT_SITES,
  READ_AT_INDEX,
  READINGS,
  SETTINGS,
  SETTINGS_KEY,
  TRACKS,
  bucketKey,
  type CrosscountDB,
  type ObservationBucket,
  type StoredTrack,
} from './schema';
import { applySettingsPatch, settingsFromRecord, settingsPatchSchema, type SettingsPatch } from './settings';
import { trackIdAllocator } from './track-ids';
import { deleteRecipeIn, provenanceOfSources, recordProvenance, renameRecipeIn } from './taught';
import type { Recipe } from '../recipes/types';
import type { TaughtSite } from '../taught-sites';
import type { ProvenanceRecord } from '../model/provenance';

/** Readings kept for the diagnostics page; older ones are dropped as new ones arrive. */
export const MAX_STORED_READINGS = 1000;

export type StoreState = 'open' | 'closed' | 'terminated';

export interface StoreOptions {
  /** Where IndexedDB comes from: the browser's `indexedDB` by default, a fake one in tests. */
  factory?: IDBFactory;
  name?: string;
  /** The layout steps; tests inject a shortened or failing list. */
  migrations?: readonly Migration[];
}

export interface Store {
  /**
   * Records the reading (once per reading id) and, unless `refused`, adds its tracks and
   * observations. A reading already recorded adds nothing.
   */
  ingestReading(reading: Reading, options: { refused: string | null }): Promise<{ added: number; unchanged: number }>;
  /** Merges a parsed history file; all of it or, on any failure, none of it. */
  importHistory(history: History): Promise<ImportResult>;
  getHistory(): Promise<History>;
  getTrackObservations(trackId: string): Promise<Observation[]>;
  /** The sales reports' money of one track (all revisions). */
  getTrackMoney(trackId: string): Promise<MoneyRecord[]>;
  listTracks(): Promise<Track[]>;
  /** The track an identity key names ("spotify:<id>", "isrc:<ISRC>", "imusician:<id>"), if any. */
  findTrack(identityKey: string): Promise<Track | null>;
  /**
   * Links a track without an ISRC (read from Spotify for Artists) to a recording's ISRC: merged
   * into the track that has that ISRC when there is one, else given the ISRC. One transaction.
   * Returns the id the linked track has afterwards.
   */
  linkTrack(trackId: string, isrc: string): Promise<string>;
  /**
   * Undoes a link: Spotify for Artists' side (its Spotify ids and observations) becomes a track
   * of its own again, without an ISRC, and is not linked automatically again. Returns its id.
   */
  unlinkSpotify(trackId: string): Promise<string>;
  /**
   * Links Spotify for Artists tracks (no ISRC) to distributor tracks by title and artist where
   * that is unambiguous (linkByTitle), never those the artist unlinked. Returns how many.
   */
  autoLink(): Promise<number>;
  /** Newest first. */
  listReadings(limit: number): Promise<ReadingRecord[]>;
  getSettings(): Promise<Settings>;
  setSettings(patch: SettingsPatch): Promise<Settings>;
  /** Removes every track, observation, reading, setting, recipe, added dashboard and provenance record. */
  deleteAll(): Promise<void>;
  /** The recipes the artist confirmed or imported, oldest first. */
  listRecipes(): Promise<Recipe[]>;
  /** Adds or replaces recipes (by id), in one transaction. */
  putRecipes(recipes: readonly Recipe[]): Promise<void>;
  /** Renames one; null when there is no such recipe. */
  renameRecipe(id: string, name: string): Promise<Recipe | null>;
  /** Deletes one; with `withReadings`, every revision it read too. */
  deleteRecipe(id: string, withReadings: boolean): Promise<{ deleted: boolean; revisionsRemoved: number }>;
  /** The distributors' dashboards the artist added. */
  listTaughtSites(): Promise<TaughtSite[]>;
  putTaughtSite(site: TaughtSite): Promise<void>;
  deleteTaughtSite(id: string): Promise<boolean>;
  /** Which recipe read which reading (every record; a few per visit). */
  listProvenance(): Promise<ProvenanceRecord[]>;
  /** The records of these sources' readings only (a recording's distributors, for its views). */
  listProvenanceOf(sources: readonly string[]): Promise<ProvenanceRecord[]>;
  close(): void;
  /** `closed` after close() or when a newer version asked us to; `terminated` when the browser closed it. */
  readonly state: StoreState;
}

type Db = IDBPDatabase<CrosscountDB>;
type Name = StoreNames<CrosscountDB>;
type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<CrosscountDB, Name[], Mode>;
type WriteTx = Tx<'readwrite'>;

interface MergeResult {
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
async function mergeInto(
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

/**
 * Adds money records (their `track` an incoming id, mapped with `idFor`) to the stored money
 * series, in normal form, inside `tx`.
 */
async function mergeMoneyInto(tx: WriteTx, money: readonly MoneyRecord[], idFor: (track: string, index: number) => string): Promise<{ added: number; unchanged: number }> {
  const mapped = money.map((record, index) => {
    const track = idFor(record.track, index);
    return track === record.track ? record : { ...record, track };
  });
  const groups = [...groupBySeries(mapped).values()];
  const moneyStore = tx.objectStore(MONEY);
  const stored = await Promise.all(groups.map((group) => moneyStore.get(group.key)));
  const raw = unwrap(moneyStore);
  let added = 0;
  let unchanged = 0;
  groups.forEach((group, index) => {
    const merged = mergeMoneySeries(stored[index], group.records);
    added += merged.added;
    unchanged += merged.unchanged;
    if (merged.series) raw.put(merged.series);
  });
  return { added, unchanged };
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

function readingRecord(reading: Reading, refused: string | null, addedCount: number): ReadingRecord {
  return {
    id: reading.id,
    site: reading.site,
    path: reading.path,
    readAt: reading.readAt,
    status: reading.status,
    reason: reading.reason,
    recognised: [...reading.recognised],
    unrecognised: [...reading.unrecognised],
    observationCount: reading.observations.length,
    addedCount,
    refused,
    responses: reading.responses.map((response) => ({ ...response })),
    ...(reading.dropped ? { dropped: { messages: reading.dropped.messages, characters: reading.dropped.characters } } : {}),
  };
}

async function pruneReadings(tx: WriteTx): Promise<void> {
  const readings = tx.objectStore(READINGS);
  let excess = (await readings.count()) - MAX_STORED_READINGS;
  if (excess <= 0) return;
  let cursor = await readings.index(READ_AT_INDEX).openCursor();
  while (cursor && excess-- > 0) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
}

/** Moves every observation of `from` onto `into`, keeping the revisions' normal form. */
async function moveObservations(tx: WriteTx, fromId: string, into: Track): Promise<void> {
  const observationStore = tx.objectStore(OBSERVATIONS);
  const moving = await observationStore.getAll(prefixRange(fromId));
  const raw = unwrap(observationStore);
  const observations: Observation[] = [];
  for (const bucket of moving) {
    raw.delete(bucketKey(bucket));
    pushObservations(bucket, observations, into.id);
  }
  await mergeInto(tx, [into], observations, {
    lookup: 'index',
    keepIncomingIds: true,
    describeTrack: (index) => `observations[${index}].track`,
  });
  const moneyStore = tx.objectStore(MONEY);
  const movingMoney = await moneyStore.getAll(prefixRange(fromId));
  const rawMoney = unwrap(moneyStore);
  for (const series of movingMoney) rawMoney.delete(moneyKey(recordsOf(series)[0]!));
  await mergeMoneyInto(tx, movingMoney.flatMap((series) => recordsOf(series, into.id)), (track) => track);
}

async function linkInto(tx: WriteTx, trackId: string, isrc: string): Promise<string> {
  const tracks = tx.objectStore(TRACKS);
  const source = await tracks.get(trackId);
  if (!source) throw new StoreError(`There is no track ${trackId} to link.`);
  if (source.isrc === isrc) return source.id;
  if (source.isrc) throw new StoreError(`"${source.title}" already has the ISRC ${source.isrc}; unlink it first.`);
  // A second Spotify song of the recording (the album version of a single) is a song of its
  // own: it gets the ISRC and is grouped with the recording, its series stays its own.
  const target = (await tracks.index(IDENTITY_INDEX).getAll(`isrc:${isrc}`)).find((track) => track.id !== trackId && !distinctSongs(track, source));
  if (!target) {
    const linked: Track = { ...plainTrack(source), isrc };
    unwrap(tracks).put(toStoredTrack(linked));
    return linked.id;
  }
  // The recording's track keeps its id and its distributor's identity; S4A's ids join it.
  const merged = mergeTrackRecords([plainTrack(target), plainTrack(source)], target.id, (track) => (track.id === target.id ? 1 : 0));
  unwrap(tracks).delete(source.id);
  unwrap(tracks).put(toStoredTrack(merged));
  await moveObservations(tx, source.id, merged);
  return target.id;
}

async function splitSpotify(tx: WriteTx, trackId: string): Promise<string> {
  const tracks = tx.objectStore(TRACKS);
  const linked = await tracks.get(trackId);
  if (!linked) throw new StoreError(`There is no track ${trackId} to unlink.`);
  if (linked.spotifyTrackIds.length === 0 || !linked.isrc) throw new StoreError(`"${linked.title}" is not linked to Spotify for Artists.`);
  const taken = new Set(await tracks.getAllKeys());
  const spotifySide: Track = { id: '', isrc: null, title: linked.title, artists: [...linked.artists], spotifyTrackIds: [...linked.spotifyTrackIds], distributorIds: {} };
  spotifySide.id = trackIdAllocator(taken, false)(spotifySide);
  const rest: Track = { ...plainTrack(linked), spotifyTrackIds: [] };
  unwrap(tracks).put(toStoredTrack(rest));
  unwrap(tracks).put({ ...toStoredTrack(spotifySide), noAutoLink: true });
  // Whole series move: S4A's observations are all source "spotify".
  const observationStore = tx.objectStore(OBSERVATIONS);
  const spotifyBuckets = await observationStore.getAll(prefixRange(trackId, 'spotify'));
  const raw = unwrap(observationStore);
  for (const bucket of spotifyBuckets) {
    raw.delete(bucketKey(bucket));
    raw.put({ ...bucket, track: spotifySide.id });
  }
  return spotifySide.id;
}

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  let state: StoreState = 'open';
  let db: Db;
  try {
    db = (await openDatabase({
      factory: options.factory,
      name: options.name ?? DEFAULT_DB_NAME,
      migrations: options.migrations ?? MIGRATIONS,
      callbacks: {
        // A newer version (an updated extension in another context) waits for us: let it in.
        blocking: () => {
          state = 'closed';
          db.close();
        },
        terminated: () => {
          state = 'terminated';
        },
      },
    })) as unknown as Db;
  } catch (error) {
    throw toStoreError(error, 'Opening the Crosscount database');
  }

  function usable(): Db {
    if (state === 'terminated') {
      throw new StoreError('The browser closed the Crosscount database (storage cleared or a disk error); reload the page to reopen it', 'terminated');
    }
    if (state === 'closed') throw new StoreError('The Crosscount database is closed (an update is being installed); try again', 'closed');
    return db;
  }

  async function transact<T, Mode extends IDBTransactionMode>(
    what: string,
    names: Name[],
    mode: Mode,
    durability: IDBTransactionDurability,
    body: (tx: Tx<Mode>) => Promise<T>,
  ): Promise<T> {
    let tx: Tx<Mode>;
    try {
      tx = usable().transaction(names, mode, { durability });
    } catch (error) {
      throw toStoreError(error, what);
    }
    const done = tx.done;
    done.catch(() => {
      // Observed below; this only keeps an abort from being reported as unhandled.
    });
    let result: T;
    try {
      result = await body(tx);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted by the failed request.
      }
      throw toStoreError(error, what);
    }
    try {
      await done;
    } catch (error) {
      throw toStoreError(tx.error ?? error, what);
    }
    return result;
  }

  return {
    get state() {
      return state;
    },

    async ingestReading(reading, { refused }) {
      // Checked before the transaction: a self-contradicting reading is refused whole.
      const batch = refused === null ? readingBatch(reading) : null;
      return transact('Storing a reading', [READINGS, TRACKS, OBSERVATIONS, PROVENANCE, RECIPES], 'readwrite', 'default', async (tx) => {
        const previous = await tx.objectStore(READINGS).get(reading.id);
        if (previous) return { added: 0, unchanged: previous.refused === null ? reading.observations.length : 0 };
        let counts = { added: 0, unchanged: 0 };
        if (batch) {
          const merged = await mergeInto(tx, batch.tracks, batch.observations, {
            lookup: 'index',
            keepIncomingIds: false,
            describeTrack: (index) => `observations[${index}].ref`,
          });
          counts = { added: merged.added, unchanged: merged.unchanged };
          // Which recipe read these revisions (their source and reading time name them).
          if (reading.recipe && merged.added > 0) await recordProvenance(tx, { site: reading.site, readAt: reading.readAt, recipe: reading.recipe });
        }
        unwrap(tx.objectStore(READINGS)).put(readingRecord(reading, refused, counts.added));
        await pruneReadings(tx);
        return counts;
      });
    },

    async importHistory(history) {
      return transact('Importing the history file', [TRACKS, OBSERVATIONS, MONEY, PROVENANCE], 'readwrite', 'strict', async (tx) => {
        const merged = await mergeInto(tx, history.tracks, history.observations, {
          lookup: 'all',
          keepIncomingIds: true,
          describeTrack: (index) => `observations[${index}].track`,
        });
        // What the file says read its readings; a record already here (same source and time) is the same reading.
        for (const record of history.provenance ?? []) unwrap(tx.objectStore(PROVENANCE)).put({ ...record });
        const result: ImportResult = { tracksAdded: merged.tracksAdded, observationsAdded: merged.added, observationsUnchanged: merged.unchanged };
        if (!history.money || history.money.length === 0) return result;
        const money = await mergeMoneyInto(tx, history.money, (track, index) => {
          const id = merged.idFor.get(track);
          if (id === undefined) throw new Error(`money[${index}].track: ${JSON.stringify(track)} names no track`);
          return id;
        });
        return { ...result, moneyAdded: money.added };
      });
    },

    async getHistory() {
      return transact('Reading the history', [TRACKS, OBSERVATIONS, MONEY, PROVENANCE], 'readonly', 'default', async (tx) => {
        const [tracks, buckets, money, provenance] = await Promise.all([
          tx.objectStore(TRACKS).getAll(),
          tx.objectStore(OBSERVATIONS).getAll(),
          tx.objectStore(MONEY).getAll(),
          tx.objectStore(PROVENANCE).getAll(),
        ]);
        const history: History = { tracks: tracks.map(plainTrack), observations: observationsOf(buckets) };
        // Absent rather than empty: a history without money is exactly what it was before money existed.
        if (money.length > 0) history.money = money.flatMap((series) => recordsOf(series));
        if (provenance.length > 0) history.provenance = provenance;
        return history;
      });
    },

    async getTrackObservations(trackId) {
      return transact('Reading a track', [OBSERVATIONS], 'readonly', 'default', async (tx) =>
        observationsOf(await tx.objectStore(OBSERVATIONS).getAll(prefixRange(trackId))),
      );
    },

    async getTrackMoney(trackId) {
      return transact('Reading a track', [MONEY], 'readonly', 'default', async (tx) => (await tx.objectStore(MONEY).getAll(prefixRange(trackId))).flatMap((series) => recordsOf(series)));
    },

    async listTracks() {
      return transact('Reading the tracks', [TRACKS], 'readonly', 'default', async (tx) => (await tx.objectStore(TRACKS).getAll()).map(plainTrack));
    },

    async findTrack(identityKey) {
      return transact('Finding a track', [TRACKS], 'readonly', 'default', async (tx) => {
        const found = await tx.objectStore(TRACKS).index(IDENTITY_INDEX).get(identityKey);
        return found ? plainTrack(found) : null;
      });
    },

    async linkTrack(trackId, isrc) {
      return transact('Linking a track', [TRACKS, OBSERVATIONS, MONEY], 'readwrite', 'strict', async (tx) => linkInto(tx, trackId, isrc));
    },

    async unlinkSpotify(trackId) {
      return transact('Unlinking a track', [TRACKS, OBSERVATIONS], 'readwrite', 'strict', async (tx) => splitSpotify(tx, trackId));
    },

    async autoLink() {
      return transact('Linking tracks by title', [TRACKS, OBSERVATIONS, MONEY], 'readwrite', 'strict', async (tx) => {
        const stored = await tx.objectStore(TRACKS).getAll();
        const unlinked = stored.filter((track) => !track.isrc && track.spotifyTrackIds.length > 0 && !track.noAutoLink).map(plainTrack);
        const withIsrc = stored.filter((track) => track.isrc).map(plainTrack);
        if (unlinked.length === 0 || withIsrc.length === 0) return 0;
        const links = linkByTitle(unlinked, withIsrc);
        for (const [trackId, isrc] of links) await linkInto(tx, trackId, isrc);
        return links.size;
      });
    },

    async listReadings(limit) {
      return transact('Reading the diagnostics', [READINGS], 'readonly', 'default', async (tx) => {
        const records: ReadingRecord[] = [];
        let cursor = await tx.objectStore(READINGS).index(READ_AT_INDEX).openCursor(null, 'prev');
        while (cursor && records.length < limit) {
          records.push(cursor.value);
          cursor = await cursor.continue();
        }
        return records;
      });
    },

    async getSettings() {
      return transact('Reading the settings', [SETTINGS], 'readonly', 'default', async (tx) =>
        settingsFromRecord(await tx.objectStore(SETTINGS).get(SETTINGS_KEY)),
      );
    },

    async setSettings(patch) {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`Settings not saved: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
      }
      const checked = parsed.data;
      return transact('Saving the settings', [SETTINGS], 'readwrite', 'default', async (tx) => {
        const settingsStore = tx.objectStore(SETTINGS);
        const next = applySettingsPatch(settingsFromRecord(await settingsStore.get(SETTINGS_KEY)), checked);
        await settingsStore.put(next, SETTINGS_KEY);
        return next;
      });
    },

    async deleteAll() {
      const all = [TRACKS, OBSERVATIONS, READINGS, SETTINGS, MONEY, RECIPES, TAUGHT_SITES, PROVENANCE] as Name[];
      await transact('Deleting everything', all, 'readwrite', 'strict', async (tx) => {
        await Promise.all(all.map((name) => tx.objectStore(name).clear()));
      });
    },

    async listRecipes() {
      const recipes = await transact('Reading the recipes', [RECIPES], 'readonly', 'default', async (tx) => tx.objectStore(RECIPES).getAll());
      return recipes.sort((a, b) => (a.confirmedAt < b.confirmedAt ? -1 : a.confirmedAt > b.confirmedAt ? 1 : a.id < b.id ? -1 : 1));
    },

    async putRecipes(recipes) {
      await transact('Saving recipes', [RECIPES], 'readwrite', 'strict', async (tx) => {
        for (const recipe of recipes) await tx.objectStore(RECIPES).put(recipe);
      });
    },

    async renameRecipe(id, name) {
      return transact('Renaming a recipe', [RECIPES, PROVENANCE], 'readwrite', 'strict', async (tx) => renameRecipeIn(tx, id, name));
    },

    async deleteRecipe(id, withReadings) {
      return transact('Deleting a recipe', [RECIPES, PROVENANCE, OBSERVATIONS], 'readwrite', 'strict', async (tx) => deleteRecipeIn(tx, id, withReadings));
    },

    async listTaughtSites() {
      return transact('Reading the added dashboards', [TAUGHT_SITES], 'readonly', 'default', async (tx) => tx.objectStore(TAUGHT_SITES).getAll());
    },

    async putTaughtSite(site) {
      await transact('Adding a dashboard', [TAUGHT_SITES], 'readwrite', 'strict', async (tx) => {
        await tx.objectStore(TAUGHT_SITES).put(site);
      });
    },

    async deleteTaughtSite(id) {
      return transact('Removing a dashboard', [TAUGHT_SITES], 'readwrite', 'strict', async (tx) => {
        const existing = await tx.objectStore(TAUGHT_SITES).get(id);
        if (existing) await tx.objectStore(TAUGHT_SITES).delete(id);
        return existing !== undefined;
      });
    },

    async listProvenance() {
      return transact('Reading the provenance', [PROVENANCE], 'readonly', 'default', async (tx) => tx.objectStore(PROVENANCE).getAll());
    },

    async listProvenanceOf(sources) {
      return transact('Reading the provenance', [PROVENANCE], 'readonly', 'default', async (tx) => provenanceOfSources(tx, sources));
    },

    close() {
      if (state === 'open') state = 'closed';
      db.close();
    },
  };
}
