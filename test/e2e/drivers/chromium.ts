/** The journey driver for Chromium: Playwright with the built extension (support/extension.ts). */
import type { BrowserContext, Page } from '@playwright/test';
import type { History } from '../../../core/model/history';
import { extensionWorker, launchChromiumWithExtension } from '../support/extension';
import { chromiumSearch } from './closed-roots';
import { describeQuery, postFromPage, sendFromExtensionPage, type Found } from './dom-search';
import type { Driver, FindQuery, LaunchDriver, Reply, Tab, WaitOptions } from './types';

const DEFAULT_WAIT_MS = 10_000;

/** A Playwright page as a journey's tab; also used by the Chromium-only specs to read the overlays. */
export function chromiumTab(context: BrowserContext, page: Page): Tab {
  const search = chromiumSearch(context, page);
  // Errors while the page navigates (its document is being replaced) only mean "not yet".
  const waitFor = async (query: FindQuery & { scroll?: boolean }, options?: WaitOptions): Promise<Found> => {
    const timeout = options?.timeoutMs ?? DEFAULT_WAIT_MS;
    const deadline = Date.now() + timeout;
    let lastError: unknown = null;
    while (Date.now() < deadline) {
      try {
        const found = await search(query);
        if (found) return found;
      } catch (error) {
        lastError = error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`chromium: no ${describeQuery(query)} in ${page.url()} within ${timeout} ms`, { cause: lastError });
  };
  return {
    url: async () => page.url(),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
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

export const launchChromium: LaunchDriver = async (options = {}) => {
  const { context, close } = await launchChromiumWithExtension({ language: options.language, grantOrigins: options.grantOrigins });
  const extensionId = new URL((await extensionWorker(context)).url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  let probe: Promise<Page> | null = null;
  let closing: Promise<void> | null = null;
  const probePage = () => {
    probe ??= context.newPage().then(async (page) => {
      await page.goto(extensionUrl('options.html'));
      return page;
    });
    return probe;
  };
  const driver: Driver = {
    browserName: 'chromium',
    async openDashboard(url, options) {
      const page = await context.newPage();
      if (options?.pageScript) await page.addInitScript(options.pageScript);
      await page.goto(url);
      return chromiumTab(context, page);
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(extensionUrl(path));
      return chromiumTab(context, page);
    },
    extensionUrl,
    async sendMessage<T>(type: string, payload: unknown) {
      const page = await probePage();
      return JSON.parse(await page.evaluate(sendFromExtensionPage, { type, payload })) as Reply<T>;
    },
    async storedHistory() {
      const reply = await driver.sendMessage<History>('ui:getHistory', {});
      if (!reply.ok) throw new Error(`ui:getHistory: ${reply.error}`);
      return reply.data;
    },
    async revokeAccess(origin) {
      // chrome://extensions' "Site access" control calls developerPrivate, as an artist's click there does.
      const settings = await context.newPage();
      try {
        await settings.goto('chrome://extensions');
        await settings.evaluate(
          ({ id, pattern }) => (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate.removeHostPermission(id, pattern),
          { id: extensionId, pattern: origin },
        );
      } finally {
        await settings.close();
      }
      const page = await probePage();
      const stillGranted = await page.evaluate(
        (pattern) => (globalThis as unknown as { chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } }).chrome.permissions.contains({ origins: [pattern] }),
        origin,
      );
      if (stillGranted) throw new Error(`chromium: ${origin} is still granted after its site access was removed`);
    },
    close: () => (closing ??= close()),
  };
  return driver;
};

/** The part of chrome://extensions' private API its site access control uses. */
interface DeveloperPrivate {
  removeHostPermission(extensionId: string, host: string): Promise<void>;
}
