import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { History } from '../../../core/model/history';
import type { Observation, Track } from '../../../core/model/schema';
import { compareRevisions, revisionAsOf, seriesKey } from '../../../core/model/revisions';
import { mergeHistories, normaliseHistory } from '../../../core/history/merge';
import { INSTANTS, historyArbitrary, releasesArbitrary, songSeriesOfInputs, songSeriesOfResult } from './arbitraries';

const SP_A = '4uLU6hMCjMI75M1A2tKUQC';

function track(id: string, fields: Partial<Omit<Track, 'id'>> = {}): Track {
  return { id, isrc: null, title: 'Glacier Lights', artists: ['Nora Vell'], spotifyTrackIds: [], distributorIds: {}, ...fields };
}

function obs(trackId: string, day: string, value: number, observedAt: string, fields: Partial<Observation> = {}): Observation {
  return { track: trackId, source: 'spotify', store: 'spotify', metric: 'streams', day, value, observedAt, ...fields };
}

describe('mergeHistories', () => {
  it('joins a track known by ISRC in one file and by Spotify id plus ISRC in the other', () => {
    const s4a: History = {
      tracks: [track('t-9', { isrc: 'CHA012400001', spotifyTrackIds: [SP_A] })],
      observations: [obs('t-9', '2025-03-30', 153, '2025-04-01T08:00:00.000Z')],
    };
    const imusician: History = {
      tracks: [track('t-2', { isrc: 'CHA012400001', distributorIds: { imusician: '804113' } })],
      observations: [obs('t-2', '2025-03-30', 141, '2025-04-05T08:00:00.000Z', { source: 'imusician' })],
    };
    expect(mergeHistories(s4a, imusician)).toEqual({
      tracks: [track('t-2', { isrc: 'CHA012400001', spotifyTrackIds: [SP_A], distributorIds: { imusician: '804113' } })],
      observations: [
        obs('t-2', '2025-03-30', 141, '2025-04-05T08:00:00.000Z', { source: 'imusician' }),
        obs('t-2', '2025-03-30', 153, '2025-04-01T08:00:00.000Z'),
      ],
    });
  });

  it('keeps different songs apart when two files use the same id, whatever the order', () => {
    const a: History = { tracks: [track('t-1', { isrc: 'CHA012400001', title: 'Glacier Lights' })], observations: [obs('t-1', '2025-03-30', 10, '2025-04-01T08:00:00.000Z')] };
    const b: History = { tracks: [track('t-1', { isrc: 'CHA012400002', title: 'Night Bus' })], observations: [obs('t-1', '2025-03-30', 99, '2025-04-01T08:00:00.000Z')] };
    const merged = mergeHistories(a, b);
    // The group first in content order (ISRC …0001) keeps "t-1"; the other becomes "t-1-2".
    expect(merged.tracks.map((t) => [t.id, t.isrc])).toEqual([
      ['t-1', 'CHA012400001'],
      ['t-1-2', 'CHA012400002'],
    ]);
    expect(merged.observations.map((o) => [o.track, o.value])).toEqual([
      ['t-1', 10],
      ['t-1-2', 99],
    ]);
    expect(mergeHistories(b, a)).toEqual(merged);
  });

  it('skips a renamed id that another track already uses', () => {
    const a: History = { tracks: [track('t-1', { isrc: 'CHA012400001' }), track('t-1-2', { isrc: 'CHA012400003' })], observations: [] };
    const b: History = { tracks: [track('t-1', { isrc: 'CHA012400002' })], observations: [] };
    expect(mergeHistories(a, b).tracks.map((t) => `${t.id}=${t.isrc}`)).toEqual(['t-1=CHA012400001', 't-1-2=CHA012400003', 't-1-3=CHA012400002']);
  });

  it('adds nothing for a re-read unchanged value, and keeps real revisions', () => {
    const history: History = {
      tracks: [track('t-1')],
      observations: [
        obs('t-1', '2025-03-30', 153, '2025-04-03T08:00:00.000Z'),
        obs('t-1', '2025-03-30', 150, '2025-04-01T08:00:00.000Z'),
        obs('t-1', '2025-03-30', 150, '2025-04-02T08:00:00.000Z'),
        obs('t-1', '2025-03-30', 153, '2025-04-04T08:00:00.000Z'),
      ],
    };
    expect(normaliseHistory(history).observations.map((o) => [o.value, o.observedAt])).toEqual([
      [150, '2025-04-01T08:00:00.000Z'],
      [153, '2025-04-03T08:00:00.000Z'],
    ]);
  });

  it('removes exact duplicates across files and sorts by track, source, store, metric, day, observedAt', () => {
    const one = obs('t-1', '2025-03-30', 5, '2025-04-01T08:00:00.000Z');
    const a: History = { tracks: [track('t-1', { spotifyTrackIds: [SP_A] })], observations: [obs('t-1', '2025-03-31', 7, '2025-04-01T08:00:00.000Z'), one] };
    const b: History = {
      tracks: [track('t-0', { spotifyTrackIds: [SP_A] })],
      observations: [obs('t-0', '2025-03-30', 5, '2025-04-01T08:00:00.000Z'), obs('t-0', '2025-03-29', 3, '2025-04-01T08:00:00.000Z', { source: 'imusician' })],
    };
    expect(mergeHistories(a, b).observations.map((o) => `${o.track} ${o.source} ${o.day} ${o.value}`)).toEqual([
      't-0 imusician 2025-03-29 3',
      't-0 spotify 2025-03-30 5',
      't-0 spotify 2025-03-31 7',
    ]);
  });

  it('merges tracks within one file too (two rows for one ISRC)', () => {
    const history: History = {
      tracks: [track('b', { isrc: 'CHA012400001' }), track('a', { isrc: 'CHA012400001' })],
      observations: [obs('b', '2025-03-30', 5, '2025-04-01T08:00:00.000Z')],
    };
    const merged = normaliseHistory(history);
    expect(merged.tracks.map((t) => t.id)).toEqual(['a']);
    expect(merged.observations[0]!.track).toBe('a');
  });

  it('does not change its inputs', () => {
    const a: History = { tracks: [track('t-2', { isrc: 'CHA012400001' })], observations: [obs('t-2', '2025-03-30', 5, '2025-04-01T08:00:00.000Z')] };
    const b: History = { tracks: [track('t-1', { isrc: 'CHA012400001' })], observations: [] };
    const before = structuredClone([a, b]);
    mergeHistories(a, b);
    expect([a, b]).toEqual(before);
  });
});

