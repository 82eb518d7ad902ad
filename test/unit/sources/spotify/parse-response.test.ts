import { describe, expect, it } from 'vitest';
import { applySpotifyContext, parseSpotifyResponse } from '../../../../core/sources/spotify/parse-response';
import { readingObservationSchema, trackRefSchema } from '../../../../core/messaging/reading';
import { API, ARTIST, TRACK, TRACK_ACOUSTIC, TRACK_CAFE, context, fixtureJson } from './helpers';
import { inEnglish, said } from '../../said';

const songStatsUrl = `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/stats?country=&fromDate=2026-03-24&toDate=2026-03-30`;

function parse(url: string, body: unknown, status = 200, ctx = context()) {
  const result = parseSpotifyResponse({ url, status, body }, ctx);
  // Whatever a parser returns must pass the reading schema the background applies.
  for (const obs of result.observations) expect(readingObservationSchema.safeParse(obs).success).toBe(true);
  for (const track of result.tracks) expect(trackRefSchema.safeParse(track).success).toBe(true);
  return result;
}

describe('song-stats-view v1 stats', () => {
  it('stores daily streams and listeners up to latestDate, holding back later days', () => {
    const result = parse(songStatsUrl, fixtureJson('song-stats-v1.json'));
    expect(inEnglish(result)).toMatchObject({ kind: 'song-stats', recognised: true, partial: false, reason: null, rejected: 0, heldBack: 2 });
    expect(inEnglish(result.tracks)).toEqual([{ ref: TRACK, isrc: null, title: '', artists: [], spotifyTrackId: TRACK, distributorId: null }]);
    const streams = result.observations.filter((o) => o.metric === 'streams');
    expect(inEnglish(streams.map((o) => [o.day, o.value]))).toEqual([
      ['2026-03-24', 6812], ['2026-03-25', 7040], ['2026-03-26', 6955], ['2026-03-27', 7311], ['2026-03-28', 8120], ['2026-03-29', 8402],
    ]);
    expect(result.observations.filter((o) => o.metric === 'listeners')).toHaveLength(6);
    expect(result.observations.every((o) => o.store === 'spotify' && o.ref === TRACK)).toBe(true);
    // streams_per_listener, saves and playlist adds have no metric in the history format.
    expect(new Set(result.observations.map((o) => o.metric))).toEqual(new Set(['streams', 'listeners']));
  });

  it('reads camelCase keys and numeric counts the same way', () => {
    const snake = parse(songStatsUrl, fixtureJson('song-stats-v1.json'));
    const camel = parse(songStatsUrl, fixtureJson('song-stats-v1-camel.json'));
    expect(inEnglish(camel.observations)).toEqual(snake.observations);
  });

  it('uses the day before today as the cutoff when latestDate is unknown', () => {
    const result = parse(songStatsUrl, fixtureJson('song-stats-v1.json'), 200, context({ latestDate: null, today: '2026-03-30' }));
    expect(result.observations.filter((o) => o.metric === 'streams').at(-1)?.day).toBe('2026-03-29');
    expect(result.heldBack).toBe(2);
  });

  it('never treats today as final, even when latestDate claims so', () => {
    const result = parse(songStatsUrl, fixtureJson('song-stats-v1.json'), 200, context({ latestDate: '2026-04-30', today: '2026-03-29' }));
    expect(result.observations.filter((o) => o.metric === 'streams').at(-1)?.day).toBe('2026-03-28');
    expect(result.heldBack).toBe(4);
  });

  it('uses the title already known for the track', () => {
    const result = parse(songStatsUrl, fixtureJson('song-stats-v1.json'), 200, context({ titles: new Map([[TRACK, 'Harbour Lights']]) }));
    expect(result.tracks[0]?.title).toBe('Harbour Lights');
  });

  it.each([
    ['abbreviated', '1.2K'],
    ['decimal', '12.5'],
    ['negative', '-3'],
    ['empty string', ''],
    ['null', null],
    ['fractional number', 12.5],
    ['locale separators', '1,234'],
  ])('refuses a %s count and reports the response as partial', (_name, bad) => {
    const body = {
      streams: { current_period_timeseries: [{ x: '2026-03-27', y: '7311' }, { x: '2026-03-28', y: bad }] },
    };
    const result = parse(songStatsUrl, body);
    expect(inEnglish(result)).toMatchObject({ recognised: true, partial: true, rejected: 1 });
    expect(said(result.reason)).toContain('2026-03-28');
    expect(inEnglish(result.observations)).toEqual([{ ref: TRACK, store: 'spotify', metric: 'streams', day: '2026-03-27', value: 7311 }]);
  });

  it.each(['2025-02-30', '2026-3-27', '27/03/2026', '2026-03-27T15:00:00Z', 20260327])('refuses the day %s', (day) => {
    const result = parse(songStatsUrl, { streams: { current_period_timeseries: [{ x: day, y: '10' }] } });
    expect(inEnglish(result)).toMatchObject({ recognised: true, partial: true, rejected: 1, observations: [] });
  });

  it('accepts a midnight-UTC timestamp as that day', () => {
    const result = parse(songStatsUrl, { streams: { current_period_timeseries: [{ x: '2026-03-27T00:00:00.000Z', y: '10' }] } });
    expect(inEnglish(result.observations)).toEqual([{ ref: TRACK, store: 'spotify', metric: 'streams', day: '2026-03-27', value: 10 }]);
  });

  it('refuses a day given twice with different values, keeps an exact repeat once', () => {
    const body = {
      streams: {
        current_period_timeseries: [
          { x: '2026-03-27', y: '10' }, { x: '2026-03-27', y: '11' },
          { x: '2026-03-28', y: '12' }, { x: '2026-03-28', y: '12' },
        ],
      },
    };
    const result = parse(songStatsUrl, body);
    expect(inEnglish(result.observations.map((o) => o.day))).toEqual(['2026-03-28']);
    expect(inEnglish(result)).toMatchObject({ partial: true, rejected: 2 });
  });

  it('stores nothing for a country-filtered response', () => {
    const url = songStatsUrl.replace('country=', 'country=BR');
    const result = parse(url, fixtureJson('song-stats-v1.json'));
    expect(inEnglish(result)).toMatchObject({ recognised: true, observations: [] });
    expect(said(result.note)).toContain('BR');
  });

  it.each([
    ['a foreign shape', { data: { rows: [[1, 2]] } }],
    ['timeseries not an array', { streams: { current_period_timeseries: '7040' } }],
    ['an array body', [{ x: '2026-03-27', y: '1' }]],
    ['a string body', 'streams'],
  ])('does not recognise %s and stores nothing', (_name, body) => {
    const result = parse(songStatsUrl, body);
    expect(inEnglish(result)).toMatchObject({ kind: 'song-stats', recognised: false, observations: [] });
    expect(said(result.reason)).toMatch(/expected per-metric objects/);
  });

  it('reads an empty (204) response as "the page had no data", storing nothing', () => {
    expect(inEnglish(parse(songStatsUrl, null, 204))).toMatchObject({ recognised: true, observations: [], reason: null, note: 'the page had no data (HTTP 204, empty response)' });
  });

  it('reads nothing from an error response, and says it was one', () => {
    expect(inEnglish(parse(songStatsUrl, fixtureJson('song-stats-v1.json'), 401))).toMatchObject({ recognised: true, observations: [], note: 'the page had no data (HTTP 401 not signed in or not allowed)' });
  });
});

