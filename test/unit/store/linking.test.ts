/**
 * Linking a Spotify for Artists track (no ISRC on that dashboard) to the recording a
 * distributor names by ISRC, by hand and by unambiguous title, and undoing it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { History } from '../../../core/model/history';
import type { Observation, Track } from '../../../core/model/schema';
import type { Store } from '../../../core/store';
import { freshStore } from './fixtures';

let store: Store | undefined;
afterEach(() => store?.close());

const S4A_TRACK: Track = { id: 's4a-1', isrc: null, title: 'Harbour Lights', artists: [], spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], distributorIds: {} };
const DIST_TRACK: Track = { id: 'im-1', isrc: 'CHA012400001', title: 'Harbour Lights', artists: ['Lake Avenue'], spotifyTrackIds: [], distributorIds: { imusician: '88213' } };
const OTHER: Track = { id: 'im-2', isrc: 'CHA012400002', title: 'Paper Boats', artists: ['Lake Avenue'], spotifyTrackIds: [], distributorIds: { imusician: '88214' } };

function day(track: string, source: string, dayOfMarch: number, value: number): Observation {
  const d = `2025-03-${String(dayOfMarch).padStart(2, '0')}`;
  return { track, source, store: 'spotify', metric: 'streams', day: d, value, observedAt: '2025-04-01T08:00:00.000Z' };
}

const HISTORY: History = {
  tracks: [S4A_TRACK, DIST_TRACK, OTHER],
  observations: [day('s4a-1', 'spotify', 1, 150), day('s4a-1', 'spotify', 2, 161), day('im-1', 'imusician', 1, 137), day('im-1', 'imusician', 2, 146), day('im-2', 'imusician', 1, 40)],
};

async function seeded(): Promise<Store> {
  store = await freshStore();
  await store.importHistory(HISTORY);
  return store;
}

function byTrack(history: History): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const obs of history.observations) (out[obs.track] ??= []).push(`${obs.source} ${obs.day} ${obs.value}`);
  return out;
}

describe('linkTrack', () => {
  it('merges the S4A track into the track with that ISRC, observations and identity together', async () => {
    const s = await seeded();
    expect(await s.linkTrack('s4a-1', 'CHA012400001')).toBe('im-1');
    const history = await s.getHistory();
    expect(history.tracks.map((track) => track.id).sort()).toEqual(['im-1', 'im-2']);
    expect(history.tracks.find((track) => track.id === 'im-1')).toMatchObject({ isrc: 'CHA012400001', spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], distributorIds: { imusician: '88213' }, artists: ['Lake Avenue'] });
    expect(byTrack(history)['im-1']!.sort()).toEqual(['imusician 2025-03-01 137', 'imusician 2025-03-02 146', 'spotify 2025-03-01 150', 'spotify 2025-03-02 161']);
    expect(await s.findTrack('spotify:4uLU6hMCjMI75M1A2tKUQC')).toMatchObject({ id: 'im-1' });
  });

  it('keeps a second release at the distributor (one ISRC, another iMusician id) apart, also when the S4A song is linked', async () => {
    const s = await seeded();
    const albumRelease: Track = { ...DIST_TRACK, id: 'im-3', distributorIds: { imusician: '88990' } };
    await s.importHistory({ tracks: [albumRelease], observations: [day('im-3', 'imusician', 1, 22), day('im-3', 'imusician', 2, 25)] });
    expect((await s.getHistory()).tracks.filter((track) => track.isrc === 'CHA012400001').map((track) => track.distributorIds.imusician).sort()).toEqual(['88213', '88990']);
    const joined = await s.linkTrack('s4a-1', 'CHA012400001');
    const history = await s.getHistory();
    // The S4A song joins one release; the two releases stay two tracks, every day kept.
    expect(history.tracks.filter((track) => track.isrc === 'CHA012400001')).toHaveLength(2);
    const all = Object.values(byTrack(history)).flat().sort();
    expect(all).toEqual(['imusician 2025-03-01 137', 'imusician 2025-03-01 22', 'imusician 2025-03-01 40', 'imusician 2025-03-02 146', 'imusician 2025-03-02 25', 'spotify 2025-03-01 150', 'spotify 2025-03-02 161']);
    expect(byTrack(history)[joined]).toContain('spotify 2025-03-01 150');
  });

  it('links a second Spotify song of the recording (the album version) as a song of its own: no series merges', async () => {
    const s = await seeded();
    await s.linkTrack('s4a-1', 'CHA012400001');
    const album: Track = { id: 's4a-2', isrc: null, title: 'Harbour Lights', artists: [], spotifyTrackIds: ['1Xy2Zw3Vu4Ts5Rq6Po7Nm8'], distributorIds: {} };
    await s.importHistory({ tracks: [album], observations: [day('s4a-2', 'spotify', 1, 40), day('s4a-2', 'spotify', 2, 38)] });
    expect(await s.linkTrack('s4a-2', 'CHA012400001')).toBe('s4a-2');
    const history = await s.getHistory();
    expect(history.tracks.filter((track) => track.isrc === 'CHA012400001').map((track) => track.id).sort()).toEqual(['im-1', 's4a-2']);
    // Both songs' days are kept, each in its own series: 150 + 40 on March 1st, not one of them.
    expect(byTrack(history)['im-1']!.sort()).toEqual(['imusician 2025-03-01 137', 'imusician 2025-03-02 146', 'spotify 2025-03-01 150', 'spotify 2025-03-02 161']);
    expect(byTrack(history)['s4a-2']!.sort()).toEqual(['spotify 2025-03-01 40', 'spotify 2025-03-02 38']);
  });

  it('gives the ISRC to the track when no other track has it', async () => {
    const s = await seeded();
    expect(await s.linkTrack('s4a-1', 'CHA012400009')).toBe('s4a-1');
    expect((await s.findTrack('isrc:CHA012400009'))?.id).toBe('s4a-1');
  });

  it('refuses to relink a track that has another ISRC, and changes nothing', async () => {
    const s = await seeded();
    const before = await s.getHistory();
    await expect(s.linkTrack('im-2', 'CHA012400001')).rejects.toThrow(/already has the ISRC CHA012400002/);
    expect(await s.getHistory()).toEqual(before);
  });
});

describe('unlinkSpotify', () => {
  it('splits S4A back out, with its observations, and title matching leaves it alone afterwards', async () => {
    const s = await seeded();
    await s.linkTrack('s4a-1', 'CHA012400001');
    const spotifyId = await s.unlinkSpotify('im-1');
    const history = await s.getHistory();
    expect(history.tracks.find((track) => track.id === spotifyId)).toMatchObject({ isrc: null, spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], title: 'Harbour Lights' });
    expect(history.tracks.find((track) => track.id === 'im-1')).toMatchObject({ spotifyTrackIds: [] });
    expect(byTrack(history)[spotifyId]!.sort()).toEqual(['spotify 2025-03-01 150', 'spotify 2025-03-02 161']);
    expect(byTrack(history)['im-1']!.sort()).toEqual(['imusician 2025-03-01 137', 'imusician 2025-03-02 146']);
    expect(await s.autoLink()).toBe(0);
  });
});

describe('autoLink', () => {
  it('links by unambiguous title, and only those', async () => {
    const s = await seeded();
    expect(await s.autoLink()).toBe(1);
    const history = await s.getHistory();
    expect(history.tracks.map((track) => track.id).sort()).toEqual(['im-1', 'im-2']);
    expect(await s.autoLink()).toBe(0);
  });

  it('does not link when two distributor recordings carry the same title', async () => {
    store = await freshStore();
    await store.importHistory({ ...HISTORY, tracks: [S4A_TRACK, DIST_TRACK, { ...OTHER, title: 'Harbour Lights' }] });
    expect(await store.autoLink()).toBe(0);
  });
});
