/**
 * Every fact of the "further public evidence" about Spotify for Artists responses
 * (core/sources/spotify/README.md), one test each, on fixtures whose source test/fixtures/spotify/README.md names.
 */
import { describe, expect, it } from 'vitest';
import { parseSpotifyResponse } from '../../../../core/sources/spotify/parse-response';
import { knownSpotifyDataPath } from '../../../../core/sources/spotify/routes';
import { spotifyPage } from '../../../../core/sources/spotify/page';
import { parseApiDay, parseCount, parseLatestDay } from '../../../../core/sources/shared/values';
import { readingObservationSchema } from '../../../../core/messaging/reading';
import { API, ARTIST, TRACK, context, fixtureJson } from './helpers';
import { inEnglish, said } from '../../said';

const statsUrl = `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/stats?country=&fromDate=2026-03-24&toDate=2026-03-30`;
const timelineUrl = `${API}/s4x-insights-api/v1/artist/${ARTIST}/recording/${TRACK}/timeline/streams?aggregation-level=recording&time-filter=28day`;
const latestUrl = `${API}/s4x-insights-api/v1/meta/latest-date`;

function parse(url: string, body: unknown, status = 200, text: string | null = null, ctx = context()) {
  const result = parseSpotifyResponse({ url, status, body, text }, ctx);
  for (const obs of result.observations) expect(readingObservationSchema.safeParse(obs).success).toBe(true);
  return result;
}

const days = (result: ReturnType<typeof parse>, metric = 'streams') => result.observations.filter((o) => o.metric === metric).map((o) => [o.day, o.value]);

describe('language segments in page addresses', () => {
  it.each([
    [`https://artists.spotify.com/c/en/artist/${ARTIST}/song/${TRACK}/stats`, { kind: 'song-stats', artistId: ARTIST, trackId: TRACK, language: 'en' }],
    [`https://artists.spotify.com/c/de/artist/${ARTIST}/song/${TRACK}/stats?time-filter=1year`, { kind: 'song-stats', artistId: ARTIST, trackId: TRACK, language: 'de' }],
    [`https://artists.spotify.com/c/es-419/artist/${ARTIST}/song/${TRACK}/playlists`, { kind: 'other', artistId: ARTIST, trackId: TRACK, language: 'es-419' }],
    [`https://artists.spotify.com/c/de/artist/${ARTIST}/home`, { kind: 'home', artistId: ARTIST, language: 'de' }],
    [`https://artists.spotify.com/c/pt-BR/artist/${ARTIST}/music/songs`, { kind: 'songs', artistId: ARTIST, language: 'pt-BR' }],
    ['https://artists.spotify.com/c/es-419/home', { kind: 'other', language: 'es-419' }],
  ])('%s', (url, page) => {
    expect(inEnglish(spotifyPage(url))).toEqual(page);
  });

  it('a segment that is not a language is not skipped', () => {
    expect(spotifyPage(`https://artists.spotify.com/c/english/artist/${ARTIST}/song/${TRACK}/stats`).kind).toBe('other');
    expect(spotifyPage(`https://artists.spotify.com/c/en/de/artist/${ARTIST}/song/${TRACK}/stats`).kind).toBe('other');
  });
});

describe('zero counts are left out (gRPC gateway; S4A reads a missing count as 0)', () => {
  it('a point {x} without y is a 0 day, and the reading says how many were', () => {
    const result = parse(statsUrl, fixtureJson('song-stats-v1-zeros-omitted.json'));
    expect(inEnglish(result)).toMatchObject({ recognised: true, partial: false, rejected: 0, heldBack: 2 });
    expect(inEnglish(days(result))).toEqual([['2026-03-24', 3], ['2026-03-25', 0], ['2026-03-26', 1], ['2026-03-27', 0], ['2026-03-28', 2], ['2026-03-29', 0]]);
    expect(inEnglish(days(result, 'listeners'))).toEqual([['2026-03-24', 2], ['2026-03-25', 0], ['2026-03-26', 1], ['2026-03-27', 0], ['2026-03-28', 1], ['2026-03-29', 0]]);
    expect(said(result.note)).toContain('streams: 3 days without a count read as 0');
  });

  it('a point {date} without num is a 0 day', () => {
    const result = parse(timelineUrl, fixtureJson('insights-song-timeline-zeros.json'));
    expect(inEnglish(days(result))).toEqual([['2026-03-26', 2], ['2026-03-27', 0], ['2026-03-28', 0], ['2026-03-29', 5]]);
  });

  it('a songs-table row without numStreams / numListeners has 0 of them', () => {
    const url = `${API}/s4x-insights-api/v2/artist/${ARTIST}/recordings?aggregation-level=recording&time-filter=28day`;
    const result = parse(url, fixtureJson('insights-recordings-zeros.json'));
    const cafe = result.observations.filter((o) => o.ref === '0VjIjW4GlUZAMYd2vXMi3b').map((o) => [o.metric, o.value]);
    expect(inEnglish(cafe)).toEqual([['streams_28d', 0], ['listeners_28d', 0]]);
    expect(result.partial).toBe(false);
  });

  it('null, "" and "1.2K" are still refused: only an absent count is 0', () => {
    const body = { streams: { current_period_timeseries: [{ x: '2026-03-24', y: null }, { x: '2026-03-25', y: '' }, { x: '2026-03-26', y: '1.2K' }, { x: '2026-03-27' }] } };
    const result = parse(statsUrl, body);
    expect(inEnglish(days(result))).toEqual([['2026-03-27', 0]]);
    expect(inEnglish(result)).toMatchObject({ partial: true, rejected: 3 });
  });

  it('a metric present as {} has no days; a whole body {} is "no data for this range"', () => {
    const onlyListeners = parse(statsUrl, { streams: {}, listeners: { current_period_timeseries: [{ x: '2026-03-24', y: '5' }] } });
    expect(inEnglish(onlyListeners)).toMatchObject({ recognised: true, partial: false });
    expect(inEnglish(days(onlyListeners))).toEqual([]);
    expect(inEnglish(days(onlyListeners, 'listeners'))).toEqual([['2026-03-24', 5]]);
    expect(inEnglish(parse(statsUrl, { streams: {}, listeners: {} }))).toMatchObject({ recognised: true, observations: [], note: 'no data for this range (empty series)' });
    for (const url of [statsUrl, timelineUrl, `${API}/catalog-view/v1/artist/${ARTIST}/songs?time-filter=28day`]) {
      const result = parse(url, {});
      expect(inEnglish(result)).toMatchObject({ recognised: true, observations: [], reason: null, note: 'the page had no data (HTTP 200, an empty object)' });
    }
  });
});

