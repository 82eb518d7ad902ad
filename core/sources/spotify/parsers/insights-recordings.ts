/**
 * Older `s4x-insights-api/v2/artist/{a}/recordings?aggregation-level=recording&time-filter=…`
 * → `recordingStats: [{trackUri, trackName, numStreams, numListeners, …}]`: the songs table
 * for the chosen range. Stored as window totals, one per song:
 *   time-filter=1year  → streams_12m / listeners_12m
 *   time-filter=28day  → streams_28d / listeners_28d
 * with `day` = the window's last day. That day must be known exactly: an explicit end date in
 * the query, else the visit's `latestDate` (our inference: a rolling "last N" window of S4A
 * ends on its last finished day, the day S4A's own charts end on). Without either, or for
 * any other range (7 days, custom, all time), the table is recognised and its titles kept,
 * but no counts are stored.
 */
import type { Message } from '../../../i18n/message';
import { message } from '../../../i18n/typed';
import type { Day } from '../../../model/day';
import type { Metric } from '../../../model/schema';
import { addSeries, emptyResult, finalCutoff, seriesToObservations, spotifyTrackRef, unrecognised } from '../result';
import { trackIdFrom } from '../ids';
import { countryFilter, queryValue } from '../routes';
import { describeValue, parseApiDay } from '../../shared/values';
import { arrayIn, isFields, isText } from './shape';
import type { SpotifyBodyParser } from './types';
import type { SpotifyReadContext } from '../result';
import type { SpotifyRoute } from '../routes';

interface RecordingRow {
  trackUri: string;
  trackName?: string;
  numStreams?: unknown;
  numListeners?: unknown;
}

/** {trackUri, trackName?, numStreams, numListeners}: the counts are checked later, per metric. */
function isRecordingRow(value: unknown): value is RecordingRow {
  return isFields(value) && typeof value.trackUri === 'string' && (value.trackName === undefined || isText(value.trackName, 0, 500));
}

const WINDOW_METRICS: Record<string, { streams: Metric; listeners: Metric }> = {
  '1year': { streams: 'streams_12m', listeners: 'listeners_12m' },
  '28day': { streams: 'streams_28d', listeners: 'listeners_28d' },
};

type Window = { metrics: { streams: Metric; listeners: Metric }; end: Day } | { note: Message };

function windowOf(route: SpotifyRoute, context: SpotifyReadContext): Window {
  const filter = queryValue(route.query, 'time-filter', 'timeFilter', 'time_filter');
  const metrics = filter !== null && Object.hasOwn(WINDOW_METRICS, filter) ? WINDOW_METRICS[filter] : undefined;
  if (!metrics) return { note: message('readerNoWindow', { range: filter === null ? '(none)' : filter.slice(0, 40) }) };
  const country = countryFilter(route.query);
  if (country) return { note: message('readerFilteredCountry', { country }) };
  const level = queryValue(route.query, 'aggregation-level', 'aggregationLevel');
  if (level !== null && level !== 'recording') return { note: message('readerAggregationLevel', { level: level.slice(0, 40) }) };
  const explicitEnd = queryValue(route.query, 'to-date', 'toDate', 'to_date', 'end-date', 'endDate', 'end_date');
  if (explicitEnd !== null) {
    const end = parseApiDay(explicitEnd);
    return end ? { metrics, end } : { note: message('readerEndNotDay', { value: describeValue(explicitEnd) }) };
  }
  if (context.latestDate) return { metrics, end: context.latestDate };
  return { note: message('readerNoWindowEnd') };
}

export const parseInsightsRecordings: SpotifyBodyParser = (body, route, context) => {
  const recordingStats = arrayIn(body, 'recordingStats');
  if (!recordingStats) return unrecognised(route.kind, message('readerExpectedShape', { shape: 'recordingStats [{trackUri, trackName, numStreams, numListeners}]' }));
  const result = emptyResult(route.kind);
  const window = windowOf(route, context);
  if ('note' in window) result.note = message('readerNothingStored', { note: { text: window.note } });
  const titles = new Map<string, string>();
  const rows = new Map<string, Array<{ streams: unknown; listeners: unknown }>>();
  recordingStats.forEach((raw, index) => {
    const trackId = isRecordingRow(raw) ? trackIdFrom(raw.trackUri) : null;
    if (!isRecordingRow(raw) || !trackId) {
      result.rejected++;
      result.partial = true;
      result.reason ??= message('readerRowExpected', { where: `recordingStats[${index}]`, shape: '{trackUri: spotify:track:<id>, numStreams, numListeners}', value: describeValue(raw) });
      return;
    }
    if (!rows.has(trackId)) {
      rows.set(trackId, []);
      result.tracks.push(spotifyTrackRef(trackId, context, raw.trackName));
      if (raw.trackName) titles.set(trackId, raw.trackName);
    }
    rows.get(trackId)!.push({ streams: raw.numStreams, listeners: raw.numListeners });
  });
  if (titles.size > 0) result.context.titles = titles;
  if ('note' in window) return result;
  const cutoff = finalCutoff(context);
  for (const [trackId, trackRows] of rows) {
    for (const metric of ['streams', 'listeners'] as const) {
      // A track listed twice with different totals is a conflict: seriesToObservations refuses it.
      const points = trackRows.map((row) => ({ day: window.end, value: row[metric] }));
      addSeries(result, seriesToObservations(points, trackId, window.metrics[metric], cutoff, `${trackId} ${metric}`));
    }
  }
  return result;
};
