/**
 * Tracks and their links: found by identity key (identity.ts), an S4A track linked to a
 * recording's ISRC (by hand, or by title where that is unambiguous) and unlinked again. A link
 * that merges two tracks moves the observations and money onto the one that stays.
 */
import { unwrap } from 'idb';
import { distinctSongs, mergeTrackRecords } from '../history/match';
import { linkByTitle } from '../history/link-by-title';
import type { Observation, Track } from '../model/schema';
import { identityKey, SPOTIFY_SOURCE } from '../model/ids';
import { pushObservations } from './bucket';
import { StoreError } from './errors';
import { plainTrack, toStoredTrack } from './identity';
import { prefixRange } from './key-range';
import { mergeInto } from './merge';
import { mergeMoneyInto, moneyKey, recordsOf } from './money';
import { IDENTITY_INDEX, MONEY, OBSERVATIONS, TRACKS, bucketKey } from './schema';
import type { Store } from './store';
import { trackIdAllocator } from './track-ids';
import type { Transact, WriteTx } from './transactions';

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
  const target = (await tracks.index(IDENTITY_INDEX).getAll(identityKey.isrc(isrc))).find((track) => track.id !== trackId && !distinctSongs(track, source));
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
  // Whole series move: S4A's observations are all of its source.
  const observationStore = tx.objectStore(OBSERVATIONS);
  const spotifyBuckets = await observationStore.getAll(prefixRange(trackId, SPOTIFY_SOURCE));
  const raw = unwrap(observationStore);
  for (const bucket of spotifyBuckets) {
    raw.delete(bucketKey(bucket));
    raw.put({ ...bucket, track: spotifySide.id });
  }
  return spotifySide.id;
}

export function linkingMethods(transact: Transact): Pick<Store, 'listTracks' | 'findTrack' | 'linkTrack' | 'unlinkSpotify' | 'autoLink'> {
  return {
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
  };
}
