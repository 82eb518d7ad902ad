import { afterEach, describe, expect, it } from 'vitest';
import { revisionAsOf, groupRevisions, seriesKey } from '../../../core/model/revisions';
import type { History } from '../../../core/model/history';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { MAX_STORED_READINGS, type Store } from '../../../core/store';
import { SETTINGS, SETTINGS_KEY } from '../../../core/store/schema';
import { openDatabase } from '../../../core/store/open';
import { MIGRATIONS } from '../../../core/store/migrations';
import { byKey, freshFactory, freshStore, imusicianReading, obs, s4aReading, track } from './fixtures';
import { message } from '../../../core/i18n/typed';

let store: Store | undefined;
afterEach(() => store?.close());

async function open(): Promise<Store> {
  store = await freshStore();
  return store;
}

describe('ingestReading', () => {
  it('stores a 28-day reading of three songs: tracks, 28 daily values and a 28-day total each', async () => {
    const s = await open();
    const reading = s4aReading();
    expect(await s.ingestReading(reading, { refused: null })).toEqual({ added: 87, unchanged: 0 });

    const history = await s.getHistory();
    expect(history.tracks.map((t) => t.title).sort()).toEqual(['Harbour Lights', 'Late Train (Acoustic)', 'Paper Boats']);
    const harbour = history.tracks.find((t) => t.isrc === 'CHA012400001')!;
    expect(harbour).toMatchObject({ spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], artists: ['Lake Avenue'], distributorIds: {} });
    expect(harbour).not.toHaveProperty('identityKeys');
    expect(history.observations).toHaveLength(87);
    const mine = await s.getTrackObservations(harbour.id);
    expect(mine).toHaveLength(29);
    expect(mine.every((o) => o.track === harbour.id && o.source === 'spotify' && o.observedAt === '2025-04-01T08:00:00.000Z')).toBe(true);
    expect(mine.find((o) => o.day === '2025-03-31' && o.metric === 'streams')!.value).toBe(reading.observations.find((o) => o.ref === 'r-harbour' && o.day === '2025-03-31' && o.metric === 'streams')!.value);
  });

  it('a second read with the same values adds nothing', async () => {
    const s = await open();
    await s.ingestReading(s4aReading(), { refused: null });
    const again = s4aReading({ readAt: '2025-04-01T20:15:00.000Z', id: 'later-visit' });
    // The evening read is for the same 28 days (it is still April 1st): all unchanged.
    expect(await s.ingestReading(again, { refused: null })).toEqual({ added: 0, unchanged: 87 });
    expect((await s.getHistory()).observations).toHaveLength(87);
  });

  it('a changed value adds a revision, and the value as of each time is what was read by then', async () => {
    const s = await open();
    await s.ingestReading(s4aReading(), { refused: null });
    // Offline plays synced: Paper Boats grew by 2 on every day (and so its 28-day total).
    const revised = s4aReading({ readAt: '2025-04-01T20:15:00.000Z', id: 'later-visit', bumpRef: 'r-paper', bump: 2 });
    expect(await s.ingestReading(revised, { refused: null })).toEqual({ added: 29, unchanged: 58 });

    const { tracks, observations } = await s.getHistory();
    const paper = tracks.find((t) => t.title === 'Paper Boats')!;
    const series = groupRevisions(observations).get(seriesKey({ track: paper.id, source: 'spotify', store: 'spotify', metric: 'streams', day: '2025-03-30' }))!;
    expect(series.map((o) => o.value)).toEqual([series[0]!.value, series[0]!.value + 2]);
    expect(revisionAsOf(series, '2025-04-01T12:00:00.000Z')!.value).toBe(series[0]!.value);
    expect(revisionAsOf(series, '2025-04-02T00:00:00.000Z')!.value).toBe(series[0]!.value + 2);
  });

  it('a resent reading (same id) adds nothing and is recorded once', async () => {
    const s = await open();
    const reading = s4aReading();
    await s.ingestReading(reading, { refused: null });
    // Even with different content under the same id: the id is what makes it a resend.
    const resent = s4aReading({ bumpRef: 'r-harbour', bump: 50 });
    expect(resent.id).toBe(reading.id);
    expect(await s.ingestReading(resent, { refused: null })).toEqual({ added: 0, unchanged: 87 });
    expect((await s.getHistory()).observations).toHaveLength(87);
    expect(await s.listReadings(10)).toHaveLength(1);
  });

  it('records a refused reading with its reason and stores none of its data', async () => {
    const s = await open();
    const reason = message('refusedPrivateWindow', { setting: { text: message('settingsPrivate') } });
    expect(await s.ingestReading(s4aReading(), { refused: reason })).toEqual({ added: 0, unchanged: 0 });
    expect(await s.getHistory()).toEqual({ tracks: [], observations: [] });
    const [record] = await s.listReadings(10);
    expect(record).toMatchObject({ refused: reason, observationCount: 87, addedCount: 0, site: 'spotify', status: 'recognised' });
  });

  it('matches a distributor reading to nothing it cannot prove, and later an S4A track by its distributor id', async () => {
    const s = await open();
    await s.ingestReading(s4aReading(), { refused: null });
    // The trends page shows only iMusician's own id: a new track, not a guess by title.
    const result = await s.ingestReading(imusicianReading(), { refused: null });
    expect(result).toEqual({ added: 7, unchanged: 0 });
    const history = await s.getHistory();
    expect(history.tracks).toHaveLength(4);
    const distributorTrack = history.tracks.find((t) => t.distributorIds.imusician === '884211')!;
    expect(distributorTrack.isrc).toBeNull();
    expect(history.observations.filter((o) => o.source === 'imusician').every((o) => o.track === distributorTrack.id)).toBe(true);

    // A later release-page reading shows both the ISRC and the distributor id: the track with
    // that ISRC wins (ISRC first) and gains the distributor id. Stored tracks are never merged
    // with each other, so the distributor-only track stays as it was.
    const linking = s4aReading({ id: 'release-page', readAt: '2025-04-03T10:00:00.000Z' });
    const harbourRef = linking.tracks.find((t) => t.ref === 'r-harbour')!;
    harbourRef.distributorId = '884211';
    linking.site = 'imusician';
    linking.observations = [];
    await s.ingestReading(linking, { refused: null });
    const after = await s.getHistory();
    const harbour = after.tracks.find((t) => t.isrc === 'CHA012400001')!;
    expect(harbour.distributorIds).toEqual({ imusician: '884211' });
    expect(after.tracks.find((t) => t.id === distributorTrack.id)).toEqual(distributorTrack);
  });

  it('refuses a reading that names an unknown track ref, storing nothing', async () => {
    const s = await open();
    const reading = s4aReading();
    reading.observations[40] = { ...reading.observations[40]!, ref: 'r-nowhere' };
    await expect(s.ingestReading(reading, { refused: null })).rejects.toThrow('observations[40].ref: "r-nowhere" names no track in the reading');
    expect(await s.getHistory()).toEqual({ tracks: [], observations: [] });
    expect(await s.listReadings(10)).toEqual([]);
  });

  it('leaves out tracks with nothing to match them by, but records the reading', async () => {
    const s = await open();
    const reading = s4aReading();
    reading.tracks[2] = { ...reading.tracks[2]!, spotifyTrackId: null, isrc: null };
    expect(await s.ingestReading(reading, { refused: null })).toEqual({ added: 58, unchanged: 0 });
    expect((await s.getHistory()).tracks).toHaveLength(2);
    expect((await s.listReadings(1))[0]).toMatchObject({ observationCount: 87, addedCount: 58 });
  });

  it('lists readings newest first and keeps only the latest ones', async () => {
    const s = await open();
    const base = Date.parse('2025-04-01T08:00:00.000Z');
    const readings = Array.from({ length: MAX_STORED_READINGS + 5 }, (_, i) => ({
      ...s4aReading(),
      id: `visit-${String(i).padStart(5, '0')}`,
      readAt: new Date(base + i * 60_000).toISOString(),
      tracks: [],
      observations: [],
    }));
    for (const reading of readings) await s.ingestReading(reading, { refused: null });
    const listed = await s.listReadings(MAX_STORED_READINGS + 100);
    expect(listed).toHaveLength(MAX_STORED_READINGS);
    expect(listed[0]!.id).toBe(`visit-${String(MAX_STORED_READINGS + 4).padStart(5, '0')}`);
    expect(listed.at(-1)!.id).toBe('visit-00005');
    expect((await s.listReadings(3)).map((r) => r.id)).toEqual(['visit-01004', 'visit-01003', 'visit-01002']);
  });
});

