import type { Track } from '../../model/schema';
import { identityKeysOf } from '../identity';
import type { Migration } from './types';

/**
 * Version 2: each track carries its identity keys (isrc:…, spotify:…, <distributor>:…) under a
 * multiEntry index, so a reading looks up its candidate tracks instead of loading them all.
 * Existing tracks are backfilled in the same upgrade transaction.
 */
export const identityKeys: Migration = {
  version: 2,
  description: 'identity keys on tracks, with a multiEntry index for matching',
  async migrate(_db, tx) {
    const tracks = tx.objectStore('tracks');
    tracks.createIndex('identity', 'identityKeys', { multiEntry: true });
    const existing = (await tracks.getAll()) as Track[];
    await Promise.all(existing.map((track) => tracks.put({ ...track, identityKeys: identityKeysOf(track) })));
  },
};
