/**
 * Older `s4x-insights-api` timelines with `{date, num}` points:
 * - `v1/artist/{a}/recording/{t}/timeline/streams` → `timelinePoint: [{date, num}]` (HTTP 204
 *   when the song has no data for the range: handled before this parser, as "no data").
 *   Stored: `streams` per day for the song, worldwide and recording-level only.
 * - `v2/artist/{a}/stats` → `metricTimelines: [{metric, timeline: {timelinePoint}}]`: the
 *   artist's totals over all songs, not per-track counts: recognised, not stored.
 */
import { message } from '../../../i18n/typed';
import { addNote, addSeries, emptyResult, finalCutoff, seenNotStored, seriesToObservations, spotifyTrackRef, unrecognised } from '../result';
import { countryFilter, queryValue } from '../routes';
import { arrayIn, everyItem, isFields } from './shape';
import type { SpotifyBodyParser } from './types';

/** {metric, timeline: {timelinePoint: [...]}}; an empty timeline may be left out (`{metric}`, `timeline: {}`). */
function isMetricTimeline(value: unknown): boolean {
  if (!isFields(value) || typeof value.metric !== 'string') return false;
  const timeline = value.timeline;
  return timeline === undefined || (isFields(timeline) && (timeline.timelinePoint === undefined || Array.isArray(timeline.timelinePoint)));
}

function datePoints(points: readonly unknown[]): Array<{ day: unknown; value: unknown }> {
  // A point without `num` is a zero the gateway left out (result.ts); a non-object is refused.
  return points.map((point) => (isFields(point) ? { day: point.date, value: point.num } : { day: point, value: null }));
}

export const parseInsightsSongTimeline: SpotifyBodyParser = (body, route, context) => {
  const timelinePoint = arrayIn(body, 'timelinePoint');
  if (!timelinePoint || !route.trackId) return unrecognised(route.kind, message('readerExpectedShape', { shape: 'timelinePoint [{date, num}]' }));
  const track = spotifyTrackRef(route.trackId, context);
  const country = countryFilter(route.query);
  if (country) return { ...seenNotStored(route.kind, message('readerFilteredCountry', { country })), tracks: [track] };
  // aggregation-level=recording is what the page asks for; another level would mix recordings.
  const level = queryValue(route.query, 'aggregation-level', 'aggregationLevel');
  if (level !== null && level !== 'recording') {
    return { ...seenNotStored(route.kind, message('readerAggregationLevel', { level: level.slice(0, 40) })), tracks: [track] };
  }
  const result = emptyResult(route.kind);
  result.tracks.push(track);
  const outcome = seriesToObservations(datePoints(timelinePoint), route.trackId, 'streams', finalCutoff(context), 'timelinePoint');
  addSeries(result, outcome);
  result.readSeries = [{ trackId: route.trackId, metric: 'streams', points: outcome.valid }];
  if (timelinePoint.length === 0) addNote(result, message('readerEmptySeries'));
  return result;
};

export const parseInsightsArtistStats: SpotifyBodyParser = (body, route) => {
  const metricTimelines = arrayIn(body, 'metricTimelines');
  if (!metricTimelines || !everyItem(metricTimelines, isMetricTimeline)) return unrecognised(route.kind, message('readerExpectedShape', { shape: 'metricTimelines [{metric, timeline: {timelinePoint}}]' }));
  return seenNotStored(route.kind, message('readerArtistTotals'));
};
