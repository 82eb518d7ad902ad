/**
 * `npm run demo`: builds the extension and opens Chromium with it on demo dashboards
 * (Spotify for Artists and iMusician, served at their real hosts from bundled fixture pages
 * with a year of a demo artist's numbers; nothing leaves the machine). Crosscount reads them
 * exactly as it would the real ones. With a display the browser stays open to click around;
 * without one (CI, SSH, or --headless) it writes screenshots to demo-output/ and exits.
 */
import { chromium, type Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, QUIET_CHROMIUM_FLAGS } from '../test/e2e/support/browser-path';
import { chromiumTab } from '../test/e2e/drivers/chromium';
import { addDays, dayFromMs } from '../core/model/day';
import { writeHistoryFile } from '../core/history/write';
import { DEMO_ARTIST, DEMO_RECORDINGS, lastImusicianDay } from './demo/catalog';
import { pastHistory } from './demo/past';
import { routeDemoSites } from './demo/routes';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const OUTPUT = join(ROOT, 'demo-output');
const headed = !!process.env.DISPLAY && !process.argv.includes('--headless');
const today = dayFromMs(Date.now());

async function sendFrom(page: Page, message: unknown): Promise<unknown> {
  const reply = (await page.evaluate(async (m) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
    return runtime.sendMessage(m);
  }, message)) as { ok: boolean; data?: unknown; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

/** Waits until the extension has stored a reading of `path` (the page's data has arrived). */
async function readingStored(history: Page, path: string): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 250) {
    const { readings } = (await sendFrom(history, { type: 'ui:getReadings', payload: { limit: 50 } })) as { readings: { path: string; observationCount: number }[] };
    if (readings.some((reading) => reading.path === path && reading.observationCount > 0)) return;
    await history.waitForTimeout(250);
  }
  throw new Error(`demo: no reading of ${path} was stored`);
}

console.log('demo: building the extension…');
execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const profile = mkdtempSync(join(tmpdir(), 'crosscount-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath(),
  headless: !headed,
  viewport: { width: 1280, height: 900 },
  args: [...QUIET_CHROMIUM_FLAGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
});
try {
  await routeDemoSites(context, today);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionUrl = (path: string) => `chrome-extension://${new URL(worker.url()).host}/${path}`;

  // The year before today, as earlier visits would have stored it.
  const history = await context.newPage();
  await history.goto(extensionUrl('options.html'));
  await sendFrom(history, { type: 'ui:importHistory', payload: { fileName: 'demo-history.json', text: writeHistoryFile(pastHistory(today), new Date()) } });
  console.log('demo: a year of earlier readings imported; now visiting the dashboards…');

  // Today's visits: each song's stats in Spotify for Artists, then iMusician's Trends page.
  const s4aRange = `?from=${addDays(today, -28)}&to=${today}`;
  const s4a = await context.newPage();
  for (const recording of DEMO_RECORDINGS) {
    await s4a.goto(`https://artists.spotify.com/c/artist/${DEMO_ARTIST}/song/${recording.spotifyTrackId}/stats${s4aRange}`);
    await readingStored(history, `/c/artist/${DEMO_ARTIST}/song/${recording.spotifyTrackId}/stats`);
  }
  const imusician = await context.newPage();
  for (const recording of DEMO_RECORDINGS) {
    await imusician.goto(`https://www.imusician.pro/app/analytics/trends?track=${recording.imusicianId}&from=${addDays(today, -28)}&to=${lastImusicianDay(today)}&store=${recording.store}`);
    // The panel is in a closed shadow root: found over DevTools, as the e2e tests do.
    await chromiumTab(context, imusician).waitFor({ testId: 'overlay-day' }, { timeoutMs: 15_000 });
    await imusician.waitForTimeout(800);
  }
  // Leave each dashboard on the most telling song: the one with an incident.
  const star = DEMO_RECORDINGS[0]!;
  await s4a.goto(`https://artists.spotify.com/c/artist/${DEMO_ARTIST}/song/${star.spotifyTrackId}/stats${s4aRange}`);
  await chromiumTab(context, s4a).waitFor({ testId: 'overlay-day' });
  await imusician.goto(`https://www.imusician.pro/app/analytics/trends?track=${star.imusicianId}&from=${addDays(today, -28)}&to=${lastImusicianDay(today)}`);
  await chromiumTab(context, imusician).waitFor({ testId: 'overlay-day' });
  await history.reload();
  await history.waitForTimeout(1500);

  const popupBuilt = existsSync(join(EXTENSION_DIR, 'popup.html'));
  const popup = popupBuilt ? await context.newPage() : null;
  if (popup) {
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(extensionUrl('popup.html'));
    await popup.waitForTimeout(1000);
  }

  if (headed) {
    console.log('demo: Chromium is open with Crosscount on the demo dashboards; close the window to finish.');
    await new Promise((done) => context.on('close', done));
  } else {
    mkdirSync(OUTPUT, { recursive: true });
    const shots: [Page | null, string, boolean][] = [
      [s4a, 'spotify-for-artists.png', true],
      [imusician, 'imusician-trends.png', true],
      [history, 'history-page.png', true],
      [popup, 'popup.png', false],
    ];
    for (const [page, file, fullPage] of shots) if (page) await page.screenshot({ path: join(OUTPUT, file), fullPage });
    await history.emulateMedia({ colorScheme: 'dark' });
    await history.screenshot({ path: join(OUTPUT, 'history-page-dark.png'), fullPage: true });
    console.log(`demo: no display, so screenshots are in ${OUTPUT}: ${shots.filter(([page]) => page).map(([, file]) => file).join(', ')}, history-page-dark.png`);
  }
} finally {
  await context.close().catch(() => undefined);
  rmSync(profile, { recursive: true, force: true });
}
