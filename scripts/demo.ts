/**
 * `npm run demo`: builds the extension and opens Chromium with it on the bundled fixture
 * dashboards (served at their real hosts, nothing leaves the machine). With a display it
 * stays open for you to click around; without one (CI, SSH) it writes screenshots to
 * demo-output/ and exits.
 */
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, QUIET_CHROMIUM_FLAGS } from '../test/e2e/support/browser-path';
import { routeFixtureSites } from '../test/e2e/support/routes';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
const OUTPUT = join(ROOT, 'demo-output');
const SONG_STATS = 'https://artists.spotify.com/c/artist/0OdUWJ0sBjDrqHygGUXeCF/song/4uLU6hMCjMI75M1A2tKUQC/stats';

const headed = !!process.env.DISPLAY && !process.argv.includes('--headless');

console.log('demo: building the extension…');
execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const profile = mkdtempSync(join(tmpdir(), 'crosscount-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath(),
  headless: !headed,
  viewport: { width: 1280, height: 800 },
  args: [...QUIET_CHROMIUM_FLAGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
});
try {
  await routeFixtureSites(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  const dashboard = await context.newPage();
  await dashboard.goto(SONG_STATS);
  await dashboard.waitForTimeout(1500);
  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/options.html`);
  await history.waitForTimeout(1000);

  if (headed) {
    console.log('demo: Chromium is open with Crosscount; close the window to finish.');
    await new Promise((done) => context.on('close', done));
  } else {
    mkdirSync(OUTPUT, { recursive: true });
    await dashboard.screenshot({ path: join(OUTPUT, 'spotify-song-stats.png') });
    await history.screenshot({ path: join(OUTPUT, 'history.png'), fullPage: true });
    console.log(`demo: no display, screenshots written to ${OUTPUT}`);
  }
} finally {
  await context.close().catch(() => undefined);
  rmSync(profile, { recursive: true, force: true });
}
