import { test, expect } from './support/extension';
import { storedHistory } from './support/store-probe';

const SONG = 'https://artists.spotify.com/c/artist/3kXmZp7QvR2nLw9YtB4sHd/song/4uLU6hMCjMI75M1A2tKUQC/stats';
const TRENDS = 'https://www.imusician.pro/app/analytics/trends';

test("iMusician's trends are read and stored, and its overlay puts Spotify for Artists' count beside them", async ({ context, openExtensionPage }) => {
  const probe = await openExtensionPage('options.html');
  const spotify = await context.newPage();
  await spotify.goto(SONG);
  await expect(spotify.getByTestId('crosscount-overlay')).toBeVisible();

  const trends = await context.newPage();
  await trends.goto(TRENDS);
  await expect(trends.getByTestId('trends')).toBeVisible();

  // Stored under iMusician's source, Spotify store (the request filters on Spotify), with the ISRC.
  await expect
    .poll(async () => (await storedHistory(probe)).observations.filter((obs) => obs.source === 'imusician').length)
    .toBe(27);
  const history = await storedHistory(probe);
  const recording = history.tracks.find((track) => track.isrc === 'CHA012400001');
  expect(recording).toMatchObject({ title: 'Harbour Lights', distributorIds: { imusician: '4711' }, spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'] });
  const incident = history.observations.find((obs) => obs.source === 'imusician' && obs.day === '2026-03-20');
  expect(incident).toMatchObject({ store: 'spotify', metric: 'streams', value: 94, track: recording!.id });

  const overlay = trends.getByTestId('crosscount-overlay');
  await expect(overlay.getByTestId('overlay-day').first()).toBeVisible();
  await expect(overlay.getByTestId('overlay-day')).toHaveCount(14);
  const incidentRow = overlay.getByTestId('overlay-day').filter({ hasText: 'Mar 20' });
  await expect(incidentRow).toContainText('229');
  await expect(incidentRow).toContainText('94');
  await expect(incidentRow).toContainText('Anomaly');
  await expect(overlay).toContainText('Filtered plays');
});