describe('counts are strings, change percentages numbers; aggregates as a scalar or {value}/{y}', () => {
  it('reads the 2026 live shape: string counts, numeric period_change_pct, object aggregates', () => {
    const result = parse(statsUrl, fixtureJson('song-stats-v1-live-2026.json'));
    expect(inEnglish(result)).toMatchObject({ recognised: true, partial: false, rejected: 0 });
    expect(days(result)).toHaveLength(6);
    expect(days(result, 'listeners')).toHaveLength(6);
  });

  it('"12.0" is the whole number 12; "12.5" is not a count', () => {
    expect(parseCount('12.0')).toBe(12);
    expect(parseCount('7040.00')).toBe(7040);
    expect(parseCount('12.5')).toBeNull();
    expect(parseCount('12.')).toBeNull();
  });
});

describe('dates', () => {
  it('unsorted points are read in day order; a repeated point with the same value is one day', () => {
    const result = parse(statsUrl, fixtureJson('song-stats-v1-live-2026.json'));
    expect(inEnglish(days(result))).toEqual([['2026-03-24', 2104], ['2026-03-25', 2266], ['2026-03-26', 2198], ['2026-03-27', 2310], ['2026-03-28', 2511], ['2026-03-29', 2402]]);
    expect(result.rejected).toBe(0);
  });

  it('a point at midnight (UTC, with an offset or without a zone) names that day; another time does not', () => {
    expect(parseApiDay('2026-03-25T00:00:00Z')).toBe('2026-03-25');
    expect(parseApiDay('2026-03-25T00:00:00')).toBe('2026-03-25');
    expect(parseApiDay('2026-03-01T00:00:00+01:00')).toBe('2026-03-01');
    expect(parseApiDay('2026-03-01T00:00:00.000-05:00')).toBe('2026-03-01');
    expect(parseApiDay('2026-03-25T13:00:00Z')).toBeNull();
    expect(parseApiDay('2026-03-25T00:00:00+25:00')).toBeNull();
  });
});

describe('latest-date', () => {
  it.each([
    [{ latestDate: '2026-03-29' }],
    [{ latest_date: '2026-03-29' }],
    [{ date: '2026-03-29' }],
    [fixtureJson('latest-date-snake-time.json')],
    [{ latestDate: '2026-03-29T18:30:00Z' }],
    [{ latest_date: '2026-03-30T01:00:00+02:00' }],
  ])('%j is the last finished day 2026-03-29', (body) => {
    expect(inEnglish(parse(latestUrl, body, 200, null, context({ latestDate: null })))).toMatchObject({ recognised: true, context: { latestDate: '2026-03-29' } });
  });

  it('parseLatestDay refuses what is not a day', () => {
    expect(parseLatestDay('2026-02-30T00:00:00Z')).toBeNull();
    expect(parseLatestDay('yesterday')).toBeNull();
    expect(parseLatestDay(20260329)).toBeNull();
  });

  it('when the call fails, the reading says so and falls back to yesterday (UTC), as S4A does', () => {
    const failed = parse(latestUrl, null, 500, 'upstream error', context({ latestDate: null }));
    expect(inEnglish(failed)).toMatchObject({ recognised: true, context: {} });
    expect(said(failed.note)).toBe('the page had no latest date (HTTP 500, "upstream error"): days up to yesterday (UTC) count as final, as Spotify for Artists does');
    const stats = parse(statsUrl, fixtureJson('song-stats-v1.json'), 200, null, context({ latestDate: null, today: '2026-03-31' }));
    expect(days(stats).at(-1)?.[0]).toBe('2026-03-30');
  });
});

