import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSpotifyResponse } from '../../../../core/sources/spotify/parse-response';
import { knownSpotifyDataPath } from '../../../../core/sources/spotify/routes';
import { spotifyPage } from '../../../../core/sources/spotify/page';
import { readingObservationSchema, trackRefSchema } from '../../../../core/messaging/reading';
import { API, ARTIST, TRACK, context } from './helpers';
import { said } from '../../said';

const KNOWN_URLS = [
  `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/stats?country=`,
  `${API}/song-stats-view/v2/artist/${ARTIST}/recording/${TRACK}/info`,
  `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/sos-timelines`,
  `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/streams/country/timeline`,
  `${API}/catalog-view/v1/artist/${ARTIST}/songs`,
  `${API}/audience-engagement-view/v1/artist/${ARTIST}/stats`,
  `${API}/s4x-insights-api/v2/artist/${ARTIST}/recordings?time-filter=1year`,
  `${API}/s4x-insights-api/v1/artist/${ARTIST}/recording/${TRACK}/timeline/streams`,
  `${API}/s4x-insights-api/v2/artist/${ARTIST}/stats`,
  `${API}/s4x-insights-api/v1/meta/latest-date`,
];

// Bodies near the real shapes, with arbitrary leaves, reach deeper into the parsers than
// fully random JSON does.
const leaf = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom('2026-03-29', '2025-02-30', '7040', '1.2K', '-3', '', 'spotify:track:' + TRACK, TRACK));
const point = fc.record({ x: leaf, y: leaf, date: leaf, num: leaf }, { requiredKeys: [] });
const series = fc.record({ current_period_timeseries: fc.array(point), currentPeriodTimeseries: fc.array(point), timelinePoint: fc.array(point) }, { requiredKeys: [] });
const nearShape = fc.record(
  {
    streams: series,
    listeners: series,
    timelinePoint: fc.array(point),
    segmentsTimelines: fc.dictionary(fc.string(), series),
    countryTimelines: fc.array(fc.record({ countryCode: leaf, timelinePoint: fc.array(point) })),
    songs: fc.array(fc.record({ id: leaf, trackName: leaf }, { requiredKeys: [] })),
    recordingStats: fc.array(fc.record({ trackUri: leaf, trackName: leaf, numStreams: leaf, numListeners: leaf }, { requiredKeys: [] })),
    metricTimelines: fc.array(fc.record({ metric: leaf, timeline: series })),
    latestDate: leaf,
    total_stream_count: leaf,
  },
  { requiredKeys: [] },
);
const body = fc.oneof(fc.jsonValue(), nearShape, fc.constant(null), fc.constant(undefined), fc.anything());
const url = fc.oneof(fc.constantFrom(...KNOWN_URLS), fc.webUrl({ withQueryParameters: true }), fc.string(), fc.constantFrom(...KNOWN_URLS).map((u) => u.replace(ARTIST, 'x')));
const ctx = fc.record({
  latestDate: fc.constantFrom(null, '2026-03-29', '2025-01-01'),
  today: fc.constantFrom('2026-03-31', '2024-01-01'),
});

describe('parser fuzzing', () => {
  it('never throws, and whatever it returns passes the reading schema', () => {
    fc.assert(
      fc.property(url, fc.integer({ min: 0, max: 600 }), body, ctx, (u, status, b, c) => {
        const result = parseSpotifyResponse({ url: u, status, body: b }, context(c));
        expect(typeof result.recognised).toBe('boolean');
        if (!result.recognised) {
          expect(result.observations).toEqual([]);
          expect(said(result.reason)).toMatch(/\S/);
        }
        for (const obs of result.observations) {
          expect(readingObservationSchema.safeParse(obs).success).toBe(true);
          expect(Number.isSafeInteger(obs.value) && obs.value >= 0).toBe(true);
          expect(obs.day <= (c.latestDate ?? '2099-12-31')).toBe(true);
        }
        for (const track of result.tracks) expect(trackRefSchema.safeParse(track).success).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('hostile inputs (non-objects as input, huge nesting) never throw', () => {
    let deep: unknown = { streams: { current_period_timeseries: [] } };
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    for (const input of [null, undefined, 42, { url: 42 }, { url: KNOWN_URLS[0], status: 200, body: deep }]) {
      expect(() => parseSpotifyResponse(input as never, context())).not.toThrow();
    }
  });

  it('knownSpotifyDataPath and spotifyPage never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withFragments: true, withQueryParameters: true })), (u) => {
        expect(typeof knownSpotifyDataPath(u)).toBe('boolean');
        expect(spotifyPage(u).kind).toMatch(/^(song-stats|songs|audience|home|other)$/);
      }),
    );
  });
});
