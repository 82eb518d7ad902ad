import { test, expect } from './support/extension';

const SONG_STATS = 'https://artists.spotify.com/c/artist/3kXmZp7QvR2nLw9YtB4sHd/song/4uLU6hMCjMI75M1A2tKUQC/stats';

test('a visit to Spotify for Artists reaches the store and shows on the history page', async ({ context, openExtensionPage }) => {
  const page = await context.newPage();
  await page.goto(SONG_STATS);
  await expect(page.getByTestId('song-stats')).toBeVisible();
  const history = await openExtensionPage('options.html');
  await expect(async () => {
    await history.reload();
    await expect(history.getByTestId('readings')).toContainText('/c/artist/3kXmZp7QvR2nLw9YtB4sHd/song/4uLU6hMCjMI75M1A2tKUQC/stats', { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
});
