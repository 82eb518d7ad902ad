import { describe, expect, it } from 'vitest';
import { s4aTrackId, spotifyCsvImporter } from '../../../../core/sources/spotify/csv-import';
import { observationSchema, trackSchema } from '../../../../core/model/schema';
import type { History } from '../../../../core/model/history';
import { fixtureText } from './helpers';

const importedAt = '2026-03-31T09:15:00.000Z';
const TIMELINE = 'Harbour Lights-timeline.csv';
const SONGS = '3kXmZp7QvR2nLw9YtB4sHd-songs-1year.csv';
const AUDIENCE = '3kXmZp7QvR2nLw9YtB4sHd-audience-timeline.csv';

function valid(history: History): History {
  for (const track of history.tracks) expect(trackSchema.safeParse(track).success).toBe(true);
  for (const obs of history.observations) expect(observationSchema.safeParse(obs).success).toBe(true);
  return history;
}

describe('detect', () => {
  it.each([
    [TIMELINE, true],
    [SONGS, true],
    [AUDIENCE, true],
  ])('%s', (name, expected) => {
    expect(spotifyCsvImporter.detect(fixtureText(name), name)).toBe(expected);
  });
  it('needs the "-timeline" name for the generic date,streams header', () => {
    expect(spotifyCsvImporter.detect('date,streams\n2026-03-01,5\n', 'export.csv')).toBe(false);
  });
  it('does not claim other files', () => {
    expect(spotifyCsvImporter.detect('isrc,title,streams\n', 'report.csv')).toBe(false);
    expect(spotifyCsvImporter.detect('', 'x-timeline.csv')).toBe(false);
  });
});

describe('song timeline', () => {
  it('reads daily streams (BOM, CRLF), title from the file name', () => {
    const history = valid(spotifyCsvImporter.read(fixtureText(TIMELINE), TIMELINE, { importedAt }));
    expect(history.tracks).toEqual([{ id: 's4a:harbour-lights', isrc: null, title: 'Harbour Lights', artists: [], spotifyTrackIds: [], distributorIds: {} }]);
    expect(history.observations).toHaveLength(6);
    expect(history.observations[1]).toEqual({ track: 's4a:harbour-lights', source: 'spotify', store: 'spotify', metric: 'streams', day: '2026-03-25', value: 7040, observedAt: importedAt });
  });

  it('handles a directory path, a browser duplicate suffix and LF endings', () => {
    const text = 'date,streams\n2026-03-01,5\n\n';
    const history = spotifyCsvImporter.read(text, 'C:\\Downloads\\Café Tonight (feat. Mira)-timeline (2).csv', { importedAt });
    expect(history.tracks[0]).toMatchObject({ id: 's4a:cafe-tonight-feat-mira', title: 'Café Tonight (feat. Mira)' });
    expect(history.observations.map((o) => o.value)).toEqual([5]);
  });

  it('accepts an ISO midnight timestamp as the day', () => {
    const history = spotifyCsvImporter.read('date,streams\r\n2026-03-01T00:00:00Z,5\r\n', 'A-timeline.csv', { importedAt });
    expect(history.observations[0]?.day).toBe('2026-03-01');
  });

  it('does not store the import day itself (still running)', () => {
    const history = spotifyCsvImporter.read('date,streams\n2026-03-30,5\n2026-03-31,1\n', 'A-timeline.csv', { importedAt });
    expect(history.observations.map((o) => o.day)).toEqual(['2026-03-30']);
  });

  it.each([
    ['date,streams\n2026-03-01,1.2K\n', /A-timeline\.csv: row 2, column streams: "1\.2K" is not a whole number/],
    ['date,streams\n2026-03-01,5\n2026-03-02,\n', /row 3, column streams: "" is not a whole number/],
    ['date,streams\n2026-03-01,-3\n', /row 2, column streams: "-3"/],
    ['date,streams\n2026-03-01,12.5\n', /row 2, column streams: "12\.5"/],
    ['date,streams\n2025-02-30,5\n', /row 2, column date: "2025-02-30" is not a calendar day/],
    ['date,streams\n03/01/2026,5\n', /row 2, column date: "03\/01\/2026"/],
    ['date,streams\n2026-04-02,5\n', /row 2, column date: "2026-04-02" is after the import day/],
    ['date,streams\n2026-03-01,5\n2026-03-01,6\n', /row 3, column date: "2026-03-01" appears twice/],
    ['date,streams\n2026-03-01,5,7\n', /A-timeline\.csv: row 2: expected 2 columns, found 3/],
  ])('refuses a bad row: %j', (text, message) => {
    expect(() => spotifyCsvImporter.read(text, 'A-timeline.csv', { importedAt })).toThrow(message);
  });

  it('refuses an empty title and a non-canonical importedAt', () => {
    expect(() => spotifyCsvImporter.read('date,streams\n', '-timeline.csv', { importedAt })).toThrow(/title/);
    expect(() => spotifyCsvImporter.read('date,streams\n', 'A-timeline.csv', { importedAt: '2026-03-31' })).toThrow(/importedAt/);
  });
});

