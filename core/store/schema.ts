/**
 * The database layout at the latest version. Each migration in ./migrations builds one step of
 * it; this file is what the rest of the store codes against.
 */
import type { DBSchema } from 'idb';
import type { Track } from '../model/schema';
import type { BucketKey, ObservationBucket } from './bucket';
import type { ReadingRecord } from '../model/reading';
import type { MoneyKey, MoneySeries } from './money';
import type { Recipe } from '../recipes/types';
import type { TaughtSite } from '../taught-sites';
import type { ProvenanceRecord } from '../model/provenance';

export const DEFAULT_DB_NAME = 'crosscount';

export const TRACKS = 'tracks';
export const OBSERVATIONS = 'observations';
export const READINGS = 'readings';
export const SETTINGS = 'settings';
/** Money from sales reports (added in version 4, money.ts). */
export const MONEY = 'money';
/** Recipes, added dashboards and provenance (added in version 5, migrations/005-recipes.ts). */
export const RECIPES = 'recipes';
export const TAUGHT_SITES = 'taughtSites';
export const PROVENANCE = 'provenance';

/** The multiEntry index over StoredTrack.identityKeys (added in version 2). */
export const IDENTITY_INDEX = 'identity';
/** Readings listed newest first on the diagnostics page. */
export const READ_AT_INDEX = 'readAt';
/** The settings store holds one record under this key. */
export const SETTINGS_KEY = 'current';

/**
 * Observations live in month buckets (bucket.ts) under this store since version 3: one record
 * per (track, source, store, metric, month), keyed by exactly that, so a resent or re-imported
 * observation lands in the same record instead of duplicating, and all of one track's
 * observations are one key range. The store kept its name; only its records changed.
 */
export { bucketKey, type BucketKey, type ObservationBucket } from './bucket';

/**
 * The key of versions 1–2, one record per revision. Migration 003 has its own copy; this one
 * is for the benchmark's raw-IndexedDB and Dexie references, which keep that layout on purpose.
 */
export const OBSERVATION_KEY_PATH = ['track', 'source', 'store', 'metric', 'day', 'observedAt'];

/** A track as stored: the contract's Track plus the keys it can be matched on. */
export interface StoredTrack extends Track {
  identityKeys: string[];
  /** Set when the artist unlinked this track: title matching must not link it again. */
  noAutoLink?: boolean;
}

export interface CrosscountDB extends DBSchema {
  tracks: { key: string; value: StoredTrack; indexes: { identity: string } };
  observations: { key: BucketKey; value: ObservationBucket };
  readings: { key: string; value: ReadingRecord; indexes: { readAt: string } };
  settings: { key: string; value: unknown };
  money: { key: MoneyKey; value: MoneySeries };
  recipes: { key: string; value: Recipe };
  taughtSites: { key: string; value: TaughtSite };
  provenance: { key: [string, string]; value: ProvenanceRecord; indexes: { recipe: string } };
}
