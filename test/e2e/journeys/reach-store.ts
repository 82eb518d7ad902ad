import { expect } from '@playwright/test';
import type { Journey } from './types';
import { SONG_1, songPath, songUrl, storedReadings } from './spotify-fixture';

/** Both content scripts injected, the reading crossed to the background, the history page shows it. */
export const reachStore: Journey = {
  title: 'a visit to Spotify for Artists reaches the store and shows on the history page',
  async run(driver) {
    const dashboard = await driver.openDashboard(songUrl(SONG_1));
    await dashboard.waitFor({ testId: 'song-stats', text: 'Harbour Lights' });

    await expect
      .poll(async () => (await storedReadings(driver)).find((reading) => reading.path === songPath(SONG_1)), {
        message: 'a recognised reading with observations for the song page (content scripts injected, background stored it)',
        timeout: 15_000,
      })
      .toMatchObject({ site: 'spotify', status: 'recognised', refused: null, observationCount: expect.any(Number) });
    const reading = (await storedReadings(driver)).find((each) => each.path === songPath(SONG_1))!;
    expect(reading.observationCount).toBeGreaterThan(0);
    expect(reading.addedCount).toBe(reading.observationCount);

    const historyPage = await driver.openExtensionPage('options.html');
    await expect(async () => {
      await historyPage.reload();
      expect(await historyPage.waitFor({ testId: 'readings', text: songPath(SONG_1) }, { timeoutMs: 2000 })).toContain(songPath(SONG_1));
    }).toPass({ timeout: 15_000 });
  },
};
