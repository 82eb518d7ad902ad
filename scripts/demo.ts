/**
 * `npm run demo`: builds the extension and opens Chromium with it on demo dashboards
 * (Spotify for Artists and iMusician, served at their real hosts from bundled fixture pages
 * with a year of a demo artist's numbers; nothing leaves the machine). Crosscount reads them
 * exactly as it would the real ones, and the history it stored is exported to demo-output/.
 * With a display the browser stays open to click around; without one (CI, SSH, or --headless)
 * it writes screenshots to demo-output/ and exits.
 *
 * `npm run demo -- --store`: the store screenshots (1280×800) and the 440×280 promotional tile,
 * in English and German, to demo-output/store/<lang>/.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { writeFileAtomic } from '../cli/safe-write';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, QUIET_CHROMIUM_FLAGS } from '../test/e2e/support/browser-path';
import { chromiumTab } from '../test/e2e/drivers/chromium';
import { addDays, dayFromMs } from '../core/model/day';
import type { History } from '../core/model/history';
import { writeHistoryFile } from '../core/history/write';
import { DEMO_ARTIST, DEMO_RECORDINGS, lastImusicianDay } from './demo/catalog';
import { pastHistory } from './demo/past';
import { routeDemoSites } from './demo/routes';
import { ensureBrowsers } from './setup-browsers';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const OUTPUT = join(ROOT, 'demo-output');
const store = process.argv.includes('--store');
const headed = !!process.env.DISPLAY && !process.argv.includes('--headless') && !store;
const today = dayFromMs(Date.now());
/** The languages of the store assets: at least two, English first. */
const STORE_LANGUAGES = ['en', 'de'] as const;

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

/** Chromium with the built extension, in `language` when given (as an artist's browser would be). */
async function launch(profile: string, language?: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: !headed,
    viewport: store ? { width: 1280, height: 800 } : { width: 1280, height: 900 },
    args: [...QUIET_CHROMIUM_FLAGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...(language ? [`--lang=${language}`] : [])],
    ...(language ? { locale: language, env: { ...process.env, LANGUAGE: language } } : {}),
  });
}

interface Visited {
  extensionUrl(path: string): string;
  history: Page;
  s4a: Page;
  imusician: Page;
}

/** The year before today as earlier visits stored it, then today's visits of every song. */
async function visitDashboards(context: BrowserContext): Promise<Visited> {
  await routeDemoSites(context, today);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionUrl = (path: string) => `chrome-extension://${new URL(worker.url()).host}/${path}`;
  // The welcome page opens by itself after install; the demo shows it later, on purpose.
  for (const page of context.pages()) if (page.url().includes('welcome.html')) await page.close();

  const history = await context.newPage();
  await history.goto(extensionUrl('options.html'));
  await sendFrom(history, { type: 'ui:importHistory', payload: { fileName: 'demo-history.json', text: writeHistoryFile(pastHistory(today), new Date()) } });
  console.log('demo: a year of earlier readings imported; now visiting the dashboards…');

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
  return { extensionUrl, history, s4a, imusician };
}

/** The history Crosscount stored, as the history page would export it. */
async function exportHistory(history: Page): Promise<string> {
  const stored = (await sendFrom(history, { type: 'ui:getHistory', payload: {} })) as History;
  mkdirSync(OUTPUT, { recursive: true });
  const path = join(OUTPUT, `crosscount-history-${today}.json`);
  // Exclusive random temporary file, renamed over the target: never written through a symlink.
  const text = writeHistoryFile(stored, new Date());
  await writeFileAtomic(path, (file) => file.writeFile(text));
  return path;
}

async function demo(): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'crosscount-demo-'));
  const context = await launch(profile);
  try {
    const { extensionUrl, history, s4a, imusician } = await visitDashboards(context);
    const exported = await exportHistory(history);
    console.log(`demo: the stored history is exported to ${exported}`);
    const popup = existsSync(join(EXTENSION_DIR, 'popup.html')) ? await context.newPage() : null;
    if (popup) {
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.goto(extensionUrl('popup.html'));
      await popup.waitForTimeout(1000);
    }
    if (headed) {
      console.log('demo: Chromium is open with Crosscount on the demo dashboards; close the window to finish.');
      await new Promise((done) => context.on('close', done));
      return;
    }
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
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The store's assets in one language: four 1280×800 screenshots and the 440×280 tile. */
async function storeAssets(language: string): Promise<string[]> {
  const dir = join(OUTPUT, 'store', language);
  mkdirSync(dir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'crosscount-store-'));
  const context = await launch(profile, language);
  try {
    const { extensionUrl, history, s4a, imusician } = await visitDashboards(context);
    const files: string[] = [];
    const shot = async (page: Page, name: string) => {
      // A dashboard's panel sits beside its stats, often below the fold: bring it into view.
      await page.evaluate(() => document.querySelector('crosscount-overlay')?.scrollIntoView({ block: 'center' }));
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(dir, name), fullPage: false });
      files.push(name);
    };
    await shot(s4a, '1-spotify-for-artists.png');
    await shot(imusician, '2-imusician-trends.png');
    await shot(history, '3-history-page.png');
    // The popup as the toolbar shows it, centred on a plain backdrop.
    const popup = await context.newPage();
    await popup.goto(extensionUrl('popup.html'));
    await popup.addStyleTag({ content: 'html{background:#dfe6ed;min-height:100%} body{width:380px;margin:60px auto;box-shadow:0 8px 32px rgba(0,0,0,.25);border-radius:8px;overflow:hidden}' });
    await popup.waitForTimeout(1000);
    await shot(popup, '4-popup.png');
    const welcome = await context.newPage();
    await welcome.goto(extensionUrl('welcome.html'));
    await welcome.waitForTimeout(500);
    await shot(welcome, '5-welcome.png');
    await promoTile(context, language, join(dir, 'promo-440x280.png'));
    files.push('promo-440x280.png');
    return files;
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The small promotional tile: the icon, the name and the tagline in `language`. */
async function promoTile(context: BrowserContext, language: string, path: string): Promise<void> {
  const messages = JSON.parse(readFileSync(join(ROOT, 'public/_locales', language, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
  const icon = readFileSync(join(ROOT, 'public/icon/128.png')).toString('base64');
  const page = await context.newPage();
  await page.setViewportSize({ width: 440, height: 280 });
  await page.setContent(
    `<!doctype html><html lang="${language}"><body style="margin:0;width:440px;height:280px;display:flex;align-items:center;gap:24px;padding:0 32px;box-sizing:border-box;background:linear-gradient(135deg,#17324d,#24557f);color:#fff;font:16px system-ui,sans-serif">` +
      `<img src="data:image/png;base64,${icon}" width="112" height="112" alt="">` +
      `<div><div style="font-size:34px;font-weight:700;letter-spacing:.5px">Crosscount</div>` +
      `<div id="tagline" style="margin-top:10px;font-size:17px;line-height:1.35"></div></div></body></html>`,
  );
  // Text as text: the tagline comes from the catalog.
  await page.locator('#tagline').evaluate((element, text) => (element.textContent = text), messages.historyTagline!.message);
  await page.screenshot({ path, clip: { x: 0, y: 0, width: 440, height: 280 } });
  await page.close();
}

if (!ensureBrowsers(['chromium'], { german: store })) process.exit(1);
console.log('demo: building the extension…');
execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
if (store) {
  for (const language of STORE_LANGUAGES) {
    const files = await storeAssets(language);
    console.log(`demo: store assets (${language}) in ${join(OUTPUT, 'store', language)}: ${files.join(', ')}`);
  }
} else {
  await demo();
}
