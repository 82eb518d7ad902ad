/**
 * Linking and unlinking recordings inside a caller's transaction: an S4A track (no ISRC) joins
 * the recording with the ISRC, with its observations and money moved over in normal form, or
 * is split off again.
 */
import { unwrap } from 'idb';
import { distinctSongs, mergeTrackRecords } from '../history/match';
import { linkByTitle } from '../history/link-by-title';
import type { Observation, Track } from '../model/schema';
import { pushObservations } from './bucket';
import { StoreError } from './errors';
import { plainTrack, toStoredTrack } from './identity';
import { prefixRange } from './key-range';
import { mergeInto, mergeMoneyInto } from './merging';
import { moneyKey, recordsOf } from './money';
import { IDENTITY_INDEX, MONEY, OBSERVATIONS, TRACKS, bucketKey } from './schema';
import { trackIdAllocator } from './track-ids';
import type { WriteTx } from './transactions';

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

export async function linkInto(tx: WriteTx, trackId: string, isrc: string): Promise<string> {
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

export async function splitSpotify(tx: WriteTx, trackId: string): Promise<string> {
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

/**
 * Links Spotify for Artists tracks (no ISRC) to distributor tracks by title and artist where
 * that is unambiguous (core/history/link-by-title.ts), never those the artist unlinked.
 */
export async function autoLinkInto(tx: WriteTx): Promise<number> {
  const stored = await tx.objectStore(TRACKS).getAll();
  const unlinked = stored.filter((track) => !track.isrc && track.spotifyTrackIds.length > 0 && !track.noAutoLink).map(plainTrack);
  const withIsrc = stored.filter((track) => track.isrc).map(plainTrack);
  if (unlinked.length === 0 || withIsrc.length === 0) return 0;
  const links = linkByTitle(unlinked, withIsrc);
  for (const [trackId, isrc] of links) await linkInto(tx, trackId, isrc);
  return links.size;
}
