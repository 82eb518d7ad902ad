/**
 * The whole interface in German (docs/i18n.md): Chromium started in German, as an artist's
 * browser is, shows the overlay, the popup and the history page from the German catalog, with
 * German numbers ("1.000") and days. A string left in English fails here.
 */
import { writeHistoryFile } from '../../core/history/write';
import { demoHistory } from '../fixtures/ui/demo-history';
import { imusicianHistory } from './journeys/overlay';
import { expect, extensionWorker, launchChromiumWithExtension, test as base } from './support/extension';
import { chromiumTab } from './drivers/chromium';
import type { BrowserContext, Page } from '@playwright/test';

const ARTIST = '3kXmZp7QvR2nLw9YtB4sHd';
const SONG = '4uLU6hMCjMI75M1A2tKUQC';

const test = base.extend<{ context: BrowserContext }>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const launched = await launchChromiumWithExtension({ language: 'de' });
    await use(launched.context);
    await launched.close();
  },
});

async function importHistory(page: Page, fileName: string, text: string): Promise<void> {
  const reply = await page.evaluate(
    async ({ fileName, text }) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime;
      return runtime.sendMessage({ type: 'ui:importHistory', payload: { fileName, text } });
    },
    { fileName, text },
  );
  expect(reply.ok, reply.error).toBe(true);
}

test('overlay, popup and history page speak German, with German numbers and days', async ({ context }) => {
  const id = new URL((await extensionWorker(context)).url()).host;
  const open = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/${path}`);
    return page;
  };

  // A new artist's popup.
  const empty = await open('popup.html');
  await expect(empty.getByTestId('empty-state')).toContainText('Noch keine Aufnahmen');
  await expect(empty.getByTestId('empty-state')).toContainText('Öffne Spotify for Artists');
  await expect(empty.getByTestId('last-read')).toContainText('noch nicht gelesen');
  await expect(empty.getByRole('button', { name: 'Verlauf öffnen' })).toBeVisible();
  await empty.close();

  // The overlay on a Spotify for Artists song page.
  const probe = await open('options.html');
  await importHistory(probe, 'imusician.json', writeHistoryFile(imusicianHistory(), new Date('2026-04-10T10:00:00.000Z')));
  const dashboard = await context.newPage();
  await dashboard.goto(`https://artists.spotify.com/c/artist/${ARTIST}/song/${SONG}/stats`);
  // The panel is in a closed shadow root: read through the driver's tab (drivers/closed-roots.ts).
  const overlay = chromiumTab(context, dashboard);
  await overlay.waitFor({ testId: 'overlay-day' });
  await overlay.waitFor({ testId: 'crosscount-overlay', text: 'Gefilterte Streams' });
  await overlay.waitFor({ testId: 'crosscount-overlay', text: 'Auffällig' });
  await overlay.waitFor({ testId: 'crosscount-overlay', text: 'Warum' });
  expect(await overlay.waitFor({ testId: 'overlay-eligibility' })).toMatch(/Streams in den letzten 12 Monaten, über der Tantiemen-Schwelle von 1\.000/);
  expect(await overlay.waitFor({ testId: 'overlay-toggle' })).toBe('Ausblenden');
  await dashboard.close();

  // The history page and the popup with a year of data.
  const now = new Date();
  await importHistory(probe, 'demo.json', writeHistoryFile(demoHistory(now.toISOString().slice(0, 10), now), now));
  await probe.reload();
  await expect(probe.getByRole('link', { name: 'Tracks verknüpfen' })).toBeVisible();
  await expect(probe.getByRole('button', { name: 'JSON exportieren' })).toBeVisible();
  await expect(probe.getByRole('tab', { name: 'Tage' })).toBeVisible();
  await expect(probe.getByTestId('day-table').getByRole('columnheader', { name: 'Differenz' })).toBeVisible();
  // A chip's full sentence is German too, numbers and shares included.
  expect(await probe.getByTestId('day-table').locator('.cc-chip--unexplained').first().getAttribute('title')).toMatch(/^iMusician zeigt \d+\s% der Spotify-Zahl \([\d.]+ von [\d.]+\), weit außerhalb/);
  await expect(probe.getByRole('heading', { name: 'Einstellungen' })).toBeVisible();
  await expect(probe.getByTestId('track-panel')).toContainText(/Streams in den letzten 12 Monaten( \(1\.000 nötig\))?/);
  await expect(probe.getByTestId('track-panel')).toContainText(/Abgeschlossen nach \d+ Tagen/);
  await probe.getByRole('tab', { name: 'Tantiemen-Anspruch' }).click();
  await expect(probe.getByTestId('eligibility-table').getByRole('columnheader', { name: 'Letzte 12 Monate' })).toBeVisible();
  await expect(probe.locator('.hp-caveats')).toContainText('Spotify verlangt außerdem eine Mindestzahl einzelner Hörer*innen');

  const popup = await open('popup.html');
  await expect(popup.getByTestId('popup-summary')).toHaveText('5 Aufnahmen · 1 vergütet');
  await expect(popup.getByTestId('recording').first()).toContainText(/Noch nicht – \d+ fehlen/);
  await expect(popup.getByRole('heading', { name: /Diesen Monat vergütet \(1\)/ })).toBeVisible();
  await expect(popup.getByTestId('recording').filter({ hasText: 'Harbour Lights' })).toContainText(/\d+ ungeklärte Tage.*\d{1,3}\.\d{3} \/ 1\.000 · Wird vergütet/);
});
