import { expect } from '@playwright/test';
import type { Journey } from './types';
import { ARTIST, SONG_1, SONGS_URL, SPOTIFY_CHANNEL, STORED_DAYS, storedDayCount, storedReadings } from './spotify-fixture';

/**
 * The page can see and forge the observer's channel: malformed, oversized and off-channel
 * messages store nothing, and a flood of 3,000 messages is cut off at the page channel's rate
 * limit (core/messaging/rate-limit.ts): the rest are dropped unread and counted in the
 * diagnostics. Then a real reading on the same tab is stored, so the content scripts were
 * listening all along (the test cannot pass by nothing being injected).
 */
export const forgedMessages: Journey = {
  title: 'forged, oversized and flooding page messages store nothing, while real readings on the same tab are stored',
  async run(driver) {
    const dashboard = await driver.openDashboard(SONGS_URL);
    await dashboard.waitFor({ text: 'Songs' });
    const statsUrl = `https://generic.wg.spotify.com/song-stats-view/v1/artist/${ARTIST}/recording/${SONG_1}/stats?country=&fromDate=2026-01-01&toDate=2026-01-03`;
    const body = (y: string) => JSON.stringify({ streams: { current_period_timeseries: [{ x: '2026-01-01', y }] } });
    const message = (fields: Record<string, unknown>) => ({ channel: SPOTIFY_CHANNEL, url: statsUrl, status: 200, body: body('5'), truncated: false, ...fields });
    await dashboard.postWindowMessages([
      message({ url: `https://evil.example/song-stats-view/v1/artist/${ARTIST}/recording/${SONG_1}/stats` }), // wrong data host
      message({ body: body('-3') }), // impossible count
      message({ body: body('1.2K') }), // not a count
      message({ body: '{"streams": ' }), // not JSON
      message({ body: 'x'.repeat(5 * 1024 * 1024) }), // over the size cap
      message({ body: null, truncated: true }), // the observer said it was too large
      message({ channel: 'someone-else', body: body('7') }), // another channel
      message({ url: 'https://generic.wg.spotify.com/unknown/path', body: body('9') }), // a path no reader knows
      message({ status: '200', url: 42 }), // wrong types
    ]);

    // A flood: 3,000 messages at once. At most a burst of 60 (less what came before) is read,
    // each storing nothing (no reader knows the path); the rest are dropped and counted.
    const FLOOD = 3000;
    await dashboard.postWindowMessages(Array.from({ length: FLOOD }, (_, i) => message({ url: `https://generic.wg.spotify.com/unknown/flood/${i}`, body: body('9') })));
    const dropped = async () => (await storedReadings(driver)).reduce((sum, reading) => sum + (reading.dropped?.messages ?? 0), 0);
    // At most the burst plus 20 a second while the flood is being posted are read (without the limit: none dropped).
    await expect.poll(dropped, { timeout: 15_000 }).toBeGreaterThanOrEqual(FLOOD - 300);
    expect(await dropped()).toBeLessThanOrEqual(FLOOD);

    // In-page navigation flushes whatever the reader collected on the songs page first.
    await dashboard.click('nav-song-1');
    await dashboard.waitFor({ testId: 'song-stats', text: 'Harbour Lights' });
    await expect.poll(() => storedDayCount(driver, SONG_1), { timeout: 15_000 }).toBe(STORED_DAYS);
    const history = await driver.storedHistory();
    expect(history.observations.filter((obs) => !obs.day.startsWith('2026-03-'))).toEqual([]);
    expect((await storedReadings(driver)).filter((reading) => reading.observationCount > 0).map((reading) => reading.path)).not.toContain(new URL(SONGS_URL).pathname);
  },
};
