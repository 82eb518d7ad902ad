/**
 * Identity keys: the strings a track can be matched on (docs/contracts.md §1 "Merging"). The store
 * indexes them so a reading finds its few candidate tracks without loading every track; the
 * actual merge decision stays with planTrackMerge, so a key that collides by accident (a
 * distributor named "isrc") only adds a candidate, never a wrong merge.
 */
import type { Track } from '../model/schema';
import type { StoredTrack } from './schema';
import { identityKey } from '../model/ids';

export function identityKeysOf(track: Pick<Track, 'isrc' | 'spotifyTrackIds' | 'distributorIds'>): string[] {
  const keys: string[] = [];
  if (track.isrc) keys.push(identityKey.isrc(track.isrc));
  for (const id of track.spotifyTrackIds) keys.push(identityKey.spotifyTrack(id));
  for (const [distributor, id] of Object.entries(track.distributorIds)) keys.push(identityKey.distributor(distributor, id));
  return [...new Set(keys)];
}

export function toStoredTrack(track: Track): StoredTrack {
  return { ...plainTrack(track), identityKeys: identityKeysOf(track) };
}

/** The contract's Track, without storage-only fields (what getHistory hands out). */
export function plainTrack(track: Track | StoredTrack): Track {
  return {
    id: track.id,
    isrc: track.isrc,
    title: track.title,
    artists: [...track.artists],
    spotifyTrackIds: [...track.spotifyTrackIds],
    distributorIds: { ...track.distributorIds },
  };
}
