/**
 * `catalog-view/v1/artist/{a}/songs` → `songs: [{id, trackName, …}]`: the artist's songs with
 * titles. No counts are stored from it (its range totals come without a known window end);
 * it names the tracks, and the titles carry over to later responses of the visit.
 */
import { z } from '../../../zod';
import { emptyResult, spotifyTrackRef, unrecognised } from '../result';
import { trackIdFrom } from '../ids';
import { describeValue } from '../values';
import type { SpotifyBodyParser } from './types';

const catalogSchema = z.looseObject({ songs: z.array(z.unknown()) });
const songSchema = z.looseObject({ id: z.string(), trackName: z.string().min(1).max(500) });

export const parseCatalogSongs: SpotifyBodyParser = (body, route, context) => {
  const parsed = catalogSchema.safeParse(body);
  if (!parsed.success) return unrecognised(route.kind, 'expected songs [{id, trackName}]');
  const result = emptyResult(route.kind);
  const titles = new Map<string, string>();
  parsed.data.songs.forEach((raw, index) => {
    const song = songSchema.safeParse(raw);
    const trackId = song.success ? trackIdFrom(song.data.id) : null;
    if (!song.success || !trackId) {
      result.rejected++;
      result.partial = true;
      result.reason ??= `songs[${index}]: expected {id: a Spotify track id, trackName}, got ${describeValue(raw)}`;
      return;
    }
    if (titles.has(trackId)) return;
    titles.set(trackId, song.data.trackName);
    result.tracks.push(spotifyTrackRef(trackId, context, song.data.trackName));
  });
  if (titles.size > 0) result.context.titles = titles;
  if (parsed.data.songs.length > 0 && titles.size === 0) {
    return unrecognised(route.kind, result.reason ?? 'expected songs [{id, trackName}]');
  }
  return result;
};