const harbourFromFile = track({
  id: 't-7f3a',
  isrc: 'CHA012400001',
  title: 'Harbour Lights',
  artists: ['Lake Avenue'],
  spotifyTrackIds: [],
  distributorIds: { imusician: '884211' },
});

describe('importHistory', () => {
  it('imports into an empty store keeping the file’s track ids', async () => {
    const s = await open();
    const history: History = {
      tracks: [harbourFromFile],
      observations: [
        obs({ track: 't-7f3a', source: 'imusician', day: '2025-01-31', metric: 'streams_month', value: 3870, observedAt: '2025-05-20T10:00:00.000Z' }),
        obs({ track: 't-7f3a', day: '2025-01-15', value: 131, observedAt: '2025-01-16T07:00:00.000Z' }),
      ],
    };
    expect(await s.importHistory(history)).toEqual({ tracksAdded: 1, observationsAdded: 2, observationsUnchanged: 0 });
    const stored = await s.getHistory();
    expect(stored.tracks).toEqual([harbourFromFile]);
    expect(stored.observations.sort(byKey)).toEqual([...history.observations].sort(byKey));
    // Importing the same file again changes nothing.
    expect(await s.importHistory(history)).toEqual({ tracksAdded: 0, observationsAdded: 0, observationsUnchanged: 2 });
  });

  it('merges with stored tracks by ISRC and by Spotify id, moving observations to the stored ids', async () => {
    const s = await open();
    await s.ingestReading(s4aReading(), { refused: null });
    const before = await s.getHistory();
    const harbour = before.tracks.find((t) => t.isrc === 'CHA012400001')!;
    const lateTrain = before.tracks.find((t) => t.title === 'Late Train (Acoustic)')!;

    const file: History = {
      tracks: [
        harbourFromFile,
        // Known only by its Spotify id in the file, with its ISRC now known.
        track({ id: 't-b2', isrc: 'CHA012400003', title: 'Late Train (Acoustic)', spotifyTrackIds: ['7ouMYWpwJ422jRcDASZB7P'] }),
        track({ id: 't-c3', isrc: 'CHA012400009', title: 'Unreleased Demo', distributorIds: { imusician: '900001' } }),
      ],
      observations: [
        // Older reads from another computer, before the extension's first read.
        obs({ track: 't-7f3a', day: '2025-03-20', value: 1, observedAt: '2025-03-21T09:00:00.000Z' }),
        obs({ track: 't-b2', day: '2025-03-20', value: 2, observedAt: '2025-03-21T09:00:00.000Z' }),
        obs({ track: 't-c3', source: 'imusician', day: '2025-03-20', value: 3, observedAt: '2025-03-26T09:00:00.000Z' }),
      ],
    };
    expect(await s.importHistory(file)).toEqual({ tracksAdded: 1, observationsAdded: 3, observationsUnchanged: 0 });

    const after = await s.getHistory();
    expect(after.tracks).toHaveLength(4);
    expect(after.tracks.find((t) => t.id === harbour.id)).toMatchObject({ isrc: 'CHA012400001', distributorIds: { imusician: '884211' }, spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'] });
    expect(after.tracks.find((t) => t.id === lateTrain.id)).toMatchObject({ isrc: 'CHA012400003' });
    expect(after.tracks.find((t) => t.id === 't-c3')).toMatchObject({ title: 'Unreleased Demo' });
    const march20 = (trackId: string) => after.observations.filter((o) => o.track === trackId && o.day === '2025-03-20' && o.metric === 'streams').map((o) => [o.observedAt, o.value]);
    // S4A's value read on April 1 follows the imported early read as a revision.
    expect(march20(harbour.id)[0]).toEqual(['2025-03-21T09:00:00.000Z', 1]);
    expect(march20(harbour.id)).toHaveLength(2);
    expect(march20(lateTrain.id)[0]).toEqual(['2025-03-21T09:00:00.000Z', 2]);
  });

  it('an old file read with the same value as a later read removes the later one (normal form)', async () => {
    const s = await open();
    await s.ingestReading(s4aReading(), { refused: null });
    const { tracks, observations } = await s.getHistory();
    const harbour = tracks.find((t) => t.isrc === 'CHA012400001')!;
    const april1 = observations.find((o) => o.track === harbour.id && o.day === '2025-03-20' && o.metric === 'streams')!;
    const file: History = {
      tracks: [harbourFromFile],
      observations: [obs({ track: 't-7f3a', day: '2025-03-20', value: april1.value, observedAt: '2025-03-25T09:00:00.000Z' })],
    };
    expect(await s.importHistory(file)).toMatchObject({ observationsAdded: 1 });
    const series = (await s.getTrackObservations(harbour.id)).filter((o) => o.day === '2025-03-20' && o.metric === 'streams');
    expect(series).toEqual([{ ...april1, observedAt: '2025-03-25T09:00:00.000Z' }]);
  });

  it('refuses a file whose observation names no track, changing nothing', async () => {
    const s = await open();
    await s.ingestReading(s4aReading(), { refused: null });
    const before = await s.getHistory();
    const file: History = {
      tracks: [harbourFromFile],
      observations: [obs({ track: 't-7f3a', day: '2025-01-01', value: 4, observedAt: '2025-01-02T00:00:00.000Z' }), obs({ track: 't-ghost', day: '2025-01-01', value: 4, observedAt: '2025-01-02T00:00:00.000Z' })],
    };
    await expect(s.importHistory(file)).rejects.toThrow('observations[1].track: "t-ghost" names no track');
    expect(await s.getHistory()).toEqual(before);
  });
});

describe('settings', () => {
  it('are the defaults when nothing is stored', async () => {
    const s = await open();
    expect(await s.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('changes only the fields given, and keeps them', async () => {
    const s = await open();
    expect(await s.setSettings({ settleDays: 7 })).toEqual({ ...DEFAULT_SETTINGS, settleDays: 7 });
    expect(await s.setSettings({ readInPrivateWindows: true })).toEqual({ ...DEFAULT_SETTINGS, settleDays: 7, readInPrivateWindows: true });
    expect(await s.getSettings()).toEqual({ ...DEFAULT_SETTINGS, settleDays: 7, readInPrivateWindows: true });
  });

  it('refuses an invalid change', async () => {
    const s = await open();
    await expect(s.setSettings({ settleDays: 0 })).rejects.toThrow(/^Settings not saved: settleDays: /);
    expect(await s.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('fills in defaults for an old or damaged record, keeping its valid fields', async () => {
    const factory = freshFactory();
    const db = await openDatabase({ factory, name: 'crosscount', migrations: MIGRATIONS });
    // An older version stored only settleDays; a bug wrote a string into another field.
    await db.put(SETTINGS, { settleDays: 9, assumedListenerMinimum: 'lots', retired: true }, SETTINGS_KEY);
    db.close();
    const { openStore } = await import('../../../core/store');
    store = await openStore({ factory });
    expect(await store.getSettings()).toEqual({ ...DEFAULT_SETTINGS, settleDays: 9 });
  });
});

describe('deleteAll', () => {
  it('removes tracks, observations, readings and settings', async () => {
    const s = await open();
    await s.ingestReading(s4aReading(), { refused: null });
    await s.setSettings({ settleDays: 8 });
    await s.deleteAll();
    expect(await s.getHistory()).toEqual({ tracks: [], observations: [] });
    expect(await s.listReadings(10)).toEqual([]);
    expect(await s.getSettings()).toEqual(DEFAULT_SETTINGS);
    // And the store keeps working: the same reading id may be stored again.
    expect(await s.ingestReading(s4aReading(), { refused: null })).toEqual({ added: 87, unchanged: 0 });
  });
});
