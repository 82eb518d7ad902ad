/**
 * A Playwright fixture: Chromium with the BUILT extension (.output/chrome-mv3) loaded, a fresh
 * profile per test file, fixture dashboards served at their real hosts, and a CSP-violation
 * log. Tests reach extension pages at chrome-extension://<id>/….
 */
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, QUIET_CHROMIUM_FLAGS } from './browser-path';
import { routeFixtureSites } from './routes';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  openExtensionPage: (path: string) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first`);
    }
    const profile = mkdtempSync(join(tmpdir(), 'crosscount-e2e-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: [...QUIET_CHROMIUM_FLAGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
    });
    await routeFixtureSites(context);
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export { expect } from '@playwright/test';
