/**
 * The snapshot store: tracks, their observations as append-only revisions (kept in month
 * buckets, bucket.ts), the readings that brought them, and the settings, in IndexedDB through idb.
 * This file is the store's face (opening, one method per logical write or read); the work is
 * in transactions.ts, merging.ts, linking.ts and readings.ts.
 *
 * Every logical write is one transaction, and nothing but IndexedDB requests is awaited
 * inside one (awaiting anything else would commit it early): a write that fails or is cut
 * off (the service worker stopped) leaves no half of itself behind.
 */
import type { History } from '../model/history';
import type { MoneyRecord } from '../model/money';
import type { ImportResult, Reading, ReadingRecord } from '../model/reading';
import type { Observation, Track } from '../model/schema';
import type { Settings } from '../settings';
import { observationsOf } from './bucket';
import { StoreError, toStoreError } from './errors';
import { plainTrack } from './identity';
import { prefixRange } from './key-range';
import { autoLinkInto, linkInto, splitSpotify } from './linking';
import { mergeInto, mergeMoneyInto } from './merging';
import { MIGRATIONS, type Migration } from './migrations';
import { recordsOf } from './money';
import { openDatabase } from './open';
import { readingBatch } from './reading-batch';
import { ingestInto, MAX_STORED_READINGS, newestReadings } from './readings';
import { DEFAULT_DB_NAME, IDENTITY_INDEX, MONEY, OBSERVATIONS, READINGS, SETTINGS, SETTINGS_KEY, TRACKS } from './schema';
import { applySettingsPatch, settingsFromRecord, settingsPatchSchema, type SettingsPatch } from './settings';
import { transactor, type Db, type Name } from './transactions';

export { MAX_STORED_READINGS };

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
  /** Removes every track, observation, reading and setting. */
  deleteAll(): Promise<void>;
  close(): void;
  /** `closed` after close() or when a newer version asked us to; `terminated` when the browser closed it. */
  readonly state: StoreState;
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

  const transact = transactor(usable);

  return {
    get state() {
      return state;
    },

    async ingestReading(reading, { refused }) {
      // Checked before the transaction: a self-contradicting reading is refused whole.
      const batch = refused === null ? readingBatch(reading) : null;
      return transact('Storing a reading', [READINGS, TRACKS, OBSERVATIONS], 'readwrite', 'default', async (tx) => ingestInto(tx, reading, batch, refused));
    },

    async importHistory(history) {
      return transact('Importing the history file', [TRACKS, OBSERVATIONS, MONEY], 'readwrite', 'strict', async (tx) => {
        const merged = await mergeInto(tx, history.tracks, history.observations, {
          lookup: 'all',
          keepIncomingIds: true,
          describeTrack: (index) => `observations[${index}].track`,
        });
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
      return transact('Reading the history', [TRACKS, OBSERVATIONS, MONEY], 'readonly', 'default', async (tx) => {
        const [tracks, buckets, money] = await Promise.all([tx.objectStore(TRACKS).getAll(), tx.objectStore(OBSERVATIONS).getAll(), tx.objectStore(MONEY).getAll()]);
        const history: History = { tracks: tracks.map(plainTrack), observations: observationsOf(buckets) };
        // Absent rather than empty: a history without money is exactly what it was before money existed.
        if (money.length > 0) history.money = money.flatMap((series) => recordsOf(series));
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
      return transact('Linking tracks by title', [TRACKS, OBSERVATIONS, MONEY], 'readwrite', 'strict', autoLinkInto);
    },

    async listReadings(limit) {
      return transact('Reading the diagnostics', [READINGS], 'readonly', 'default', async (tx) => newestReadings(tx, limit));
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
      await transact('Deleting everything', [TRACKS, OBSERVATIONS, READINGS, SETTINGS, MONEY], 'readwrite', 'strict', async (tx) => {
        await Promise.all([TRACKS, OBSERVATIONS, READINGS, SETTINGS, MONEY].map((name) => tx.objectStore(name as Name).clear()));
      });
    },

    close() {
      if (state === 'open') state = 'closed';
      db.close();
    },
  };
}
