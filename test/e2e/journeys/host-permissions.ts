import { expect } from '@playwright/test';
import type { Journey } from './types';
import { SONG_1, songUrl, STORED_DAYS, storedDayCount, storedReadings } from './spotify-fixture';
import type { Tab } from '../drivers/types';

/** The extension pages that show <PermissionPrompt> when a dashboard's access is missing. */
export const PAGES_WITH_PERMISSION_PROMPT: readonly string[] = ['popup.html', 'options.html'];

const SPOTIFY_PAGES = 'https://artists.spotify.com/*';
type FirefoxPermissions = { browser: { permissions: { remove(p: { origins: string[] }): Promise<boolean>; contains(p: { origins: string[] }): Promise<boolean> } } };

async function pageWithPrompt(open: (path: string) => Promise<Tab>): Promise<Tab[]> {
  return Promise.all(PAGES_WITH_PERMISSION_PROMPT.map(open));
}

/**
 * Firefox lets the artist take a site's access back; the content scripts then silently do not
 * run. Here: nothing is read, a prompt says why, and its button (a real click: browsers only
 * ask during a user gesture) gives access back, after which reading works again.
 */
export const hostPermissions: Journey = {
  title: 'host access taken back: nothing is read, a prompt says why, and Allow access restores reading',
  only: ['firefox'],
  // The browser's own "allow?" dialog cannot be answered headless: the pref answers yes.
  launchOptions: { grantPermissionRequests: true },
  async run(driver) {
    const settings = await driver.openExtensionPage('options.html');
    const removed = await settings.evaluate(
      (origin) => (globalThis as unknown as FirefoxPermissions).browser.permissions.remove({ origins: [origin] }),
      SPOTIFY_PAGES,
    );
    expect(removed).toBe(true);

    const [page, ...others] = await pageWithPrompt((path) => driver.openExtensionPage(path));
    for (const each of [page!, ...others]) {
      expect(await each.waitFor({ testId: 'permission-prompt' })).toContain("Crosscount can't read Spotify for Artists: your browser has not allowed it.");
    }

    // Without access the content scripts do not run: the page works, nothing is read.
    const dashboard = await driver.openDashboard(songUrl(SONG_1));
    await dashboard.waitFor({ testId: 'song-stats', text: 'Harbour Lights' });
    expect(await dashboard.evaluate(() => Function.prototype.toString.call(window.fetch).includes('[native code]'), null)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await storedReadings(driver)).toEqual([]);

    await page!.click('permission-allow');
    await expect.poll(() => page!.textOf({ testId: 'permission-prompt' }), { message: 'the prompt goes once access is given' }).toBeNull();
    expect(
      await page!.evaluate((origin) => (globalThis as unknown as FirefoxPermissions).browser.permissions.contains({ origins: [origin] }), SPOTIFY_PAGES),
    ).toBe(true);

    await dashboard.reload();
    await dashboard.waitFor({ testId: 'song-stats', text: 'Harbour Lights' });
    await expect.poll(() => storedDayCount(driver, SONG_1), { timeout: 15_000 }).toBe(STORED_DAYS);
  },
};
