/**
 * Splits of a song's streams: by source of stream (`…/sos-timelines` →
 * `segmentsTimelines.{SOURCE}.currentPeriodTimeseries`) and by country
 * (`…/streams/country/timeline` → `countryTimelines: [{countryCode, timelinePoint}]`).
 *
 * Seen, not stored: each series is a part of the song's daily count. Their sum equals the
 * worldwide daily total only if every source / every country was requested, and the response
 * cannot prove that (the page asks for a chosen subset, e.g. `countries=BR,PT`). The totals
 * come from the song's own stats response instead.
 */
import { message } from '../../../i18n/typed';
import { seenNotStored, spotifyTrackRef, unrecognised } from '../result';
import { arrayIn, everyItem, isFields } from './shape';
import type { SpotifyBodyParser } from './types';

/** {SOURCE: {currentPeriodTimeseries: [...]}, …}: the series per source of stream. */
function sourceSeries(value: unknown): Record<string, unknown> | undefined {
  if (!isFields(value)) return undefined;
  return everyItem(Object.values(value), (series) => arrayIn(series, 'currentPeriodTimeseries') !== undefined) ? value : undefined;
}

/** {countryCode, timelinePoint: [...]} */
function isCountryTimeline(value: unknown): boolean {
  return isFields(value) && typeof value.countryCode === 'string' && arrayIn(value, 'timelinePoint') !== undefined;
}

export const parseSosTimelines: SpotifyBodyParser = (body, route, context) => {
  const segments = isFields(body) ? sourceSeries(body.segmentsTimelines) : undefined;
  if (!segments || !route.trackId) {
    return unrecognised(route.kind, message('readerExpectedShape', { shape: 'segmentsTimelines.{SOURCE}.currentPeriodTimeseries [{x, y}]' }));
  }
  const sources = Object.keys(segments).length;
  return {
    ...seenNotStored(route.kind, message('readerSplitSources', { count: sources })),
    tracks: [spotifyTrackRef(route.trackId, context)],
  };
};

export const parseCountryTimeline: SpotifyBodyParser = (body, route, context) => {
  const countryTimelines = arrayIn(body, 'countryTimelines');
  if (!countryTimelines || !everyItem(countryTimelines, isCountryTimeline) || !route.trackId) {
    return unrecognised(route.kind, message('readerExpectedShape', { shape: 'countryTimelines [{countryCode, timelinePoint [{date, num}]}]' }));
  }
  return {
    ...seenNotStored(route.kind, message('readerSplitCountries', { count: countryTimelines.length })),
    tracks: [spotifyTrackRef(route.trackId, context)],
  };
};
