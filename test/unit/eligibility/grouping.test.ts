import { describe, expect, it } from 'vitest';
import { eligibility } from '../../../core/eligibility';
import { groupByRecording, isSameSeries } from '../../../core/eligibility/grouping';
import { daily, history, monthOfStreams, track } from './fixtures';

const SONG = 'CHXXX2400001';
const LIVE = 'CHXXX2400002';

describe('grouping per ISRC', () => {
  const tracks = [
    track('t-single', SONG, 'Night Drive'),
    track('t-live', LIVE, 'Night Drive (Live)'),
    track('t-album', SONG, 'Night Drive'),
    track('t-demo', null, 'Night Drive (Demo)'),
  ];

  it('groups tracks sharing an ISRC, in the order of the history', () => {
    expect(groupByRecording(tracks)).toEqual([
      { isrc: SONG, title: 'Night Drive', trackIds: ['t-single', 't-album'] },
      { isrc: LIVE, title: 'Night Drive (Live)', trackIds: ['t-live'] },
      { isrc: null, title: 'Night Drive (Demo)', trackIds: ['t-demo'] },
    ]);
  });

  const observations = [
    ...monthOfStreams('t-single', '2025-03', 620),
    ...monthOfStreams('t-album', '2025-03', 455),
    ...monthOfStreams('t-live', '2025-03', 310),
    ...monthOfStreams('t-demo', '2025-03', 1040),
  ];
  const result = eligibility(history(tracks, observations), { asOfDay: '2025-03-31' });

  it('single and album version count together: neither alone reaches 1,000, together they do', () => {
    const song = result.tracks.find((entry) => entry.isrc === SONG)!;
    expect(song).toMatchObject({ trackIds: ['t-single', 't-album'], trailing12mStreams: 1075, eligible: true, streamsThisMonth: 1075 });
    expect(song.caveats.some((caveat) => caveat.includes('The 2 tracks with this ISRC (t-single, t-album) count together'))).toBe(true);
  });

  it('a live version with its own ISRC qualifies on its own', () => {
    const live = result.tracks.find((entry) => entry.isrc === LIVE)!;
    expect(live).toMatchObject({ trackIds: ['t-live'], trailing12mStreams: 310, eligible: false });
    expect(live.caveats.some((caveat) => caveat.includes('count together'))).toBe(false);
  });

  it('a track without an ISRC is listed by its track id, alone, with a caveat', () => {
    const demo = result.tracks.find((entry) => entry.isrc === null)!;
    expect(demo).toMatchObject({ trackIds: ['t-demo'], trailing12mStreams: 1040, eligible: true });
    expect(demo.caveats[0]).toMatch(/^No ISRC known for this track yet/);
  });

  it('lists one entry per recording, in history order', () => {
    expect(result.tracks.map((entry) => entry.trackIds[0])).toEqual(['t-single', 't-live', 't-demo']);
  });
});

describe('one recording read twice', () => {
  const values = [31, 28, 40, 35, 29, 52, 61, 33, 30, 27];

  it('counts identical series of two tracks with the same ISRC once, and says so', () => {
    const observations = [...daily('t-single', '2025-03-01', values), ...daily('t-album', '2025-03-01', values)];
    const [entry] = eligibility(history([track('t-single', SONG), track('t-album', SONG)], observations), { asOfDay: '2025-03-11' }).tracks;
    expect(entry!.trailing12mStreams).toBe(366);
    expect(entry!.caveats).toContain('Tracks t-single and t-album show the same daily streams in Spotify for Artists (one recording read twice), so they are counted once.');
  });

  it.each([
    ['identical over a week', values, values, true],
    ['fewer than 7 shared days', values.slice(0, 6), values.slice(0, 6), false],
    ['one day differs', values, [...values.slice(0, 9), 28], false],
    ['all zeros says nothing', Array(10).fill(0), Array(10).fill(0), false],
  ])('isSameSeries: %s', (_name, a, b, expected) => {
    const series = (list: number[]) => new Map(list.map((value, index) => [`2025-03-${String(index + 1).padStart(2, '0')}`, value]));
    expect(isSameSeries(series(a), series(b))).toBe(expected);
  });
});

describe('recordings without S4A data', () => {
  it('are listed with zero streams and a caveat, months holding just the asOf month', () => {
    const distributorOnly = { track: 't-1', source: 'imusician', store: 'spotify', metric: 'streams' as const, day: '2025-03-02', value: 40, observedAt: '2025-03-09T08:00:00.000Z' };
    const [entry] = eligibility(history([track('t-1', SONG)], [distributorOnly]), { asOfDay: '2025-03-20' }).tracks;
    expect(entry).toMatchObject({ trailing12mStreams: 0, eligible: false, streamsThisMonth: 0, projectedEligibleDay: null, listeners12m: null });
    expect(entry!.months).toEqual([{ month: '2025-03', streams: 0, trailing12m: 0, eligible: false }]);
    expect(entry!.caveats.some((caveat) => caveat.startsWith('No daily streams from Spotify for Artists have been read'))).toBe(true);
  });
});