describe('mergeHistories properties', () => {
  const wild = historyArbitrary({ mode: 'wild' });
  const consistent = historyArbitrary();

  it('is order-independent, also when ids collide and ISRCs meet through one Spotify id', () => {
    fc.assert(
      fc.property(wild, wild, (a, b) => {
        expect(mergeHistories(a, b)).toEqual(mergeHistories(b, a));
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: merge(a, a) and normalise(normalise(a)) equal normalise(a)', () => {
    fc.assert(
      fc.property(wild, (a) => {
        const normal = normaliseHistory(a);
        expect(mergeHistories(a, a)).toEqual(normal);
        expect(normaliseHistory(normal)).toEqual(normal);
      }),
      { numRuns: 300 },
    );
  });

  it('is associative when ids do not collide and values only grow', () => {
    fc.assert(
      fc.property(consistent, consistent, consistent, (a, b, c) => {
        const all = mergeHistories(a, b, c);
        expect(mergeHistories(mergeHistories(a, b), c)).toEqual(all);
        expect(mergeHistories(a, mergeHistories(b, c))).toEqual(all);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every track id unique and every observation pointing at a track', () => {
    fc.assert(
      fc.property(wild, wild, wild, (a, b, c) => {
        const merged = mergeHistories(a, b, c);
        const ids = merged.tracks.map((t) => t.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const o of merged.observations) expect(ids).toContain(o.track);
      }),
    );
  });

  it('never changes the value as of T by adding observations read after T', () => {
    const asOfValues = (history: History, asOf: string) => {
      const series = new Map<string, Observation[]>();
      for (const o of history.observations) series.set(seriesKey(o), [...(series.get(seriesKey(o)) ?? []), o]);
      const values = new Map<string, number | undefined>();
      for (const [key, revisions] of series) values.set(key, revisionAsOf(revisions.sort(compareRevisions), asOf)?.value);
      for (const [key, value] of values) if (value === undefined) values.delete(key);
      return values;
    };
    fc.assert(
      fc.property(wild, wild, fc.nat({ max: INSTANTS.length - 1 }), (a, later, cut) => {
        const asOf = INSTANTS[cut]!;
        // The later file knows the same tracks (same ids) and only has readings after T.
        const laterReadings: History = {
          tracks: a.tracks,
          observations: later.observations
            .filter((o) => o.observedAt > asOf)
            .map((o, i) => ({ ...o, track: a.tracks[i % a.tracks.length]!.id })),
        };
        expect(asOfValues(mergeHistories(a, laterReadings), asOf)).toEqual(asOfValues(normaliseHistory(a), asOf));
      }),
      { numRuns: 300 },
    );
  });
});

describe('merging never merges two songs of one recording into one series', () => {
  it('keeps every song of a shared ISRC (single and album version) with its own series', () => {
    fc.assert(
      fc.property(releasesArbitrary(), releasesArbitrary(), (a, b) => {
        const expected = songSeriesOfInputs([a, b]);
        const merged = mergeHistories(a, b);
        expect(songSeriesOfResult(merged, expected.keys())).toEqual(expected);
        expect(songSeriesOfResult(normaliseHistory(a), songSeriesOfInputs([a]).keys())).toEqual(songSeriesOfInputs([a]));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a single and its album version apart (929 streams in a month stay 929)', () => {
    const single = { id: 't-1', isrc: 'CHA012400001', title: 'Glacier Lights', artists: ['Nora Vell'], spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], distributorIds: {} };
    const album = { ...single, id: 't-2', spotifyTrackIds: ['1Xy2Zw3Vu4Ts5Rq6Po7Nm8'] };
    const day = (track: string, value: number) => ({ track, source: 'spotify', store: 'spotify', metric: 'streams' as const, day: '2025-03-01', value, observedAt: '2025-03-02T08:00:00.000Z' });
    const merged = normaliseHistory({ tracks: [single, album], observations: [day('t-1', 681), day('t-2', 248)] });
    expect(merged.tracks.map((track) => track.spotifyTrackIds)).toEqual([single.spotifyTrackIds, album.spotifyTrackIds]);
    expect(merged.observations.reduce((sum, obs) => sum + obs.value, 0)).toBe(929);
  });
});
