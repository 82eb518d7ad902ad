/**
 * Older `s4x-insights-api` timelines with `{date, num}` points:
 * - `v1/artist/{a}/recording/{t}/timeline/streams` → `timelinePoint: [{date, num}]` (HTTP 204
 *   when the song has no data for the range: handled before this parser, as "no data").
 *   Stored: `streams` per day for the song, worldwide and recording-level only.
 * - `v2/artist/{a}/stats` → `metricTimelines: [{metric, timeline: {timelinePoint}}]`: the
 *   artist's totals over all songs, not per-track counts: recognised, not stored.
 */
import { addSeries, emptyResult, finalCutoff, seenNotStored, seriesToObservations, spotifyTrackRef, unrecognised } from '../result';
import { countryFilter, queryValue } from '../routes';
import { arrayIn, everyItem, isFields } from './shape';
import type { SpotifyBodyParser } from './types';

/** {metric, timeline: {timelinePoint: [...]}} */
function isMetricTimeline(value: unknown): boolean {
  return isFields(value) && typeof value.metric === 'string' && arrayIn(value.timeline, 'timelinePoint') !== undefined;
}

function datePoints(points: readonly unknown[]): Array<{ day: unknown; value: unknown }> {
  return points.map((point) =>
    point !== null && typeof point === 'object' ? { day: (point as { date?: unknown }).date, value: (point as { num?: unknown }).num } : { day: point, value: undefined },
  );
}

export const parseInsightsSongTimeline: SpotifyBodyParser = (body, route, context) => {
  const timelinePoint = arrayIn(body, 'timelinePoint');
  if (!timelinePoint || !route.trackId) return unrecognised(route.kind, 'expected timelinePoint [{date, num}]');
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
  addSeries(result, seriesToObservations(datePoints(timelinePoint), route.trackId, 'streams', finalCutoff(context), 'timelinePoint'));
  return result;
};

export const parseInsightsArtistStats: SpotifyBodyParser = (body, route) => {
  const metricTimelines = arrayIn(body, 'metricTimelines');
  if (!metricTimelines || !everyItem(metricTimelines, isMetricTimeline)) return unrecognised(route.kind, 'expected metricTimelines [{metric, timeline: {timelinePoint}}]');
  return seenNotStored(route.kind, 'artist-level totals (all songs together): not per-track counts');
};
