/**
 * Older `s4x-insights-api` timelines with `{date, num}` points:
 * - `v1/artist/{a}/recording/{t}/timeline/streams` → `timelinePoint: [{date, num}]` (HTTP 204
 *   when the song has no data for the range: handled before this parser, as "no data").
 *   Stored: `streams` per day for the song, worldwide and recording-level only.
 * - `v2/artist/{a}/stats` → `metricTimelines: [{metric, timeline: {timelinePoint}}]`: the
 *   artist's totals over all songs, not per-track counts: recognised, not stored.
 */
import { z } from '../../../zod';
import { addSeries, emptyResult, finalCutoff, seenNotStored, seriesToObservations, spotifyTrackRef, unrecognised } from '../result';
import { countryFilter, queryValue } from '../routes';
import type { SpotifyBodyParser } from './types';

const songTimelineSchema = z.looseObject({ timelinePoint: z.array(z.unknown()) });
const artistStatsSchema = z.looseObject({
  metricTimelines: z.array(z.looseObject({ metric: z.string(), timeline: z.looseObject({ timelinePoint: z.array(z.unknown()) }) })),
});

function datePoints(points: readonly unknown[]): Array<{ day: unknown; value: unknown }> {
  return points.map((point) =>
    point !== null && typeof point === 'object' ? { day: (point as { date?: unknown }).date, value: (point as { num?: unknown }).num } : { day: point, value: undefined },
  );
}

export const parseInsightsSongTimeline: SpotifyBodyParser = (body, route, context) => {
  const parsed = songTimelineSchema.safeParse(body);
  if (!parsed.success || !route.trackId) return unrecognised(route.kind, 'expected timelinePoint [{date, num}]');
  const track = spotifyTrackRef(route.trackId, context);
  const country = countryFilter(route.query);
  if (country) return { ...seenNotStored(route.kind, `filtered to country ${country}: not a worldwide count`), tracks: [track] };
  // aggregation-level=recording is what the page asks for; another level would mix recordings.
  const level = queryValue(route.query, 'aggregation-level', 'aggregationLevel');
  if (level !== null && level !== 'recording') {
    return { ...seenNotStored(route.kind, `aggregation level ${level.slice(0, 40)}: not one recording`), tracks: [track] };
  }
  const result = emptyResult(route.kind);
  result.tracks.push(track);
  addSeries(result, seriesToObservations(datePoints(parsed.data.timelinePoint), route.trackId, 'streams', finalCutoff(context), 'timelinePoint'));
  return result;
};

export const parseInsightsArtistStats: SpotifyBodyParser = (body, route) => {
  const parsed = artistStatsSchema.safeParse(body);
  if (!parsed.success) return unrecognised(route.kind, 'expected metricTimelines [{metric, timeline: {timelinePoint}}]');
  return seenNotStored(route.kind, 'artist-level totals (all songs together): not per-track counts');
};
