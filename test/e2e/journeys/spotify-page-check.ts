import { expect } from '@playwright/test';
import type { Journey } from './types';
import { dailyValues, SONG_1, SONG_DISAGREES, songPath, songUrl, STORED_DAYS, storedDayCount, storedReadings } from './spotify-fixture';

const readingsOf = async (driver: Parameters<Journey['run']>[0], track: string) =>
  (await storedReadings(driver)).filter((reading) => reading.path === songPath(track) && (reading.responses ?? []).some((response) => response.check));

/**
 * Readings checked against the page: the fixture page draws each song's chart and headline from
 * its response, except for one song whose page draws two days differently. Those two days are
 * not stored, the rest are, and the history page's diagnostics say what differed, with the
 * numbers; an agreeing song's reading says it agreed.
 */
export const spotifyPageCheck: Journey = {
  title: "a response that disagrees with the page's own chart stores nothing for those days, and the diagnostics say why",
  async run(driver) {
    const agreeing = await driver.openDashboard(songUrl(SONG_1));
    await agreeing.waitFor({ testId: 'song-stats', text: 'Harbour Lights' });
    await expect.poll(() => storedDayCount(driver, SONG_1), { timeout: 15_000 }).toBe(STORED_DAYS);
    await expect.poll(async () => (await readingsOf(driver, SONG_1)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const agreed = (await readingsOf(driver, SONG_1))[0]!.responses!.find((response) => response.check)!;
    expect(agreed).toMatchObject({ template: 'song-stats-view/v1/artist/{a}/recording/{t}/stats', status: 200 });
    // Stored as a key and values (docs/i18n.md): "checked against the page's chart (streams): 28 of 28 days agree".
    expect(agreed.check).toEqual({ key: 'checkChartAgree', params: { metric: { text: { key: 'checkMetricStreams' } }, count: 28 } });

    const disagreeing = await driver.openDashboard(songUrl(SONG_DISAGREES));
    await disagreeing.waitFor({ testId: 'song-stats' });
    await expect.poll(async () => (await readingsOf(driver, SONG_DISAGREES)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const history = await driver.storedHistory();
    const streams = dailyValues(history, SONG_DISAGREES);
    expect(Object.keys(streams)).toHaveLength(STORED_DAYS - 2);
    expect([streams['2026-03-19'], streams['2026-03-20'], streams['2026-03-21'], streams['2026-03-22']]).toEqual([expect.any(Number), undefined, undefined, expect.any(Number)]);
    // The page draws no listeners: nothing to disagree with, all kept.
    expect(Object.keys(dailyValues(history, SONG_DISAGREES, 'listeners'))).toHaveLength(STORED_DAYS);

    const historyPage = await driver.openExtensionPage('options.html#diagnostics');
    const why = await historyPage.waitFor({ testId: 'visit-response-check', text: 'not stored: 2026-03-20' }, { timeoutMs: 10_000 });
    expect(why).toContain("checked against the page's chart (streams): 26 of 28 days agree; not stored: 2026-03-20 (response 171, page 211), 2026-03-21 (response 189, page 177)");
    expect(await historyPage.waitFor({ testId: 'visit-response', text: '28 of 28 days agree' })).toContain('song-stats-view/v1/artist/{a}/recording/{t}/stats HTTP 200');
  },
};