describe('song-stats-view v2 info', () => {
  const url = `${API}/song-stats-view/v2/artist/${ARTIST}/recording/${TRACK}/info`;
  it('recognises total_stream_count and stores nothing', () => {
    const result = parse(url, fixtureJson('song-info-v2.json'));
    expect(inEnglish(result)).toMatchObject({ kind: 'song-info', recognised: true, observations: [] });
    expect(said(result.note)).toMatch(/lifetime total/);
    expect(inEnglish(result.tracks.map((t) => t.ref))).toEqual([TRACK]);
  });
  it('accepts camelCase and a numeric count', () => {
    expect(parse(url, { totalStreamCount: 1284377 }).recognised).toBe(true);
  });
  it.each([[{ total_stream_count: '1.3M' }], [{ name: 'x' }]])('does not recognise %j', (body) => {
    expect(inEnglish(parse(url, body))).toMatchObject({ recognised: false, observations: [] });
  });
});

describe('splits: sos-timelines and country timeline', () => {
  it('recognises the source-of-stream split as seen, not stored', () => {
    const url = `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/sos-timelines?stream_sources=ALGORITHMIC,EDITORIAL,USER_COLLECTION&from_date=2026-03-24&to_date=2026-03-30&stat=STREAMS`;
    const result = parse(url, fixtureJson('sos-timelines.json'));
    expect(inEnglish(result)).toMatchObject({ kind: 'song-sos-timelines', recognised: true, observations: [] });
    expect(said(result.note)).toMatch(/3 source/);
  });
  it('recognises snake_case sos-timelines', () => {
    const url = `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/sos-timelines`;
    const body = { segments_timelines: { EDITORIAL: { current_period_timeseries: [{ x: '2026-03-24', y: '1' }] } } };
    expect(parse(url, body).recognised).toBe(true);
    expect(parse(url, { segmentsTimelines: { EDITORIAL: { points: [] } } }).recognised).toBe(false);
  });
  it('recognises the country split as seen, not stored', () => {
    const url = `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/streams/country/timeline?countries=BR,PT`;
    const result = parse(url, fixtureJson('country-timeline.json'));
    expect(inEnglish(result)).toMatchObject({ kind: 'song-country-timeline', recognised: true, observations: [] });
    expect(parse(url, { timelinePoint: [] }).recognised).toBe(false);
  });
});

