/**
 * The journey driver for Firefox: puppeteer-core over WebDriver BiDi with the Firefox build
 * (.output/firefox-mv3) installed as a temporary add-on. Fixture dashboards are answered by
 * request interception at their real hosts (a real navigation, so content scripts inject).
 * Extension pages live at a fixed moz-extension://<FIREFOX_EXTENSION_UUID>/ because the
 * `extensions.webextensions.uuids` pref is set before the add-on is installed.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { resolve } from 'node:path';
import type { History } from '../../../core/model/history';
import { firefoxPath, NO_FIREFOX_MESSAGE } from '../support/browser-path';
import { requireBuild } from '../support/extension';
import { fixtureResponse, isFixtureHost } from '../support/routes';
import { firefoxSearch } from './closed-roots';
import { describeQuery, postFromPage, sendFromExtensionPage, type Found } from './dom-search';
import type { Driver, FindQuery, LaunchDriver, LaunchOptions, Reply, Tab, WaitOptions } from './types';

/** The Firefox build (`npm run build`); CROSSCOUNT_FIREFOX_EXTENSION_DIR points at another one (e.g. an altered copy). */
export const FIREFOX_EXTENSION_DIR = process.env.CROSSCOUNT_FIREFOX_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../../.output/firefox-mv3');
export const GECKO_ID = 'crosscount@crosscount.app';
export const FIREFOX_EXTENSION_UUID = '6f1c2a57-3e0b-4d8e-9a41-c0a7d2b3e915';

const DEFAULT_WAIT_MS = 10_000;

function answerFromFixtures(request: HTTPRequest): void {
  const url = request.url();
  if (!url.startsWith('https://') || !isFixtureHost(url)) {
    void request.continue();
    return;
  }
  const { status, contentType, headers, body } = fixtureResponse(url, request.method());
  void request.respond({ status, contentType, headers, body });
}

/**
 * Polls a check in the page while it navigates. puppeteer's waitForFunction gives up when
 * Firefox tears the old document down in the middle of an evaluation ("right-hand side of
 * 'in' should be an object"), so errors here only mean "not yet".
 */
async function pollAcrossNavigation<A, R>(page: Page, check: (arg: A) => R, arg: A, what: string, timeout = DEFAULT_WAIT_MS): Promise<NonNullable<R>> {
  const deadline = Date.now() + timeout;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = (await page.evaluate(check as (arg: unknown) => unknown, arg)) as R;
      if (value) return value as NonNullable<R>;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`firefox: ${what} within ${timeout} ms`, { cause: lastError });
}

/** Extension pages: `await page.goto()` never resolves there over BiDi; start it and wait for the page instead. */
async function navigateExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url).catch(() => undefined);
  await pollAcrossNavigation(page, (href) => location.href === href && document.readyState === 'complete', url, `${url} did not open`);
}

/** Like pollAcrossNavigation, for a check the driver runs over the protocol. */
async function pollSearch(search: () => Promise<Found | null>, what: string, timeout = DEFAULT_WAIT_MS): Promise<Found> {
  const deadline = Date.now() + timeout;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      const found = await search();
      if (found) return found;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`firefox: ${what} within ${timeout} ms`, { cause: lastError });
}

function firefoxTab(browser: Browser, page: Page, isExtensionPage: boolean): Tab {
  const search = firefoxSearch(browser, page);
  const waitFor = (query: FindQuery & { scroll?: boolean }, options?: WaitOptions): Promise<Found> =>
    pollSearch(() => search(query), `no ${describeQuery(query)} in ${page.url()}`, options?.timeoutMs);
  return {
    url: async () => page.url(),
    async goto(url) {
      if (url.startsWith('moz-extension:')) await navigateExtensionPage(page, url);
      else await page.goto(url, { waitUntil: 'load' });
    },
    async reload() {
      if (!isExtensionPage) {
        await page.reload({ waitUntil: 'load' });
        return;
      }
      // Mark this document, reload without awaiting (as goto), wait for an unmarked one.
      await page.evaluate(() => {
        (window as unknown as { __crosscountOld?: boolean }).__crosscountOld = true;
        setTimeout(() => location.reload(), 0);
      });
      await pollAcrossNavigation(
        page,
        () => !(window as unknown as { __crosscountOld?: boolean }).__crosscountOld && document.readyState === 'complete',
        null,
        `${page.url()} did not reload`,
      );
    },
    waitFor: async (query, options) => (await waitFor(query, options)).text,
    textOf: async (query) => (await search(query))?.text ?? null,
    count: async (query) => (await search(query))?.count ?? 0,
    async click(target, options) {
      const { x, y } = await waitFor({ ...(typeof target === 'string' ? { testId: target } : target), scroll: true }, options);
      await page.mouse.click(x, y);
    },
    postWindowMessages: (messages) => page.evaluate(postFromPage, messages),
    // Plain data in and out (JSON-like); the drivers' own argument types are not needed here.
    evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => page.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<R>,
    runScript: async (source) => void (await page.evaluate(source)),
    close: () => page.close(),
  };
}

