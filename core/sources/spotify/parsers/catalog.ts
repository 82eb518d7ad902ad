/**
 * `catalog-view/v1/artist/{a}/songs` → `songs: [{id, trackName, …}]`: the artist's songs with
 * titles. No counts are stored from it (its range totals come without a known window end);
 * it names the tracks, and the titles carry over to later responses of the visit.
 */
import { message } from '../../../i18n/typed';
import { emptyResult, spotifyTrackRef, unrecognised } from '../result';
import { trackIdFrom } from '../ids';
import { describeValue } from '../../shared/values';
import { arrayIn, isFields, isText } from './shape';
import type { SpotifyBodyParser } from './types';

/** {id, trackName}: a string id and a title of 1–500 characters. */
function isSong(value: unknown): value is { id: string; trackName: string } {
  return isFields(value) && typeof value.id === 'string' && isText(value.trackName, 1, 500);
}

export const parseCatalogSongs: SpotifyBodyParser = (body, route, context) => {
  const songs = arrayIn(body, 'songs');
  if (!songs) return unrecognised(route.kind, message('readerExpectedShape', { shape: 'songs [{id, trackName}]' }));
  const result = emptyResult(route.kind);
  const titles = new Map<string, string>();
  songs.forEach((raw, index) => {
    const trackId = isSong(raw) ? trackIdFrom(raw.id) : null;
    if (!isSong(raw) || !trackId) {
      result.rejected++;
      result.partial = true;
      result.reason ??= message('readerRowExpected', { where: `songs[${index}]`, shape: '{id: a Spotify track id, trackName}', value: describeValue(raw) });
      return;
    }
    if (titles.has(trackId)) return;
    titles.set(trackId, raw.trackName);
    result.tracks.push(spotifyTrackRef(trackId, context, raw.trackName));
  });
  if (titles.size > 0) result.context.titles = titles;
  if (songs.length > 0 && titles.size === 0) {
    return unrecognised(route.kind, result.reason ?? message('readerExpectedShape', { shape: 'songs [{id, trackName}]' }));
  }
  return result;
};