describe('catalog-view songs', () => {
  const url = `${API}/catalog-view/v1/artist/${ARTIST}/songs?time-filter=28day`;
  it('names the tracks and updates the titles', () => {
    const result = parse(url, fixtureJson('catalog-songs.json'));
    expect(inEnglish(result)).toMatchObject({ kind: 'catalog-songs', recognised: true, partial: false, observations: [] });
    expect(inEnglish(result.tracks.map((t) => [t.spotifyTrackId, t.title]))).toEqual([
      [TRACK, 'Harbour Lights'], [TRACK_ACOUSTIC, 'Harbour Lights - Acoustic'], [TRACK_CAFE, 'Café Tonight (feat. Mira)'],
    ]);
    expect(result.context.titles?.get(TRACK_CAFE)).toBe('Café Tonight (feat. Mira)');
  });
  it('refuses a row whose id is not a track id but keeps the others', () => {
    const result = parse(url, { songs: [{ id: 'not-an-id', trackName: 'X' }, { id: `spotify:track:${TRACK}`, track_name: 'Harbour Lights' }] });
    expect(inEnglish(result)).toMatchObject({ recognised: true, partial: true, rejected: 1 });
    expect(inEnglish(result.tracks.map((t) => t.ref))).toEqual([TRACK]);
  });
  it('an empty catalog is recognised; only bad rows is not', () => {
    expect(parse(url, { songs: [] }).recognised).toBe(true);
    expect(parse(url, { songs: [{ id: 1 }] }).recognised).toBe(false);
  });
  it('titles carry over to later responses through the context', () => {
    let ctx = context();
    ctx = applySpotifyContext(ctx, parse(url, fixtureJson('catalog-songs.json')).context);
    const stats = parse(songStatsUrl, fixtureJson('song-stats-v1.json'), 200, ctx);
    expect(stats.tracks[0]?.title).toBe('Harbour Lights');
  });
});

describe('audience-engagement-view stats (artist level)', () => {
  const url = `${API}/audience-engagement-view/v1/artist/${ARTIST}/stats?from_date=2026-03-24&to_date=2026-03-30`;
  it('recognises it and stores nothing', () => {
    const result = parse(url, fixtureJson('audience-engagement-stats.json'));
    expect(inEnglish(result)).toMatchObject({ kind: 'audience-stats', recognised: true, observations: [], tracks: [] });
    expect(said(result.note)).toMatch(/artist-level/);
  });
  it('does not recognise a foreign shape', () => {
    expect(parse(url, { audience: [] }).recognised).toBe(false);
  });
});

describe('meta latest-date', () => {
  const url = `${API}/s4x-insights-api/v1/meta/latest-date`;
  it('updates the context', () => {
    const result = parse(url, fixtureJson('latest-date.json'));
    expect(inEnglish(result)).toMatchObject({ kind: 'latest-date', recognised: true, context: { latestDate: '2026-03-29' } });
    expect(applySpotifyContext(context({ latestDate: null }), result.context).latestDate).toBe('2026-03-29');
    expect(parse(url, { latest_date: '2026-03-29' }).context.latestDate).toBe('2026-03-29');
  });
  it.each([[{ latestDate: '2026-02-30' }], [{ latestDate: 20260329 }], [{ lastDay: '2026-03-29' }]])('does not recognise %j', (body) => {
    expect(inEnglish(parse(url, body))).toMatchObject({ recognised: false, context: {} });
  });
});

describe('unknown paths', () => {
  it.each([
    `${API}/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/playlists`,
    `${API}/song-stats-view/v1/artist/${ARTIST}/recording/short/stats`,
    `https://api.spotify.com/v1/tracks/${TRACK}`,
    `http://generic.wg.spotify.com/song-stats-view/v1/artist/${ARTIST}/recording/${TRACK}/stats`,
    'not a url',
  ])('does not recognise %s', (url) => {
    expect(inEnglish(parse(url, fixtureJson('song-stats-v1.json')))).toMatchObject({ kind: 'unknown-path', recognised: false, observations: [] });
  });
});
