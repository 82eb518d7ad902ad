/**
 * `song-stats-view/v2/…/recording/{t}/info` → `total_stream_count` (a string). A lifetime
 * total has no metric in the history format (only per-day and 28-day / 12-month windows), so
 * it is recognised and not stored.
 */
import { z } from '../../../zod';
import { seenNotStored, spotifyTrackRef, unrecognised } from '../result';
import { describeValue, parseCount } from '../values';
import type { SpotifyBodyParser } from './types';

const infoSchema = z.looseObject({ totalStreamCount: z.unknown() });

export const parseSongInfo: SpotifyBodyParser = (body, route, context) => {
  const parsed = infoSchema.safeParse(body);
  if (!parsed.success || parsed.data.totalStreamCount === undefined || !route.trackId) {
    return unrecognised(route.kind, 'expected an object with total_stream_count');
  }
  if (parseCount(parsed.data.totalStreamCount) === null) {
    return unrecognised(route.kind, `total_stream_count ${describeValue(parsed.data.totalStreamCount)} is not a whole number ≥ 0`);
  }
  return {
    ...seenNotStored(route.kind, 'lifetime total: no such metric in the history format'),
    tracks: [spotifyTrackRef(route.trackId, context)],
  };
};
