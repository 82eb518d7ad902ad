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
import { z } from '../../../zod';
import { seenNotStored, spotifyTrackRef, unrecognised } from '../result';
import type { SpotifyBodyParser } from './types';

const sourceSeriesSchema = z.looseObject({ currentPeriodTimeseries: z.array(z.unknown()) });
const sosSchema = z.looseObject({ segmentsTimelines: z.record(z.string(), sourceSeriesSchema) });

const countrySchema = z.looseObject({
  countryTimelines: z.array(z.looseObject({ countryCode: z.string(), timelinePoint: z.array(z.unknown()) })),
});

export const parseSosTimelines: SpotifyBodyParser = (body, route, context) => {
  const parsed = sosSchema.safeParse(body);
  if (!parsed.success || !route.trackId) {
    return unrecognised(route.kind, 'expected segmentsTimelines.{SOURCE}.currentPeriodTimeseries [{x, y}]');
  }
  const sources = Object.keys(parsed.data.segmentsTimelines).length;
  return {
    ...seenNotStored(route.kind, `split by ${sources} source(s) of stream: a part of the daily count, not the total`),
    tracks: [spotifyTrackRef(route.trackId, context)],
  };
};

export const parseCountryTimeline: SpotifyBodyParser = (body, route, context) => {
  const parsed = countrySchema.safeParse(body);
  if (!parsed.success || !route.trackId) {
    return unrecognised(route.kind, 'expected countryTimelines [{countryCode, timelinePoint [{date, num}]}]');
  }
  return {
    ...seenNotStored(route.kind, `split by ${parsed.data.countryTimelines.length} countr(y/ies): not a worldwide count`),
    tracks: [spotifyTrackRef(route.trackId, context)],
  };
};
