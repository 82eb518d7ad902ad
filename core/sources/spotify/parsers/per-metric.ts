/**
 * The per-metric shape: `song-stats-view/v1/…/recording/{t}/stats` and
 * `audience-engagement-view/v1/artist/{a}/stats` (core/sources/spotify/README.md: "an object per metric
 * (`streams`, `listeners`, …), each with `current_period_timeseries: [{x, y}]`").
 * Stored: `streams` and `listeners` per day for a song, worldwide only. Other metrics
 * (saves, playlist adds, streams per listener) have no place in the history format.
 */
import { message } from '../../../i18n/typed';
import type { Metric } from '../../../model/schema';
import { addNote, addSeries, emptyResult, finalCutoff, seenNotStored, seriesToObservations, spotifyTrackRef, unrecognised } from '../result';
import { countryFilter } from '../routes';
import { arrayIn, isFields } from './shape';
import type { SpotifyBodyParser } from './types';

const STORED_METRICS: readonly Metric[] = ['streams', 'listeners'];

// The shape is named in the response's own field names.
const EXPECTED = message('readerExpectedShape', { shape: 'per-metric objects (streams, listeners) with current_period_timeseries [{x, y}]' });

/**
 * The {x, y} points of a metric; an empty list when the metric is there without a series
 * (`"streams": {}`: the gateway leaves an empty list out); undefined when the metric is absent
 * or not that shape. A point without `y` is a zero the gateway left out (result.ts).
 */
function metricPoints(body: Record<string, unknown>, metric: Metric): Array<{ day: unknown; value: unknown }> | undefined {
  const entry = body[metric];
  if (isFields(entry) && entry.currentPeriodTimeseries === undefined) return [];
  const points = arrayIn(entry, 'currentPeriodTimeseries');
  if (!points) return undefined;
  return points.map((point) => (isFields(point) ? { day: point.x, value: point.y } : { day: point, value: null }));
}

function perMetricSeries(body: unknown): Map<Metric, Array<{ day: unknown; value: unknown }>> | null {
  if (!isFields(body)) return null;
  const series = new Map<Metric, Array<{ day: unknown; value: unknown }>>();
  for (const metric of STORED_METRICS) {
    const points = metricPoints(body, metric);
    if (points) series.set(metric, points);
  }
  return series.size > 0 ? series : null;
}

export const parseSongStats: SpotifyBodyParser = (body, route, context) => {
  const series = perMetricSeries(body);
  if (!series || !route.trackId) return unrecognised(route.kind, EXPECTED);
  const country = countryFilter(route.query);
  if (country) {
    return { ...seenNotStored(route.kind, message('readerFilteredCountry', { country })), tracks: [spotifyTrackRef(route.trackId, context)] };
  }
  const result = emptyResult(route.kind);
  result.tracks.push(spotifyTrackRef(route.trackId, context));
  const cutoff = finalCutoff(context);
  result.readSeries = [];
  for (const [metric, points] of series) {
    const outcome = seriesToObservations(points, route.trackId, metric, cutoff, metric);
    addSeries(result, outcome);
    result.readSeries.push({ trackId: route.trackId, metric: metric as 'streams' | 'listeners', points: outcome.valid });
  }
  if ([...series.values()].every((points) => points.length === 0)) addNote(result, message('readerEmptySeries'));
  return result;
};

export const parseAudienceStats: SpotifyBodyParser = (body, route) => {
  if (!perMetricSeries(body)) return unrecognised(route.kind, EXPECTED);
  return seenNotStored(route.kind, message('readerArtistTotals'));
};
