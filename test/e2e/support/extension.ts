/**
 * A Playwright fixture: Chromium with the BUILT extension (.output/chrome-mv3) loaded, a fresh
 * profile per test file, fixture dashboards served at their real hosts, and a CSP-violation
 * log. Tests reach extension pages at chrome-extension://<id>/….
 * `launchChromiumWithExtension` is the same start, for the Chromium journey driver.
 */
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumPath, QUIET_CHROMIUM_FLAGS } from './browser-path';
import { routeFixtureSites } from './routes';
import { chromeBuildGranting } from './test-build';

/** The Chrome build (`npm run build`); CROSSCOUNT_CHROME_EXTENSION_DIR points at another one (e.g. an altered copy). */
export const EXTENSION_DIR = process.env.CROSSCOUNT_CHROME_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../../.output/chrome-mv3');

/** Fails with the fix when the extension was not built (a plain `npx playwright test`). */
export function requireBuild(dir: string, command = 'npm run build'): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run "${command}" first (npm test does it)`);
  }
}

export interface ChromiumWithExtension {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension in a fresh profile, fixture sites routed at their hosts.
 * `language` ("de") starts the browser in that language, as an artist's browser would be: the
 * extension's words then come from that catalog (Chromium on Linux takes its UI language from
 * LANGUAGE and needs its locale pack, Debian's chromium-l10n).
 * `grantOrigins`: the browser runs a TEST BUILD copy that holds these origins already
 * (support/test-build.ts: Chromium's access prompt cannot be answered in automation).
 */
export async function launchChromiumWithExtension(options: { language?: string; grantOrigins?: readonly string[] } = {}): Promise<ChromiumWithExtension> {
  requireBuild(EXTENSION_DIR);
  const { language, grantOrigins } = options;
  if (language) requireChromiumLocale(language);
  const testBuild = grantOrigins && grantOrigins.length > 0 ? chromeBuildGranting(EXTENSION_DIR, grantOrigins) : null;
  const extensionDir = testBuild?.dir ?? EXTENSION_DIR;
  const profile = mkdtempSync(join(tmpdir(), 'crosscount-e2e-'));
  const removeFolders = () => {
    rmSync(profile, { recursive: true, force: true });
    testBuild?.remove();
  };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: [...QUIET_CHROMIUM_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...(language ? [`--lang=${language}`] : [])],
      ...(language ? { locale: language, env: { ...process.env, LANGUAGE: language, LANG: `${language}_${language.toUpperCase()}.UTF-8` } } : {}),
    });
  } catch (error) {
    removeFolders();
    throw error;
  }
  await routeFixtureSites(context);
  return {
    context,
    async close() {
      await context.close();
      removeFolders();
    },
  };
}

/** Chromium shows a language only with its locale pack; without it the test would silently run in English. */
function requireChromiumLocale(language: string): void {
  // Debian's layout; other builds (Chrome, a CHROMIUM_PATH elsewhere) bring their locales along.
  const dir = '/usr/lib/chromium/locales';
  if (chromiumPath().startsWith('/usr/bin/') && existsSync(dir) && !existsSync(join(dir, `${language}.pak`))) {
    throw new Error(`Chromium has no "${language}" locale pack: install it (apt-get install chromium-l10n), as scripts/setup-browsers does`);
  }
}

/** The extension's service worker (started with the browser). */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  openExtensionPage: (path: string) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const launched = await launchChromiumWithExtension();
    await use(launched.context);
    await launched.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await extensionWorker(context));
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
