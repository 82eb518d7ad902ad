import { expect } from '@playwright/test';
import type { Journey } from './types';
import { ARTIST, dailyValues, SONG_1, SONG_2, SONG_3, STORED_DAYS, storedDayCount } from './spotify-fixture';

const localisedSong = (language: string, track: string) => `https://artists.spotify.com/c/${language}/artist/${ARTIST}/song/${track}/stats`;

/**
 * Real addresses carry a language segment (`/c/en/…`, `/c/de/…`), and the gateway leaves zero
 * counts out (`{x}` without `y`): song pages in both forms get the panel and store their days,
 * and a small song's zero days are stored as 0 (core/sources/spotify/README.md).
 */
export const spotifyAddresses: Journey = {
  title: 'S4A song pages under /c/en/ and /c/de/ get the panel and store their days; omitted zero days are stored as 0',
  async run(driver) {
    const english = await driver.openDashboard(localisedSong('en', SONG_1));
    await english.waitFor({ testId: 'song-stats', text: 'Harbour Lights' });
    await english.waitFor({ testId: 'crosscount-overlay', text: 'Harbour Lights' }, { timeoutMs: 15_000 });
    await expect.poll(() => storedDayCount(driver, SONG_1), { timeout: 15_000 }).toBe(STORED_DAYS);
    const song1 = dailyValues(await driver.storedHistory(), SONG_1);
    expect([song1['2026-03-03'], song1['2026-03-04'], song1['2026-03-30']]).toEqual([256, 258, undefined]);

    const german = await driver.openDashboard(localisedSong('de', SONG_2));
    await german.waitFor({ testId: 'song-stats', text: 'Acoustic' });
    // The page speaks German: its figures use "." between thousands.
    expect(await german.evaluate(() => document.documentElement.lang, null)).toBe('de');
    await german.waitFor({ testId: 'crosscount-overlay', text: 'Acoustic' }, { timeoutMs: 15_000 });
    await expect.poll(() => storedDayCount(driver, SONG_2), { timeout: 15_000 }).toBe(STORED_DAYS);
    expect(dailyValues(await driver.storedHistory(), SONG_2)['2026-03-03']).toBe(33);

    // Café Tonight: 11 of its 27 final days have no `y` in the response; S4A reads them as 0.
    const small = await driver.openDashboard(localisedSong('es-419', SONG_3));
    await small.waitFor({ testId: 'song-stats' });
    await expect.poll(() => storedDayCount(driver, SONG_3), { timeout: 15_000 }).toBe(STORED_DAYS);
    const song3 = dailyValues(await driver.storedHistory(), SONG_3);
    expect(Object.values(song3).filter((value) => value === 0)).toHaveLength(11);
    expect([song3['2026-03-03'], song3['2026-03-04'], song3['2026-03-08']]).toEqual([2, 0, 3]);
    expect(Object.keys(dailyValues(await driver.storedHistory(), SONG_3, 'listeners'))).toHaveLength(STORED_DAYS);
  },
};
