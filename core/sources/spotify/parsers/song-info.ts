/**
 * `song-stats-view/v2/…/recording/{t}/info` → `total_stream_count` (a string). A lifetime
 * total has no metric in the history format (only per-day and 28-day / 12-month windows), so
 * it is recognised and not stored.
 */
import { message } from '../../../i18n/typed';
import { seenNotStored, spotifyTrackRef, unrecognised } from '../result';
import { describeValue, parseCount } from '../../shared/values';
import { isFields } from './shape';
import type { SpotifyBodyParser } from './types';

export const parseSongInfo: SpotifyBodyParser = (body, route, context) => {
  if (!isFields(body) || body.totalStreamCount === undefined || !route.trackId) {
    return unrecognised(route.kind, message('readerExpectedShape', { shape: 'an object with total_stream_count' }));
  }
  if (parseCount(body.totalStreamCount) === null) {
    return unrecognised(route.kind, message('readerFieldNotCount', { field: 'total_stream_count', value: describeValue(body.totalStreamCount) }));
  }
  return {
    ...seenNotStored(route.kind, message('readerLifetimeTotal')),
    tracks: [spotifyTrackRef(route.trackId, context)],
  };
};