describe('no data: 204, empty bodies, plain-text errors, 429', () => {
  it.each([
    [204, null, null, 'the page had no data (HTTP 204, empty response)'],
    [200, null, null, 'the page had no data (HTTP 200, empty response)'],
    [401, null, 'Token expired', 'the page had no data (HTTP 401 not signed in or not allowed, "Token expired")'],
    [403, null, 'PERMISSION_DENIED', 'the page had no data (HTTP 403 not signed in or not allowed, "PERMISSION_DENIED")'],
    [429, null, 'Too Many Requests', 'the page had no data (HTTP 429 rate limit, "Too Many Requests")'],
    [500, { error: { message: 'x' } }, null, 'the page had no data (HTTP 500)'],
    [503, null, '<html><body>Service unavailable, please contact support@example.com</body></html>', 'the page had no data (HTTP 503)'],
  ])('HTTP %i: "the page had no data", recognised, nothing stored', (status, body, text, note) => {
    const result = parse(statsUrl, body, status, text);
    expect(inEnglish(result)).toMatchObject({ kind: 'song-stats', recognised: true, observations: [], reason: null });
    expect(said(result.note)).toBe(note);
    expect(inEnglish(result.tracks.map((t) => t.ref))).toEqual([TRACK]);
  });

  it('a 200 whose body is text, not JSON, is not understood, and the reason names the path template', () => {
    const result = parse(statsUrl, null, 200, 'OK');
    expect(result.recognised).toBe(false);
    expect(said(result.reason)).toBe('song-stats-view/v1/artist/{a}/recording/{t}/stats: a text body, not JSON (OK) (seen: no body)');
  });
});

describe('the other endpoints stay harmless', () => {
  const song = `artist/${ARTIST}/recording/${TRACK}`;
  it.each([
    [`${API}/song-stats-view/v2/${song}/top-playlists?time-filter=28day`, { data: [{ title: 'Chill Mix', author: 'Spotify', streams: '1204', isAlgorithmic: true, dateAdded: '2026-03-01' }], playlistOverall: {} }],
    [`${API}/song-stats-view/v1/${song}/sos-aggregates`, { segmentsAggregatesMap: { USER_PLAYLIST: { currentPeriodAgg: '812' } } }],
    [`${API}/song-stats-view/v1/${song}/streams/country/aggregate`, { geography: [{ name: 'SE', num: '4011' }] }],
    [`${API}/song-stats-view/v1/${song}/streams/city/aggregate`, { geography: [{ name: 'Stockholm', num: '911' }] }],
    [`${API}/audience-engagement-view/v1/artist/${ARTIST}/locations`, { locations: [] }],
    [`${API}/audience-engagement-view/v1/artist/${ARTIST}/top-cities`, { cities: [] }],
    [`${API}/audience-engagement-view/v1/artist/${ARTIST}/segmented_stats`, { streams: { current_period_timeseries: [{ x: '2026-03-24', y: '9' }] } }],
    [`${API}/s4x-insights-api/v1/artist/${ARTIST}/releases/released`, { releases: [{ recordingStats: [{ trackUri: `spotify:track:${TRACK}`, numStreams: '100' }] }] }],
    [`${API}/s4x-insights-api/v1/${song}/realtime`, { totalStreams: '152340' }],
  ])('%s is recognised as not daily counts and stores nothing', (url, body) => {
    expect(knownSpotifyDataPath(url)).toBe(true);
    const result = parse(url, body);
    expect(inEnglish(result)).toMatchObject({ kind: 'not-daily-counts', recognised: true, observations: [], reason: null });
    expect(said(result.note)).toMatch(/not daily streams, not stored$/);
  });

  it('the home-metrics host is not a data host the observer hands over', () => {
    expect(knownSpotifyDataPath(`https://s4x-home-service.spotify.com/v1/artist-home-metrics?artistId=${ARTIST}&dateRange=28day`)).toBe(false);
  });
});

describe('an unrecognised response says which part was not understood', () => {
  it('names the path template (never the ids) and the keys seen', () => {
    const result = parse(statsUrl, { metrics: [{ name: 'streams' }], '2026-03-24': 5, version: 3 });
    expect(result.recognised).toBe(false);
    expect(said(result.reason)).toContain('song-stats-view/v1/artist/{a}/recording/{t}/stats: expected per-metric objects');
    expect(said(result.reason)).toContain('(seen: keys metrics, version and 1 more)');
    expect(said(result.reason)).not.toContain(ARTIST);
    expect(said(result.reason)).not.toContain(TRACK);
  });

  it('a list or a bare value is said as such', () => {
    expect(said(parse(statsUrl, [1, 2, 3]).reason)).toContain('(seen: a list of 3)');
    expect(said(parse(latestUrl, 'today').reason)).toContain('(seen: a bare string)');
  });
});
