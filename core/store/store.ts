/**
 * The snapshot store: tracks, their observations as append-only revisions (kept in month
 * buckets, bucket.ts), the readings that brought them, money, what the artist taught, and the
 * settings, in IndexedDB through idb.
 *
 * This file says what the store does (the Store interface) and puts it together; each part
 * lives in its own file: transactions.ts (the connection, one transaction per logical write),
 * merge.ts (tracks matched, observations appended as revisions), readings.ts, linking.ts,
 * history.ts (import, export, delete), money.ts, settings.ts and taught.ts.
 */
import type { ImportResult, Reading, ReadingRecord } from '../model/reading';
import type { Message } from '../i18n/message';
import type { History } from '../model/history';
import type { MoneyRecord } from '../model/money';
import type { Observation, Track } from '../model/schema';
import type { Settings } from '../settings';
import type { Recipe } from '../recipes/types';
import type { TaughtSite } from '../taught-sites';
import type { ProvenanceRecord } from '../model/provenance';
import type { SettingsPatch } from './settings';
import { openConnection, type StoreOptions, type StoreState } from './transactions';
import { readingMethods } from './readings';
import { historyMethods } from './history';
import { linkingMethods } from './linking';
import { moneyMethods } from './money';
import { settingsMethods } from './settings';
import { taughtMethods } from './taught';

export { MAX_STORED_READINGS } from './readings';
export type { StoreOptions, StoreState } from './transactions';

export interface Store {
  /**
   * Records the reading (once per reading id) and, unless `refused`, adds its tracks and
   * observations. A reading already recorded adds nothing.
   */
  ingestReading(reading: Reading, options: { refused: Message | null }): Promise<{ added: number; unchanged: number }>;
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

export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const connection = await openConnection(options);
  const { transact } = connection;
  return {
    get state() {
      return connection.state;
    },
    ...readingMethods(transact),
    ...historyMethods(transact),
    ...linkingMethods(transact),
    ...moneyMethods(transact),
    ...settingsMethods(transact),
    ...taughtMethods(transact),
    close() {
      connection.close();
    },
  };
}
