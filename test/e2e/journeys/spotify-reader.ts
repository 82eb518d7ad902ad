import { expect } from '@playwright/test';
import type { Journey } from './types';
import { dailyValues, SONG_1, SONG_2, songPath, songUrl, SPOTIFY_CHANNEL, STORED_DAYS, storedDayCount, storedReadings } from './spotify-fixture';

/**
 * The S4A reader: the main-world observer hands the page's own data responses to the isolated
 * script (listeners are only in the data, not in the DOM, so 27 listener days prove that path),
 * the next song is read after in-page navigation, and an unchanged re-read adds nothing.
 */
export const spotifyReader: Journey = {
  title: 'the S4A reader stores the right observations, follows in-page navigation, and re-reads add nothing',
  async run(driver) {
    const dashboard = await driver.openDashboard(songUrl(SONG_1));
    await dashboard.waitFor({ testId: 'song-stats', text: 'Harbour Lights' });
    // The main-world observer wrapped the page's fetch at document_start.
    expect(await dashboard.evaluate(() => Function.prototype.toString.call(window.fetch).includes('[native code]'), null)).toBe(false);

    await expect.poll(() => storedDayCount(driver, SONG_1), { timeout: 15_000 }).toBe(STORED_DAYS);
    let history = await driver.storedHistory();
    const song1 = dailyValues(history, SONG_1);
    // Values from test/fixtures/pages/spotify/api/stats-4uLU….json; 2026-03-30 is after
    // latestDate (2026-03-29) and not final, so it is not stored.
    expect(song1['2026-03-03']).toBe(256);
    expect(song1['2026-03-04']).toBe(258);
    expect(song1['2026-03-29']).toBeDefined();
    expect(song1['2026-03-30']).toBeUndefined();
    expect(Object.keys(dailyValues(history, SONG_1, 'listeners'))).toHaveLength(STORED_DAYS);
    expect(history.tracks.find((track) => track.spotifyTrackIds.includes(SONG_1))?.title).toBe('Harbour Lights');

    // In-page navigation: the observer's messages for the new song are seen on its channel.
    await dashboard.evaluate((channel) => {
      const seen: string[] = [];
      (window as unknown as { __crosscountSeen: string[] }).__crosscountSeen = seen;
      window.addEventListener('message', (event) => {
        const data = event.data as { channel?: unknown; url?: unknown } | null;
        if (data && data.channel === channel && typeof data.url === 'string') seen.push(data.url);
      });
    }, SPOTIFY_CHANNEL);
    await dashboard.click('nav-song-2');
    await dashboard.waitFor({ testId: 'song-stats', text: 'Acoustic' });
    await expect.poll(() => storedDayCount(driver, SONG_2), { timeout: 15_000 }).toBe(STORED_DAYS);
    history = await driver.storedHistory();
    expect(dailyValues(history, SONG_2)['2026-03-03']).toBe(33);
    const observed = await dashboard.evaluate(() => (window as unknown as { __crosscountSeen: string[] }).__crosscountSeen, null);
    expect(observed.some((url) => url.startsWith(`https://generic.wg.spotify.com/song-stats-view/v1/artist/`) && url.includes(SONG_2))).toBe(true);

    // Visiting again changes nothing: the re-read is stored as a reading, with no new revisions.
    const before = history.observations.length;
    const readingsOfSong1 = async () => (await storedReadings(driver)).filter((reading) => reading.path === songPath(SONG_1) && reading.observationCount > 0);
    const earlier = (await readingsOfSong1()).length;
    await dashboard.goto(songUrl(SONG_1));
    await dashboard.waitFor({ testId: 'song-stats', text: 'Harbour Lights' });
    await expect.poll(async () => (await readingsOfSong1()).length, { timeout: 15_000 }).toBe(earlier + 1);
    const reread = (await readingsOfSong1())[0]!;
    expect(reread.addedCount).toBe(0);
    expect((await driver.storedHistory()).observations.length).toBe(before);
  },
};
