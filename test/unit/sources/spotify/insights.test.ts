import { describe, expect, it } from 'vitest';
import { parseSpotifyResponse } from '../../../../core/sources/spotify/parse-response';
import { API, ARTIST, TRACK, TRACK_ACOUSTIC, TRACK_CAFE, context, fixtureJson } from './helpers';
import { said } from '../../said';

const parse = (url: string, body: unknown, status = 200, ctx = context()) => parseSpotifyResponse({ url, status, body }, ctx);

describe('s4x-insights-api v1 song timeline/streams', () => {
  const url = `${API}/s4x-insights-api/v1/artist/${ARTIST}/recording/${TRACK}/timeline/streams?aggregation-level=recording&time-filter=last7days`;

  it('stores daily streams up to latestDate', () => {
    const result = parse(url, fixtureJson('insights-song-timeline.json'));
    expect(result).toMatchObject({ kind: 'insights-song-timeline', recognised: true, partial: false, heldBack: 1 });
    expect(result.observations.map((o) => [o.metric, o.day, o.value])).toEqual([
      ['streams', '2026-03-24', 6812], ['streams', '2026-03-25', 7040], ['streams', '2026-03-26', 6955],
      ['streams', '2026-03-27', 7311], ['streams', '2026-03-28', 8120], ['streams', '2026-03-29', 8402],
    ]);
  });

  it('reads an HTTP 204 as "no data", with the track named and nothing stored', () => {
    const result = parse(url, null, 204);
    expect(result).toMatchObject({ recognised: true, partial: false, observations: [] });
    expect(said(result.note)).toBe('the page had no data (HTTP 204, empty response)');
    expect(result.tracks.map((t) => t.ref)).toEqual([TRACK]);
  });

  it('accepts numeric counts; refuses abbreviated ones', () => {
    const result = parse(url, { timelinePoint: [{ date: '2026-03-28', num: 12 }, { date: '2026-03-29', num: '1.2K' }] });
    expect(result.observations.map((o) => o.value)).toEqual([12]);
    expect(result).toMatchObject({ partial: true, rejected: 1 });
    expect(said(result.reason)).toMatch(/"1\.2K" is not a whole number/);
  });

  it('a point without num is a zero the gateway left out; a point that is not an object is refused', () => {
    const result = parse(url, { timelinePoint: [{ date: '2026-03-28' }, '2026-03-27'] });
    expect(result.observations.map((o) => [o.day, o.value])).toEqual([['2026-03-28', 0]]);
    expect(result).toMatchObject({ partial: true, rejected: 1 });
  });

  it('stores nothing for a country-filtered or non-recording timeline', () => {
    expect(parse(`${url}&country=SE`, fixtureJson('insights-song-timeline.json')).observations).toEqual([]);
    const release = url.replace('aggregation-level=recording', 'aggregation-level=release');
    expect(parse(release, fixtureJson('insights-song-timeline.json'))).toMatchObject({ recognised: true, observations: [] });
  });

  it('does not recognise the newer {x, y} shape on this path', () => {
    expect(parse(url, fixtureJson('song-stats-v1.json'))).toMatchObject({ recognised: false, observations: [] });
  });
});

describe('s4x-insights-api v2 artist stats', () => {
  const url = `${API}/s4x-insights-api/v2/artist/${ARTIST}/stats?time-filter=last7days&country=`;
  it('recognises metricTimelines as artist-level, not stored', () => {
    const result = parse(url, fixtureJson('insights-artist-stats.json'));
    expect(result).toMatchObject({ kind: 'insights-artist-stats', recognised: true, observations: [] });
    // An empty timeline may be left out by the gateway; a metric without a name is not this shape.
    expect(parse(url, { metricTimelines: [{ metric: 'streams' }] }).recognised).toBe(true);
    expect(parse(url, { metricTimelines: [{ timeline: { timelinePoint: [] } }] }).recognised).toBe(false);
  });
});

describe('s4x-insights-api v2 recordings (songs table)', () => {
  const base = `${API}/s4x-insights-api/v2/artist/${ARTIST}/recordings?aggregation-level=recording`;

  it('a 12-month table gives streams_12m / listeners_12m dated on latestDate', () => {
    const result = parse(`${base}&time-filter=1year`, fixtureJson('insights-recordings-1year.json'));
    expect(result).toMatchObject({ kind: 'insights-recordings', recognised: true, partial: false, note: null });
    expect(result.observations).toContainEqual({ ref: TRACK, store: 'spotify', metric: 'streams_12m', day: '2026-03-29', value: 152340 });
    expect(result.observations).toContainEqual({ ref: TRACK_CAFE, store: 'spotify', metric: 'listeners_12m', day: '2026-03-29', value: 388 });
    expect(result.observations).toHaveLength(6);
    expect(result.context.titles?.get(TRACK_ACOUSTIC)).toBe('Harbour Lights - Acoustic');
    expect(result.tracks.find((t) => t.ref === TRACK_CAFE)?.title).toBe('Café Tonight (feat. Mira)');
  });

  it('a 28-day table gives the 28-day metrics, dated on an explicit end date', () => {
    const result = parse(`${base}&time-filter=28day&to-date=2026-03-20`, fixtureJson('insights-recordings-1year.json'));
    expect(new Set(result.observations.map((o) => `${o.metric}@${o.day}`))).toEqual(new Set(['streams_28d@2026-03-20', 'listeners_28d@2026-03-20']));
  });

  it('without a known window end, keeps titles and stores nothing', () => {
    const result = parse(`${base}&time-filter=1year`, fixtureJson('insights-recordings-1year.json'), 200, context({ latestDate: null }));
    expect(result).toMatchObject({ recognised: true, observations: [] });
    expect(said(result.note)).toMatch(/window end day unknown/);
    expect(result.context.titles?.size).toBe(3);
  });

  it.each(['7day', 'custom', 'all'])('a %s range stores nothing', (filter) => {
    const result = parse(`${base}&time-filter=${filter}`, fixtureJson('insights-recordings-1year.json'));
    expect(result).toMatchObject({ recognised: true, observations: [] });
    expect(said(result.note)).toMatch(/no 28-day or 12-month window/);
  });

  it('holds back a window that ends after the last finished day', () => {
    const result = parse(`${base}&time-filter=1year&to-date=2026-03-30`, fixtureJson('insights-recordings-1year.json'));
    expect(result).toMatchObject({ observations: [], heldBack: 6 });
  });

  it('reads snake_case rows, refuses a bad row and a bad count', () => {
    const body = {
      recording_stats: [
        { track_uri: `spotify:track:${TRACK}`, track_name: 'Harbour Lights', num_streams: '152340', num_listeners: '48.2K' },
        { track_uri: 'spotify:album:xyz', num_streams: '1', num_listeners: '1' },
      ],
    };
    const result = parse(`${base}&time-filter=1year`, body);
    expect(result.observations).toEqual([{ ref: TRACK, store: 'spotify', metric: 'streams_12m', day: '2026-03-29', value: 152340 }]);
    expect(result).toMatchObject({ recognised: true, partial: true, rejected: 2 });
  });

  it('a track listed twice with different totals stores neither', () => {
    const row = { trackUri: `spotify:track:${TRACK}`, numStreams: '10', numListeners: '5' };
    const result = parse(`${base}&time-filter=1year`, { recordingStats: [row, { ...row, numStreams: '11' }] });
    expect(result.observations.map((o) => o.metric)).toEqual(['listeners_12m']);
  });

  it('does not recognise a foreign body', () => {
    expect(parse(`${base}&time-filter=1year`, { songs: [] })).toMatchObject({ recognised: false, observations: [] });
  });
});
