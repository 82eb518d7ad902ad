/** The journey driver for Chromium: Playwright with the built extension (support/extension.ts). */
import type { Page } from '@playwright/test';
import type { History } from '../../../core/model/history';
import { extensionWorker, launchChromiumWithExtension } from '../support/extension';
import { describeQuery, findInPage, postFromPage, sendFromExtensionPage, type Found } from './dom-search';
import type { Driver, FindQuery, LaunchDriver, Reply, Tab, WaitOptions } from './types';

const DEFAULT_WAIT_MS = 10_000;

function chromiumTab(page: Page): Tab {
  const waitFor = async (query: FindQuery & { scroll?: boolean }, options?: WaitOptions): Promise<Found> => {
    const timeout = options?.timeoutMs ?? DEFAULT_WAIT_MS;
    try {
      const handle = await page.waitForFunction(findInPage, query, { timeout, polling: 100 });
      return (await handle.jsonValue()) as Found;
    } catch (error) {
      throw new Error(`chromium: no ${describeQuery(query)} in ${page.url()} within ${timeout} ms`, { cause: error });
    }
  };
  return {
    url: async () => page.url(),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    waitFor: async (query, options) => (await waitFor(query, options)).text,
    textOf: async (query) => (await page.evaluate(findInPage, query))?.text ?? null,
    async click(testId, options) {
      const { x, y } = await waitFor({ testId, scroll: true }, options);
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
  const { context, close } = await launchChromiumWithExtension({ language: options.language });
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
    async openDashboard(url) {
      const page = await context.newPage();
      await page.goto(url);
      return chromiumTab(page);
    },
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(extensionUrl(path));
      return chromiumTab(page);
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
    close: () => (closing ??= close()),
  };
  return driver;
};
