import { expect } from '@playwright/test';
import type { Journey } from './types';
import { SONG_1, SONG_2, songUrl, STORED_DAYS, storedDayCount } from './spotify-fixture';

type BackgroundHolder = { __crosscountBackground?: Window & { __crosscountMarker?: string } };
type FirefoxRuntime = { browser: { runtime: { getBackgroundPage(): Promise<Window & { __crosscountMarker?: string }> } } };

/**
 * Firefox runs the background as an event page and suspends it when idle (the idle timeout is
 * shortened to 1 s here). A reading sent while it is suspended must wake it and be stored.
 * Suspension is seen without waking it: an extension page keeps a reference to the background
 * window, and once Firefox has torn that window down, touching it throws "dead object".
 */
export const backgroundIdle: Journey = {
  title: 'the event-page background is suspended when idle, and the next reading wakes it and is stored',
  only: ['firefox'],
  launchOptions: { backgroundIdleMs: 1000 },
  async run(driver) {
    const dashboard = await driver.openDashboard(songUrl(SONG_1));
    await dashboard.waitFor({ testId: 'song-stats', text: 'Harbour Lights' });
    await expect.poll(() => storedDayCount(driver, SONG_1), { timeout: 15_000 }).toBe(STORED_DAYS);

    const probe = await driver.openExtensionPage('options.html');
    const marker = await probe.evaluate(async () => {
      const background = await (globalThis as unknown as FirefoxRuntime).browser.runtime.getBackgroundPage();
      background.__crosscountMarker = 'set before the idle time';
      (window as unknown as BackgroundHolder).__crosscountBackground = background;
      return background.__crosscountMarker;
    }, null);
    expect(marker).toBe('set before the idle time');

    const backgroundState = () =>
      probe.evaluate(() => {
        try {
          return (window as unknown as BackgroundHolder).__crosscountBackground!.__crosscountMarker ?? 'alive, marker gone';
        } catch (error) {
          return String(error);
        }
      }, null);
    await expect.poll(backgroundState, { message: 'the background is suspended after the idle timeout', timeout: 20_000, intervals: [250] }).toMatch(/dead object/);

    // The next reading is sent to a suspended background: it must wake it, and nothing is lost.
    await dashboard.click('nav-song-2');
    await dashboard.waitFor({ testId: 'song-stats', text: 'Acoustic' });
    // No message of ours for a while: the reading (sent about 0.4 s after the page's data) is
    // the first thing to reach the suspended background, so it is what wakes it.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await expect.poll(() => storedDayCount(driver, SONG_2), { message: 'the reading sent while suspended is stored', timeout: 20_000 }).toBe(STORED_DAYS);
    expect(await storedDayCount(driver, SONG_1)).toBe(STORED_DAYS);

    // It was a new background page: the global set before the suspension is gone.
    const after = await probe.evaluate(async () => (await (globalThis as unknown as FirefoxRuntime).browser.runtime.getBackgroundPage()).__crosscountMarker ?? null, null);
    expect(after).toBeNull();
  },
};