/** Debian's Firefox shows a language only with its language pack; without it the run would silently be English. */
function requireFirefoxLanguagePack(executablePath: string, language: string): void {
  if (!executablePath.startsWith('/usr/')) return;
  const pack = `/usr/lib/firefox-esr/browser/extensions/langpack-${language}@firefox-esr.mozilla.org.xpi`;
  if (!existsSync(pack)) throw new Error(`Firefox has no "${language}" language pack: install it (apt-get install firefox-esr-l10n-${language}), as scripts/setup-browsers.ts does`);
}

export function firefoxPrefs(options: LaunchOptions = {}): Record<string, unknown> {
  return {
    // Before installation: the add-on gets this UUID, so its pages have a known address.
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
    ...(options.backgroundIdleMs !== undefined ? { 'extensions.background.idle.timeout': options.backgroundIdleMs } : {}),
    ...(options.grantPermissionRequests || (options.grantOrigins?.length ?? 0) > 0 ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
    // The interface language (Debian's firefox-esr-l10n-<lang> provides its language pack).
    ...(options.language ? { 'intl.locale.requested': options.language } : {}),
  };
}

export const launchFirefox: LaunchDriver = async (options = {}) => {
  requireBuild(FIREFOX_EXTENSION_DIR);
  const executablePath = firefoxPath();
  if (!executablePath) throw new Error(NO_FIREFOX_MESSAGE);
  if (options.language) requireFirefoxLanguagePack(executablePath, options.language);
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Lets a tab open moz-extension:// pages and the test evaluate in them.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: firefoxPrefs(options),
  });
  try {
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== GECKO_ID) throw new Error(`Firefox installed the add-on as ${installed}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }

  const extensionUrl = (path: string) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path.replace(/^\//, '')}`;
  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    await navigateExtensionPage(page, extensionUrl(path));
    return page;
  };
  let probe: Promise<Page> | null = null;
  let closing: Promise<void> | null = null;
  const driver: Driver = {
    browserName: 'firefox',
    async openDashboard(url, options) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', answerFromFixtures);
      if (options?.pageScript) await page.evaluateOnNewDocument(options.pageScript);
      await page.goto(url, { waitUntil: 'load' });
      return firefoxTab(browser, page, false);
    },
    openExtensionPage: async (path) => firefoxTab(browser, await openExtensionPage(path), true),
    extensionUrl,
    async sendMessage<T>(type: string, payload: unknown) {
      probe ??= openExtensionPage('options.html');
      return JSON.parse(await (await probe).evaluate(sendFromExtensionPage, { type, payload })) as Reply<T>;
    },
    async storedHistory() {
      const reply = await driver.sendMessage<History>('ui:getHistory', {});
      if (!reply.ok) throw new Error(`ui:getHistory: ${reply.error}`);
      return reply.data;
    },
    async revokeAccess(origin) {
      const settings = await openExtensionPage('options.html');
      try {
        const stillGranted = await settings.evaluate(async (pattern) => {
          const permissions = (globalThis as unknown as { browser: { permissions: FirefoxPermissions } }).browser.permissions;
          await permissions.remove({ origins: [pattern] });
          return permissions.contains({ origins: [pattern] });
        }, origin);
        if (stillGranted) throw new Error(`firefox: ${origin} is still granted after permissions.remove`);
      } finally {
        await settings.close();
      }
    },
    close: () => (closing ??= browser.close()),
  };
  return driver;
};

interface FirefoxPermissions {
  remove(permissions: { origins: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
}
