import { describe, expect, it } from 'vitest';
import { latestReadTrack } from '../../../lib/site-reader';
import type { ReaderOutcome } from '../../../lib/reading-session';

const obs = (ref: string) => ({ ref, store: 'spotify', metric: 'streams' as const, day: '2026-03-03', value: 104 });
const ref = (fields: { ref: string; title: string; isrc?: string; distributorId?: string }) => ({ isrc: null, distributorId: null, spotifyTrackId: null, artists: [], ...fields });
const outcome = (tracks: ReaderOutcome['tracks'], observations: ReaderOutcome['observations']): ReaderOutcome => ({ kind: 'trends', recognised: true, reason: null, tracks, observations });

describe('latestReadTrack: the track a distributor page shows', () => {
  it('takes the latest reading with stored days, by ISRC first', () => {
    const older = outcome([ref({ ref: 'a', isrc: 'QZABC2600001', title: 'Harbour Lights' })], [obs('a')]);
    const newer = outcome([ref({ ref: 'b', isrc: 'QZABC2600002', distributorId: '77', title: 'Acoustic' })], [obs('b')]);
    expect(latestReadTrack([older, newer])).toEqual({ isrc: 'QZABC2600002' });
  });

  it('falls back to the dashboard’s own id, and skips readings whose tracks have no days', () => {
    const withDays = outcome([ref({ ref: 'a', distributorId: '4410', title: 'Harbour Lights' })], [obs('a')]);
    const listOnly = outcome([ref({ ref: 'b', isrc: 'QZABC2600002', title: 'Acoustic' })], []);
    expect(latestReadTrack([withDays, listOnly])).toEqual({ distributorId: '4410' });
    expect(latestReadTrack([listOnly])).toBeNull();
    expect(latestReadTrack([])).toBeNull();
  });
});
