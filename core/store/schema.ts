/**
 * The database layout at the latest version. Each migration in ./migrations builds one step of
 * it; this file is what the rest of the store codes against.
 */
import type { DBSchema } from 'idb';
import type { Observation, Track } from '../model/schema';
import type { ReadingRecord } from '../messaging/protocol';

export const DEFAULT_DB_NAME = 'crosscount';

export const TRACKS = 'tracks';
export const OBSERVATIONS = 'observations';
export const READINGS = 'readings';
export const SETTINGS = 'settings';

/** The multiEntry index over StoredTrack.identityKeys (added in version 2). */
export const IDENTITY_INDEX = 'identity';
/** Readings listed newest first on the diagnostics page. */
export const READ_AT_INDEX = 'readAt';
/** The settings store holds one record under this key. */
export const SETTINGS_KEY = 'current';

/**
 * Observations are keyed by everything that identifies one revision, so a resent or
 * re-imported observation lands on the same key instead of duplicating, and all of one
 * track's observations are one key range.
 */
export const OBSERVATION_KEY_PATH = ['track', 'source', 'store', 'metric', 'day', 'observedAt'];
export type ObservationKey = [string, string, string, string, string, string];

export function observationKey(obs: Observation): ObservationKey {
  return [obs.track, obs.source, obs.store, obs.metric, obs.day, obs.observedAt];
}

/** A track as stored: the contract's Track plus the keys it can be matched on. */
export interface StoredTrack extends Track {
  identityKeys: string[];
  /** Set when the artist unlinked this track: title matching must not link it again. */
  noAutoLink?: boolean;
}

export interface CrosscountDB extends DBSchema {
  tracks: { key: string; value: StoredTrack; indexes: { identity: string } };
  observations: { key: ObservationKey; value: Observation };
  readings: { key: string; value: ReadingRecord; indexes: { readAt: string } };
  settings: { key: string; value: unknown };
}
