import { test, expect } from './support/extension';
import { storedHistory } from './support/store-probe';
import { writeHistoryFile } from '../../core/history/write';
import type { History } from '../../core/model/history';
import { imusicianHistory } from './journeys/overlay';
import { chromiumTab } from './drivers/chromium';

const ARTIST = '3kXmZp7QvR2nLw9YtB4sHd';
const SONG_1 = '4uLU6hMCjMI75M1A2tKUQC';
const songUrl = (track: string) => `https://artists.spotify.com/c/artist/${ARTIST}/song/${track}/stats`;

// The overlay's days and reasons run in both browsers (journeys/overlay.ts); these are the
// Chromium-only details: linking, folding, the hint and text-only titles. The panels live in
// closed shadow roots, which Playwright's locators cannot enter: they are read through the
// journey driver's tab (drivers/closed-roots.ts, over DevTools), never through the page.
test('the overlay links the song to its recording and remembers being folded', async ({ context, openExtensionPage }) => {
  const probe = await openExtensionPage('options.html');
  const imported = await probe.evaluate(async (text) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime;
    return runtime.sendMessage({ type: 'ui:importHistory', payload: { fileName: 'imusician.json', text } });
  }, writeHistoryFile(imusicianHistory(), new Date('2026-04-10T10:00:00.000Z')));
  expect(imported.ok).toBe(true);

  const dashboard = await context.newPage();
  await dashboard.goto(songUrl(SONG_1));
  const tab = chromiumTab(context, dashboard);
  // The S4A track was linked to iMusician's recording by its unambiguous title.
  await tab.waitFor({ testId: 'overlay-day' });
  await tab.waitFor({ testId: 'crosscount-overlay', text: 'Harbour Lights' });
  expect(await tab.count({ testId: 'overlay-day' })).toBe(14);
  await tab.waitFor({ testId: 'crosscount-overlay', text: 'Filtered plays' });
  await tab.waitFor({ testId: 'crosscount-overlay', text: 'Anomaly' });
  expect(await tab.waitFor({ testId: 'overlay-eligibility' })).toContain('streams in the last 12 months, over the 1,000 royalty threshold');
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
  const [historyTab] = await Promise.all([context.waitForEvent('page'), tab.click('overlay-evidence')]);
  await historyTab.waitForLoadState();
  expect(historyTab.url()).toContain(`options.html#track=${linked!.id}`);
  await expect(historyTab.getByRole('heading', { name: 'Harbour Lights' }).first()).toBeVisible();

  // Folding the panel away is remembered on the next page.
  expect(await tab.waitFor({ testId: 'overlay-toggle' })).toBe('Hide');
  await tab.click('overlay-toggle');
  await expect.poll(() => tab.count({ testId: 'overlay-day' })).toBe(0);
  await dashboard.reload();
  expect(await tab.waitFor({ testId: 'overlay-toggle', text: 'Show' })).toBe('Show');
  // A second visit reads nothing new; the panel still moves beside the chart once it exists.
  await expect
    .poll(() => dashboard.evaluate(() => document.querySelector('crosscount-overlay')?.previousElementSibling?.getAttribute('data-slo-id') ?? null))
    .toBe('song-timeline');
});

test('a song without distributor data says which page to visit', async ({ context }) => {
  const dashboard = await context.newPage();
  await dashboard.goto(songUrl(SONG_1));
  expect(await chromiumTab(context, dashboard).waitFor({ testId: 'overlay-hint' })).toContain('No iMusician data for this song yet');
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
  const tab = chromiumTab(context, dashboard);
  await tab.waitFor({ testId: 'crosscount-overlay', text: '<img src=x onerror="window.__pwned=1">' });
  expect(await dashboard.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await tab.count({ selector: '.cc-overlay img' })).toBe(0);
});

test('the songs list shows a small eligibility badge beside the songs Crosscount knows, and the panel follows navigation', async ({ context }) => {
  const dashboard = await context.newPage();
  await dashboard.goto(songUrl(SONG_1));
  const tab = chromiumTab(context, dashboard);
  await tab.waitFor({ testId: 'crosscount-overlay' });
  await dashboard.getByTestId('nav-songs').click();
  await expect(dashboard.getByTestId('songs-table')).toBeVisible();
  // Harbour Lights was read (27 days, 6,7xx streams): over 1,000. The acoustic version was not.
  // The badge's host carries the test id; its text is in its closed root.
  await expect.poll(() => dashboard.getByTestId('crosscount-badge').count()).toBe(1);
  await tab.waitFor({ text: 'Earning' });
  // Its root is closed: the page's scripts see an empty host.
  expect(await dashboard.evaluate(() => { const host = document.querySelector('crosscount-badge'); return [host?.shadowRoot ?? null, host?.textContent, document.body.innerText.includes('Earning')]; })).toEqual([null, '', false]);
  expect(await dashboard.evaluate(() => document.querySelector('crosscount-badge')?.closest('tr')?.textContent ?? '')).toContain('Harbour Lights');
  // Leaving the list removes the badges, and the panel follows the in-app navigation to the
  // new song (the Navigation API announces it before the address changes).
  await dashboard.getByTestId('nav-song-2').click();
  await expect.poll(() => dashboard.getByTestId('crosscount-badge').count()).toBe(0);
  await tab.waitFor({ testId: 'crosscount-overlay', text: 'Harbour Lights - Acoustic' });
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
