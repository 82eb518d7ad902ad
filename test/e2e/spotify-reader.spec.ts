import { test, expect } from './support/extension';
import { dailyValues, storedHistory } from './support/store-probe';

const ARTIST = '3kXmZp7QvR2nLw9YtB4sHd';
const SONG_1 = '4uLU6hMCjMI75M1A2tKUQC';
const SONG_2 = '7ouMYWpwJ422jRcDASZB7P';
const songUrl = (track: string) => `https://artists.spotify.com/c/artist/${ARTIST}/song/${track}/stats`;

test('reads the song stats the page loads, and the next song after in-page navigation', async ({ context, openExtensionPage }) => {
  const dashboard = await context.newPage();
  await dashboard.goto(songUrl(SONG_1));
  await expect(dashboard.getByTestId('song-stats')).toContainText('Harbour Lights');
  const probe = await openExtensionPage('options.html');

  await expect.poll(async () => Object.keys(dailyValues(await storedHistory(probe), SONG_1)).length).toBe(27);
  let history = await storedHistory(probe);
  const song1 = dailyValues(history, SONG_1);
  // Values from test/fixtures/pages/spotify/api/stats-4uLU….json; 2026-03-30 is after
  // latestDate (2026-03-29) and not final, so it is not stored.
  expect(song1['2026-03-03']).toBe(256);
  expect(song1['2026-03-29']).toBeDefined();
  expect(song1['2026-03-30']).toBeUndefined();
  expect(Object.keys(dailyValues(history, SONG_1, 'listeners'))).toHaveLength(27);
  expect(history.tracks.find((track) => track.spotifyTrackIds.includes(SONG_1))?.title).toBe('Harbour Lights');

  await dashboard.getByTestId('nav-song-2').click();
  await expect(dashboard.getByTestId('song-stats')).toContainText('Acoustic');
  await expect.poll(async () => Object.keys(dailyValues(await storedHistory(probe), SONG_2)).length).toBe(27);
  history = await storedHistory(probe);
  expect(dailyValues(history, SONG_2)['2026-03-03']).toBe(33);

  // Visiting again changes nothing: unchanged re-reads add no revisions.
  const before = history.observations.length;
  await dashboard.goto(songUrl(SONG_1));
  await expect(dashboard.getByTestId('song-stats')).toContainText('Harbour Lights');
  await dashboard.waitForTimeout(1500);
  expect((await storedHistory(probe)).observations.length).toBe(before);
});

test('forged and oversized page messages store nothing', async ({ context, openExtensionPage }) => {
  const dashboard = await context.newPage();
  await dashboard.goto(`https://artists.spotify.com/c/artist/${ARTIST}/music/songs`);
  const probe = await openExtensionPage('options.html');
  await dashboard.evaluate(
    ({ artist, track }) => {
      const channel = 'crosscount:spotify:v1';
      const statsUrl = `https://generic.wg.spotify.com/song-stats-view/v1/artist/${artist}/recording/${track}/stats?country=&fromDate=2026-01-01&toDate=2026-01-03`;
      const body = (y: string) => JSON.stringify({ streams: { current_period_timeseries: [{ x: '2026-01-01', y }] } });
      // Wrong data host, bad counts, not JSON, oversized, wrong channel, from another window.
      window.postMessage({ channel, url: `https://evil.example/song-stats-view/v1/artist/${artist}/recording/${track}/stats`, status: 200, body: body('5'), truncated: false }, location.origin);
      window.postMessage({ channel, url: statsUrl, status: 200, body: body('-3'), truncated: false }, location.origin);
      window.postMessage({ channel, url: statsUrl, status: 200, body: body('1.2K'), truncated: false }, location.origin);
      window.postMessage({ channel, url: statsUrl, status: 200, body: '{"streams": ', truncated: false }, location.origin);
      window.postMessage({ channel, url: statsUrl, status: 200, body: 'x'.repeat(5 * 1024 * 1024), truncated: false }, location.origin);
      window.postMessage({ channel, url: statsUrl, status: 200, body: null, truncated: true }, location.origin);
      window.postMessage({ channel: 'someone-else', url: statsUrl, status: 200, body: body('7'), truncated: false }, location.origin);
      window.postMessage({ channel, url: `https://generic.wg.spotify.com/unknown/path`, status: 200, body: body('9'), truncated: false }, location.origin);
    },
    { artist: ARTIST, track: SONG_1 },
  );
  await dashboard.waitForTimeout(2000);
  const history = await storedHistory(probe);
  expect(history.observations).toEqual([]);
  // Only the songs the page's own catalog response named (its navigation loads it).
  expect(history.tracks.map((track) => track.title).sort()).toEqual(['Harbour Lights', 'Harbour Lights - Acoustic']);
});
