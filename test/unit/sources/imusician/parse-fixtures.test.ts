import { describe, expect, it } from 'vitest';
import { readingObservationSchema, trackRefSchema } from '../../../../core/messaging/reading';
import { API, APP, CAFE, HARBOUR, HARBOUR_SPOTIFY, fixtureJson, parse, seriesOf } from './helpers';
import { said } from '../../said';

// Every fixture here is HYPOTHETICAL (see test/fixtures/imusician/README.md).
describe('parseImusicianResponse on the fixture shapes', () => {
  it('a per-track daily series filtered on Spotify by the request address', () => {
    const result = parse(fixtureJson('track-daily-spotify.json'), `${APP}/api/v1/analytics/trends/tracks/4711?store=spotify&from=2026-03-18&to=2026-03-24`);
    expect(result).toMatchObject({ kind: 'daily-series', recognised: true, partial: false, reason: null, rejected: 0, heldBack: 0 });
    expect(result.tracks).toEqual([{ ref: `isrc:${HARBOUR}`, isrc: HARBOUR, title: 'Harbour Lights', artists: [], spotifyTrackId: null, distributorId: '4711' }]);
    expect(seriesOf(result)).toEqual({ [`isrc:${HARBOUR} spotify`]: HARBOUR_SPOTIFY });
    expect(result.observations.every((obs) => obs.metric === 'streams')).toBe(true);
    expect(result.observations[0]).toEqual({ ref: `isrc:${HARBOUR}`, store: 'spotify', metric: 'streams', day: '2026-03-18', value: 198 });
  });

  it('the same body without a store filter is a total across stores', () => {
    const result = parse(fixtureJson('track-daily-spotify.json'), `${APP}/api/v1/analytics/trends/tracks/4711?from=2026-03-18`);
    expect(Object.keys(seriesOf(result))).toEqual([`isrc:${HARBOUR} all`]);
  });

  it('a per-store breakdown gives one series per normalised store', () => {
    const result = parse(fixtureJson('per-store-breakdown.json'), `${APP}/api/trends/stores?release=90210&from=2026-03-18&to=2026-03-24`);
    expect(result.recognised).toBe(true);
    expect(result.partial).toBe(false);
    expect(seriesOf(result)).toEqual({
      [`isrc:${HARBOUR} spotify`]: HARBOUR_SPOTIFY,
      [`isrc:${HARBOUR} apple`]: [31, 29, 34, 30, 36, 33, 28],
      [`isrc:${HARBOUR} deezer`]: [12, 14, 11, 13, 15, 12, 10],
      [`isrc:${HARBOUR} amazon`]: [8, 7, 9, 8, 10, 9, 7],
      [`isrc:${HARBOUR} 24-7-musicshop`]: [2, 1, 0, 2, 1, 3, 1],
    });
    // An ISRC is enough to match the track; the release id is not a track id.
    expect(result.tracks[0]!.distributorId).toBeNull();
  });

  it('an all-stores total for two tracks (midnight-UTC datetimes)', () => {
    const result = parse(fixtureJson('all-stores-total.json'), `${APP}/api/v2/analytics/trends?from=2026-03-18&to=2026-03-24`);
    const series = seriesOf(result);
    expect(series).toEqual({
      [`isrc:${HARBOUR} all`]: [251, 255, 246, 262, 281, 272, 245],
      [`isrc:${CAFE} all`]: [74, 81, 69, 77, 90, 88, 72],
    });
    // The total is the sum of the per-store figures of the breakdown fixture.
    const breakdown = seriesOf(parse(fixtureJson('per-store-breakdown.json'), `${APP}/api/trends/stores`));
    const summed = HARBOUR_SPOTIFY.map((_, day) => Object.values(breakdown).reduce((sum, values) => sum + values[day]!, 0));
    expect(series[`isrc:${HARBOUR} all`]).toEqual(summed);
    expect(result.tracks.map((track) => [track.title, track.distributorId])).toEqual([
      ['Harbour Lights', '4711'],
      ['Café Tonight (feat. Mira)', '4713'],
    ]);
  });

  it('a GraphQL wrapper naming the track by release id + title, keyed by store', () => {
    const result = parse(fixtureJson('graphql-trends.json'), `${APP}/graphql?operationName=TrendAnalytics`);
    expect(result.recognised).toBe(true);
    expect(result.tracks).toHaveLength(1);
    const track = result.tracks[0]!;
    expect(track).toMatchObject({ isrc: null, title: 'Harbour Lights', distributorId: 'release-90210/harbour-lights' });
    expect(seriesOf(result)).toEqual({ [`${track.ref} spotify`]: HARBOUR_SPOTIFY, [`${track.ref} apple`]: [31, 29, 34, 30, 36, 33, 28] });
  });

  it('refuses chart series that name tracks by a label only', () => {
    const result = parse(fixtureJson('chart-series-title-only.json'), `${API}/chart?from=2026-03-18`);
    expect(result.recognised).toBe(false);
    expect(result.observations).toEqual([]);
    expect(said(result.reason)).toMatch(/chart series "Harbour Lights" names its track by a label only/);
  });

  it('refuses a foreign shape (monthly revenue rows) with a reason', () => {
    const result = parse(fixtureJson('foreign-monthly-revenue.json'), `${APP}/api/statistics/monthly?year=2026`);
    expect(result).toMatchObject({ recognised: false, observations: [], tracks: [] });
    expect(said(result.reason)).toMatch(/not daily streams.*revenue/);
  });

  it('everything returned passes the reading schema', () => {
    for (const name of ['track-daily-spotify.json', 'per-store-breakdown.json', 'all-stores-total.json', 'graphql-trends.json']) {
      const result = parse(fixtureJson(name));
      for (const obs of result.observations) expect(readingObservationSchema.parse(obs)).toEqual(obs);
      for (const track of result.tracks) expect(trackRefSchema.parse(track)).toEqual(track);
      const refs = new Set(result.tracks.map((track) => track.ref));
      expect(result.observations.every((obs) => refs.has(obs.ref))).toBe(true);
    }
  });
});
