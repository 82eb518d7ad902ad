import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Track } from '../../../core/model/schema';
import { clusterTracks, distinctSongs, mergeTrackRecords, planTrackMerge } from '../../../core/history/match';
import { normaliseHistory } from '../../../core/history/merge';
import { historyArbitrary } from './arbitraries';

const SP_A = '4uLU6hMCjMI75M1A2tKUQC';
const SP_B = '7GhIk0lmN1oPq2rSt3UvW4';
const SP_C = '0aZ9bY8cX7dW6eV5fU4gT3';

function track(id: string, fields: Partial<Omit<Track, 'id'>> = {}): Track {
  return { id, isrc: null, title: 'Glacier Lights', artists: ['Nora Vell'], spotifyTrackIds: [], distributorIds: {}, ...fields };
}

const groupsOf = (tracks: Track[]) =>
  clusterTracks(tracks)
    .map((members) => members.map((i) => tracks[i]!.id).sort())
    .sort((a, b) => a[0]!.localeCompare(b[0]!));

describe('clusterTracks', () => {
  it.each([
    ['same ISRC', [track('a', { isrc: 'CHA012400001' }), track('b', { isrc: 'CHA012400001' })], [['a', 'b']]],
    ['ISRC and a shared Spotify id, one side without ISRC', [track('a', { isrc: 'CHA012400001', spotifyTrackIds: [SP_A] }), track('b', { spotifyTrackIds: [SP_A] })], [['a', 'b']]],
    ['different ISRCs sharing a Spotify id stay apart', [track('a', { isrc: 'CHA012400001', spotifyTrackIds: [SP_A] }), track('b', { isrc: 'CHA012400002', spotifyTrackIds: [SP_A] })], [['a'], ['b']]],
    ['same distributor id under the same distributor', [track('a', { distributorIds: { imusician: '804113' } }), track('b', { distributorIds: { imusician: '804113' } })], [['a', 'b']]],
    ['same id under different distributors is not a match', [track('a', { distributorIds: { imusician: '804113' } }), track('b', { distributorIds: { distrokid: '804113' } })], [['a'], ['b']]],
    ['nothing in common', [track('a', { spotifyTrackIds: [SP_A] }), track('b', { spotifyTrackIds: [SP_B] })], [['a'], ['b']]],
    [
      'a chain through an ISRC-less track',
      [track('a', { spotifyTrackIds: [SP_A] }), track('b', { isrc: 'CHA012400001', spotifyTrackIds: [SP_A, SP_B] }), track('c', { spotifyTrackIds: [SP_B] })],
      [['a', 'b', 'c']],
    ],
  ] as const)('%s', (_name, tracks, expected) => {
    expect(groupsOf([...tracks])).toEqual(expected);
  });

  it('never lets a chain join two ISRCs, and picks the same side whatever the order', () => {
    const bridge = track('x', { spotifyTrackIds: [SP_A] });
    const first = track('i1', { isrc: 'CHA012400001', spotifyTrackIds: [SP_A] });
    const second = track('i2', { isrc: 'CHA012400002', spotifyTrackIds: [SP_A, SP_C] });
    const third = track('y', { spotifyTrackIds: [SP_C] });
    const expected = groupsOf([bridge, first, second, third]);
    for (const group of expected) {
      const isrcs = new Set(group.map((id) => [bridge, first, second, third].find((t) => t.id === id)!.isrc).filter(Boolean));
      expect(isrcs.size).toBeLessThanOrEqual(1);
    }
    fc.assert(
      fc.property(fc.shuffledSubarray([bridge, first, second, third], { minLength: 4 }), (order) => {
        expect(groupsOf(order)).toEqual(expected);
      }),
    );
  });
});

describe('mergeTrackRecords', () => {
  it('unions identity, sorts Spotify ids, takes title and artists together from one member', () => {
    const merged = mergeTrackRecords(
      [
        track('b', { title: '', artists: [], spotifyTrackIds: [SP_B], distributorIds: { imusician: '804113' } }),
        track('a', { isrc: 'CHA012400001', title: 'Glacier Lights (Radio Edit)', artists: ['Nora Vell', 'Ludo'], spotifyTrackIds: [SP_A] }),
        track('c', { title: 'Glacier Lights', artists: ['Nora Vell'], spotifyTrackIds: [SP_A] }),
      ],
      'a',
    );
    expect(merged).toEqual({
      id: 'a',
      isrc: 'CHA012400001',
      // Non-empty title and artists first, then the smallest title.
      title: 'Glacier Lights',
      artists: ['Nora Vell'],
      spotifyTrackIds: [SP_B, SP_A].sort(),
      distributorIds: { imusician: '804113' },
    });
  });

  it('keeps the most trusted distributor id on a conflict, else the smallest', () => {
    const stored = track('s', { distributorIds: { imusician: '9' } });
    const read = track('r', { distributorIds: { imusician: '1' } });
    expect(mergeTrackRecords([stored, read], 's', (t) => (t === stored ? 0 : 1)).distributorIds).toEqual({ imusician: '9' });
    expect(mergeTrackRecords([stored, read], 's').distributorIds).toEqual({ imusician: '1' });
  });

  it('treats odd distributor keys such as "constructor" as plain data', () => {
    const merged = mergeTrackRecords([track('a', { distributorIds: { constructor: '5' } }), track('b')], 'a');
    expect(Object.hasOwn(merged.distributorIds, 'constructor')).toBe(true);
    expect(merged.distributorIds.constructor).toBe('5');
  });
});