describe('songs table', () => {
  it('a 12-month table gives streams_12m and listeners_12m on windowEndDay', () => {
    const history = valid(spotifyCsvImporter.read(fixtureText(SONGS), SONGS, { importedAt, windowEndDay: '2026-03-29' }));
    expect(history.tracks.map((t) => [t.id, t.title])).toEqual([
      ['s4a:harbour-lights', 'Harbour Lights'],
      ['s4a:harbour-lights-acoustic', 'Harbour Lights - Acoustic'],
      ['s4a:cafe-tonight-feat-mira', 'Café Tonight (feat. Mira)'],
      ['s4a:tides-pt-2', 'Tides, Pt. 2'],
    ]);
    expect(history.observations).toContainEqual({ track: 's4a:harbour-lights', source: 'spotify', store: 'spotify', metric: 'streams_12m', day: '2026-03-29', value: 152340, observedAt: importedAt });
    expect(history.observations).toContainEqual(expect.objectContaining({ track: 's4a:tides-pt-2', metric: 'listeners_12m', value: 97 }));
    expect(history.observations).toHaveLength(8);
  });

  it('a 28-day table gives the 28-day metrics', () => {
    const name = SONGS.replace('1year', '28day');
    const history = spotifyCsvImporter.read(fixtureText(SONGS), name, { importedAt, windowEndDay: '2026-03-29' });
    expect(new Set(history.observations.map((o) => o.metric))).toEqual(new Set(['streams_28d', 'listeners_28d']));
  });

  it.each([
    [SONGS, {}, /does not say on which day its range ends; give windowEndDay/],
    [SONGS, { windowEndDay: '2026-02-30' }, /windowEndDay "2026-02-30" is not a calendar day/],
    [SONGS, { windowEndDay: '2026-03-31' }, /not a finished day/],
    [SONGS.replace('1year', '7day'), { windowEndDay: '2026-03-29' }, /7-day songs table has no matching metric/],
    [SONGS.replace('1year', 'alltime'), { windowEndDay: '2026-03-29' }, /range "alltime" has no matching metric/],
    ['songs.csv', { windowEndDay: '2026-03-29' }, /names its range only in the file name/],
  ])('refuses %s with %j', (name, extra, message) => {
    expect(() => spotifyCsvImporter.read(fixtureText(SONGS), name, { importedAt, ...extra })).toThrow(message);
  });

  it('refuses a bad count naming the row and column', () => {
    const bad = fixtureText(SONGS).replace('8911', '8.9K');
    expect(() => spotifyCsvImporter.read(bad, SONGS, { importedAt, windowEndDay: '2026-03-29' })).toThrow(`${SONGS}: row 3, column streams: "8.9K" is not a whole number ≥ 0`);
  });

  it('two songs with the same title (a single and a remix both called "Clap") are told apart by their release date', () => {
    const history = spotifyCsvImporter.read(fixtureText('recordings-1year.csv'), 'recordings-1year.csv', { importedAt, windowEndDay: '2026-03-29' });
    expect(history.tracks.map((track) => [track.id, track.title])).toEqual([['s4a:clap@2025-03-07', 'Clap'], ['s4a:clap@2025-09-19', 'Clap'], ['s4a:harbour-lights', 'Harbour Lights']]);
    expect(history.observations.filter((obs) => obs.metric === 'streams_12m').map((obs) => [obs.track, obs.value])).toEqual([['s4a:clap@2025-03-07', 3310], ['s4a:clap@2025-09-19', 702], ['s4a:harbour-lights', 152340]]);
    expect(history.tracks.every((track) => track.id.length <= 100)).toBe(true);
  });

  it('rows sharing both title and release date are left out, named in one line; the rest of the file is kept', () => {
    const history = spotifyCsvImporter.read(fixtureText('recordings-1year-same-release.csv'), 'recordings-1year.csv', { importedAt, windowEndDay: '2026-03-29' });
    expect(history.tracks.map((track) => track.id)).toEqual(['s4a:harbour-lights', 's4a:salt-roads']);
    expect(history.observations.filter((obs) => obs.metric === 'streams_12m').map((obs) => [obs.track, obs.value])).toEqual([['s4a:harbour-lights', 152340], ['s4a:salt-roads', 6120]]);
    // Neither "Clap" row is given the other's counts: nothing of either is stored.
    expect(history.observations.some((obs) => obs.value === 3310 || obs.value === 702 || obs.value === 1204 || obs.value === 388)).toBe(false);
    expect(history.refusedRows).toEqual(['rows 2, 3 ("Clap", released 2025-03-07) share title and release date and cannot be told apart: left out']);
  });

  it('titles equal after normalising count as the same title; a file of nothing but such rows is refused whole', () => {
    const dup = 'song,listeners,streams,saves,release_date\nIntro,1,2,0,2025-01-01\nINTRO!,3,4,0,2025-01-01\n';
    expect(() => spotifyCsvImporter.read(dup, SONGS, { importedAt, windowEndDay: '2026-03-29' })).toThrow(
      `${SONGS}: nothing to import: rows 2, 3 ("Intro", released 2025-01-01) share title and release date and cannot be told apart: left out`,
    );
    const three = 'song,listeners,streams,saves,release_date\nIntro,1,2,0,\nIntro,3,4,0,\nOutro,5,6,0,2025-01-01\nintro,7,8,0,\n';
    const history = spotifyCsvImporter.read(three, SONGS, { importedAt, windowEndDay: '2026-03-29' });
    expect(history.tracks.map((track) => track.title)).toEqual(['Outro']);
    expect(history.refusedRows).toEqual(['rows 2, 3, 5 ("Intro", without a release date) share title and release date and cannot be told apart: left out']);
  });

  it('a table without ambiguous rows says nothing was left out', () => {
    expect(spotifyCsvImporter.read(fixtureText('recordings-1year.csv'), 'recordings-1year.csv', { importedAt, windowEndDay: '2026-03-29' }).refusedRows).toBeUndefined();
  });

  it('the older recordings-all.csv is recognised, and refused with the reason: an all-time table has no window metric', () => {
    expect(spotifyCsvImporter.detect(fixtureText('recordings-all.csv'), 'recordings-all.csv')).toBe(true);
    expect(() => spotifyCsvImporter.read(fixtureText('recordings-all.csv'), 'recordings-all.csv', { importedAt, windowEndDay: '2026-03-29' })).toThrow(/all-time songs table has no matching metric.*download the 12-month table/);
  });
});

