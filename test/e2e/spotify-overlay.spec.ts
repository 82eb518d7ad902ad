import { test, expect } from './support/extension';
import { storedHistory } from './support/store-probe';
import { writeHistoryFile } from '../../core/history/write';
import type { History } from '../../core/model/history';
import { imusicianHistory } from './journeys/overlay';

const ARTIST = '3kXmZp7QvR2nLw9YtB4sHd';
const SONG_1 = '4uLU6hMCjMI75M1A2tKUQC';
const songUrl = (track: string) => `https://artists.spotify.com/c/artist/${ARTIST}/song/${track}/stats`;

// The overlay's days and reasons run in both browsers (journeys/overlay.ts); these are the
// Chromium-only details: linking, folding, the hint and text-only titles.
test('the overlay links the song to its recording and remembers being folded', async ({ context, openExtensionPage }) => {
  const probe = await openExtensionPage('options.html');
  const imported = await probe.evaluate(async (text) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime;
    return runtime.sendMessage({ type: 'ui:importHistory', payload: { fileName: 'imusician.json', text } });
  }, writeHistoryFile(imusicianHistory(), new Date('2026-04-10T10:00:00.000Z')));
  expect(imported.ok).toBe(true);

  const dashboard = await context.newPage();
  await dashboard.goto(songUrl(SONG_1));
  const overlay = dashboard.getByTestId('crosscount-overlay');
  await expect(overlay).toBeVisible();
  // The S4A track was linked to iMusician's recording by its unambiguous title.
  await expect(overlay.getByTestId('overlay-day').first()).toBeVisible();
  await expect(overlay).toContainText('Harbour Lights');
  const rows = overlay.getByTestId('overlay-day');
  await expect(rows).toHaveCount(14);
  await expect(overlay).toContainText('Filtered plays');
  await expect(overlay.getByText('Anomaly')).toBeVisible();
  await expect(overlay.getByTestId('overlay-eligibility')).toContainText('streams in the last 12 months, over the 1,000 royalty threshold');
  if (process.env.CROSSCOUNT_SCREENSHOTS) await dashboard.screenshot({ path: `${process.env.CROSSCOUNT_SCREENSHOTS}/s4a-overlay.png`, fullPage: true });

  const history = await storedHistory(probe);
  const linked = history.tracks.find((track) => track.isrc === 'CHA012400001');
  expect(linked?.spotifyTrackIds).toEqual([SONG_1]);
  expect(history.tracks.filter((track) => track.spotifyTrackIds.includes(SONG_1))).toHaveLength(1);

  // Beside the page's own chart (which the app renders after the panel first appears), not in a corner.
  await expect
    .poll(() => dashboard.evaluate(() => document.querySelector('crosscount-overlay')?.previousElementSibling?.getAttribute('data-slo-id') ?? null))
    .toBe('song-timeline');

  // The anomaly's evidence action opens the history page on this recording.
  const [historyTab] = await Promise.all([context.waitForEvent('page'), overlay.getByTestId('overlay-evidence').first().click()]);
  await historyTab.waitForLoadState();
  expect(historyTab.url()).toContain(`options.html#track=${linked!.id}`);
  await expect(historyTab.getByRole('heading', { name: 'Harbour Lights' }).first()).toBeVisible();

  // Folding the panel away is remembered on the next page.
  await overlay.getByRole('button', { name: 'Hide' }).click();
  await expect(overlay.getByTestId('overlay-day')).toHaveCount(0);
  await dashboard.reload();
  await expect(dashboard.getByTestId('crosscount-overlay').getByRole('button', { name: 'Show' })).toBeVisible();
  // A second visit reads nothing new; the panel still moves beside the chart once it exists.
  await expect
    .poll(() => dashboard.evaluate(() => document.querySelector('crosscount-overlay')?.previousElementSibling?.getAttribute('data-slo-id') ?? null))
    .toBe('song-timeline');
});

test('a song without distributor data says which page to visit', async ({ context }) => {
  const dashboard = await context.newPage();
  await dashboard.goto(songUrl(SONG_1));
  await expect(dashboard.getByTestId('overlay-hint')).toContainText("No distributor data for this song yet: open this song's Trends page in iMusician, or import your distributor's report");
});

test('a scraped title with markup is shown as text', async ({ context, openExtensionPage }) => {
  const probe = await openExtensionPage('options.html');
  const hostile: History = {
    tracks: [{ id: 't-x', isrc: null, title: '<img src=x onerror="window.__pwned=1">', artists: [], spotifyTrackIds: [SONG_1], distributorIds: {} }],
    observations: [{ track: 't-x', source: 'spotify', store: 'spotify', metric: 'streams', day: '2026-03-01', value: 10, observedAt: '2026-03-02T08:00:00.000Z' }],
  };
  await probe.evaluate(async (text) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
    return runtime.sendMessage({ type: 'ui:importHistory', payload: { fileName: 'x.json', text } });
  }, writeHistoryFile(hostile, new Date('2026-04-10T10:00:00.000Z')));
  const dashboard = await context.newPage();
  await dashboard.goto(songUrl(SONG_1));
  const overlay = dashboard.getByTestId('crosscount-overlay');
  await expect(overlay).toContainText('<img src=x onerror="window.__pwned=1">');
  expect(await dashboard.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await overlay.locator('img').count()).toBe(0);
});

test('the songs list shows a small eligibility badge beside the songs Crosscount knows, and the panel follows navigation', async ({ context }) => {
  const dashboard = await context.newPage();
  await dashboard.goto(songUrl(SONG_1));
  await expect(dashboard.getByTestId('crosscount-overlay')).toBeVisible();
  await dashboard.getByTestId('nav-songs').click();
  await expect(dashboard.getByTestId('songs-table')).toBeVisible();
  const badge = dashboard.getByTestId('crosscount-badge');
  // Harbour Lights was read (27 days, 6,7xx streams): over 1,000. The acoustic version was not.
  await expect(badge).toHaveCount(1);
  await expect(badge).toContainText('Earning');
  await expect(dashboard.getByTestId('songs-table').locator('tr').filter({ hasText: 'Harbour Lights' }).first()).toContainText('Earning');
  // Leaving the list removes the badges, and the panel follows the in-app navigation to the
  // new song (the Navigation API announces it before the address changes).
  await dashboard.getByTestId('nav-song-2').click();
  await expect(badge).toHaveCount(0);
  await expect(dashboard.getByTestId('crosscount-overlay')).toContainText('Harbour Lights - Acoustic');
});

test("leaving a song page at once still stores what it read (the visit's batch is sent on pagehide)", async ({ context, openExtensionPage }) => {
  const probe = await openExtensionPage('options.html');
  const dashboard = await context.newPage();
  await dashboard.goto(songUrl(SONG_1));
  // The page's data has arrived and been parsed; the reading would wait 0.4 s for more.
  await expect(dashboard.getByTestId('song-stats')).toBeVisible();
  await dashboard.goto('https://artists.spotify.com/c/artist/3kXmZp7QvR2nLw9YtB4sHd/music/songs');
  await expect
    .poll(async () => (await storedHistory(probe)).observations.filter((obs) => obs.source === 'spotify' && obs.metric === 'streams').length, { timeout: 5000 })
    .toBe(27);
});