describe('planTrackMerge', () => {
  const newId = (t: Track) => `new-${t.id}`;

  it('gives new tracks a new id and lists them as changed', () => {
    const incoming = [track('r1', { isrc: 'CHA012400001' })];
    const plan = planTrackMerge([], incoming, newId);
    expect(plan.idFor).toEqual(new Map([['r1', 'new-r1']]));
    expect(plan.changed).toEqual([{ ...incoming[0], id: 'new-r1' }]);
  });

  it('maps a known track to its stored id; unchanged stored tracks are not rewritten', () => {
    const stored = track('t-7f3a', { isrc: 'CHA012400001', spotifyTrackIds: [SP_A] });
    const plan = planTrackMerge([stored], [track('r1', { isrc: 'CHA012400001', spotifyTrackIds: [SP_A] })], newId);
    expect(plan.idFor.get('r1')).toBe('t-7f3a');
    expect(plan.changed).toEqual([]);
  });

  it('grows a stored track found by Spotify id: it gains the ISRC and keeps its id and title', () => {
    const stored = track('t-1', { title: 'Glacier Lights', spotifyTrackIds: [SP_A] });
    const plan = planTrackMerge([stored], [track('r1', { isrc: 'CHA012400001', title: 'GLACIER LIGHTS', spotifyTrackIds: [SP_A, SP_B] })], newId);
    expect(plan.idFor.get('r1')).toBe('t-1');
    expect(plan.changed).toEqual([{ ...stored, isrc: 'CHA012400001', spotifyTrackIds: [SP_A, SP_B].sort() }]);
  });

  it('keeps another release at the distributor (one ISRC, another iMusician id) as a track of its own, the stored one untouched', () => {
    const stored = track('t-1', { isrc: 'CHA012400001', distributorIds: { imusician: '804113' } });
    const incoming = track('r1', { isrc: 'CHA012400001', distributorIds: { imusician: '804207', distrokid: 'DK-1' } });
    const plan = planTrackMerge([stored], [incoming], newId);
    expect(plan.idFor.get('r1')).toBe('new-r1');
    expect(plan.changed).toEqual([{ ...incoming, id: 'new-r1' }]);
    // Another distributor's record of the ISRC (no iMusician id) still joins the stored release.
    const other = planTrackMerge([stored], [track('r2', { isrc: 'CHA012400001', distributorIds: { distrokid: 'DK-1' } })], newId);
    expect(other.idFor.get('r2')).toBe('t-1');
    expect(other.changed).toEqual([{ ...stored, distributorIds: { distrokid: 'DK-1', imusician: '804113' } }]);
  });

  it('keeps two releases at one distributor (one ISRC, two TuneCore song ids) apart: 929 streams in a month stay 929', () => {
    const single = track('t-1', { isrc: 'CHA012400001', distributorIds: { tunecore: '1184220' } });
    const album = track('t-2', { isrc: 'CHA012400001', distributorIds: { tunecore: '1184371' } });
    const month = (id: string, value: number) => ({ track: id, source: 'tunecore', store: 'spotify', metric: 'streams_month' as const, day: '2025-03-31', value, observedAt: '2025-04-20T08:00:00.000Z' });
    const merged = normaliseHistory({ tracks: [single, album], observations: [month('t-1', 681), month('t-2', 248)] });
    expect(merged.tracks.map((t) => t.distributorIds)).toEqual([{ tunecore: '1184220' }, { tunecore: '1184371' }]);
    expect(merged.observations.map((obs) => obs.value).sort()).toEqual([248, 681]);
    expect(distinctSongs(single, album)).toBe(true);
    expect(distinctSongs(single, track('t-3', { isrc: 'CHA012400001', distributorIds: { imusician: '804113' } }))).toBe(false);
  });

  it('keeps the album version of a single (one ISRC, another Spotify id) as a track of its own', () => {
    const single = track('t-1', { isrc: 'CHA012400001', spotifyTrackIds: [SP_A], distributorIds: { imusician: '804113' } });
    const plan = planTrackMerge([single], [track('r1', { isrc: 'CHA012400001', spotifyTrackIds: [SP_B] })], newId);
    expect(plan.idFor.get('r1')).toBe('new-r1');
    // A distributor-only record of the ISRC still joins the stored song.
    expect(planTrackMerge([single], [track('r2', { isrc: 'CHA012400001', distributorIds: { distrokid: 'DK-1' } })], newId).idFor.get('r2')).toBe('t-1');
  });

  it('matches on a distributor id only under the same distributor', () => {
    const stored = track('t-1', { distributorIds: { imusician: '804113' } });
    expect(planTrackMerge([stored], [track('r1', { distributorIds: { imusician: '804113' } })], newId).idFor.get('r1')).toBe('t-1');
    expect(planTrackMerge([stored], [track('r1', { distributorIds: { distrokid: '804113' } })], newId).idFor.get('r1')).toBe('new-r1');
  });

  it('does not join a stored track with a different ISRC, even on a shared Spotify id', () => {
    const stored = track('t-1', { isrc: 'CHA012400001', spotifyTrackIds: [SP_A] });
    const plan = planTrackMerge([stored], [track('r1', { isrc: 'CHA012400002', spotifyTrackIds: [SP_A] })], newId);
    expect(plan.idFor.get('r1')).toBe('new-r1');
  });

  it('treats a track with no ISRC, Spotify id or distributor id as new every time', () => {
    const stored = track('t-1');
    expect(planTrackMerge([stored], [track('r1')], newId).idFor.get('r1')).toBe('new-r1');
  });

  it('merges incoming tracks with each other before placing them', () => {
    const plan = planTrackMerge([], [track('r1', { isrc: 'CHA012400001' }), track('r2', { isrc: 'CHA012400001', spotifyTrackIds: [SP_A] }), track('r3', { spotifyTrackIds: [SP_A] })], newId);
    expect(new Set(plan.idFor.values())).toEqual(new Set(['new-r1']));
    expect(plan.changed).toHaveLength(1);
    expect(plan.changed[0]).toMatchObject({ id: 'new-r1', isrc: 'CHA012400001', spotifyTrackIds: [SP_A] });
  });

  it('prefers the stored track holding its Spotify id (the same song) over one with only its ISRC, and never merges two stored tracks', () => {
    const byIsrc = track('t-2', { isrc: 'CHA012400001' });
    const bySpotify = track('t-1', { spotifyTrackIds: [SP_A] });
    const plan = planTrackMerge([bySpotify, byIsrc], [track('r1', { isrc: 'CHA012400001', spotifyTrackIds: [SP_A] })], newId);
    expect(plan.idFor.get('r1')).toBe('t-1');
    expect(plan.changed).toEqual([{ ...bySpotify, isrc: 'CHA012400001' }]);
  });

  it('lets a later incoming track see what an earlier one added to a stored track', () => {
    // The stored track learns its ISRC from r1; r2 (another ISRC, same Spotify id) stays apart.
    const stored = track('t-1', { spotifyTrackIds: [SP_A] });
    const plan = planTrackMerge([stored], [track('r1', { isrc: 'CHA012400001', spotifyTrackIds: [SP_A] }), track('r2', { isrc: 'CHA012400002', spotifyTrackIds: [SP_A] })], newId);
    expect(plan.idFor.get('r1')).toBe('t-1');
    expect(plan.idFor.get('r2')).toBe('new-r2');
  });
});