describe('audience timeline', () => {
  it('is recognised and refused politely: artist-level, not per-song', () => {
    expect(() => spotifyCsvImporter.read(fixtureText(AUDIENCE), AUDIENCE, { importedAt })).toThrow(/audience timeline \(all songs together\).*nothing is imported/);
  });

  it('the older header date,listeners,streams,followers (newest day first) is recognised the same way', () => {
    const older = '3kXmZp7QvR2nLw9YtB4sHd-audience-timeline-older.csv';
    expect(spotifyCsvImporter.detect(fixtureText(older), older)).toBe(true);
    expect(() => spotifyCsvImporter.read(fixtureText(older), older, { importedAt })).toThrow(/audience timeline \(all songs together\)/);
  });
});

describe('s4aTrackId', () => {
  it.each([
    ['Harbour Lights', 's4a:harbour-lights'],
    ['  Ünïcödé — Song!! ', 's4a:unicode-song'],
    ['夜に駆ける', 's4a:夜に駆ける'],
    ['???', 's4a:untitled-'],
  ])('%s', (title, prefix) => {
    expect(s4aTrackId(title).startsWith(prefix)).toBe(true);
  });
  it('stays within the 100-character id limit', () => {
    expect(s4aTrackId('a'.repeat(300)).length).toBeLessThanOrEqual(100);
    expect(s4aTrackId('😀x'.repeat(80)).length).toBeLessThanOrEqual(100);
  });
});