describe('planTrackMerge properties', () => {
  const wild = historyArbitrary({ mode: 'wild' });

  it('maps every incoming track, keeps stored ids, never mixes ISRCs, and is stable when replayed', () => {
    fc.assert(
      fc.property(wild, wild, (stored, reading) => {
        const existing = normaliseHistory(stored).tracks;
        let created = 0;
        const plan = planTrackMerge(existing, reading.tracks, () => `new-${created++}`);
        const after = new Map(existing.map((t) => [t.id, t]));
        for (const t of plan.changed) after.set(t.id, t);
        expect(after.size).toBe(existing.length + created);
        for (const t of reading.tracks) {
          const target = after.get(plan.idFor.get(t.id)!)!;
          expect(target).toBeDefined();
          if (t.isrc !== null) expect(target.isrc).toBe(t.isrc);
          expect(target.spotifyTrackIds).toEqual(expect.arrayContaining(t.spotifyTrackIds));
        }
        for (const before of existing) {
          const now = after.get(before.id)!;
          if (before.isrc !== null) expect(now.isrc).toBe(before.isrc);
          expect(now.spotifyTrackIds).toEqual(expect.arrayContaining(before.spotifyTrackIds));
          expect(now.distributorIds).toMatchObject(before.distributorIds);
        }
        // Storing the same reading again finds every track and changes nothing (a track with no
        // ISRC, Spotify id or distributor id cannot be found again: it is new every time).
        const identified = reading.tracks.filter((t) => t.isrc !== null || t.spotifyTrackIds.length > 0 || Object.keys(t.distributorIds).length > 0);
        const again = planTrackMerge([...after.values()], identified, () => 'unexpected');
        expect(again.changed).toEqual([]);
        expect(again.idFor).toEqual(new Map(identified.map((t) => [t.id, plan.idFor.get(t.id)])));
      }),
      { numRuns: 300 },
    );
  });
});
