import { expect } from '@playwright/test';
import type { Journey } from './types';
import { SONG_1, songUrl, STORED_DAYS, storedDayCount } from './spotify-fixture';

const TRENDS = 'https://www.imusician.pro/app/analytics/trends';
/** The table showing one day 7 streams higher than the data says (HYPOTHETICAL test switch, test/fixtures/pages/imusician/trends.html). */
const MISRENDERED = '2026-03-10';

/**
 * The iMusician reader stores its trends under the right recording, and its overlay compares them
 * with S4A. Checked against the page: a visit whose table shows one day otherwise than the data
 * response stores every day but that one, and the diagnostics say why; the next visit, agreeing,
 * stores it.
 */
export const imusicianReader: Journey = {
  title: 'the iMusician reader stores the trends, linked to the S4A song, and its overlay compares them',
  async run(driver) {
    const spotify = await driver.openDashboard(songUrl(SONG_1));
    await spotify.waitFor({ testId: 'crosscount-overlay' }, { timeoutMs: 15_000 });
    // S4A's days are stored before iMusician is visited, so the trends reading is what links them.
    await expect.poll(() => storedDayCount(driver, SONG_1), { timeout: 15_000 }).toBe(STORED_DAYS);

    const imusicianCount = async () => (await driver.storedHistory()).observations.filter((obs) => obs.source === 'imusician').length;
    const misrendered = await driver.openDashboard(`${TRENDS}?misrender=${MISRENDERED}`);
    await misrendered.waitFor({ testId: 'trends' });
    await expect.poll(imusicianCount, { timeout: 15_000 }).toBe(26);
    expect((await driver.storedHistory()).observations.some((obs) => obs.source === 'imusician' && obs.day === MISRENDERED)).toBe(false);
    await misrendered.close();
    const diagnostics = await driver.openExtensionPage('options.html#diagnostics');
    const why = await diagnostics.waitFor({ testId: 'visit-response-check', text: `not stored: ${MISRENDERED}` }, { timeoutMs: 10_000 });
    expect(why).toContain(`checked against the page's days: 26 of 27 days agree; not stored: ${MISRENDERED} (response 233, page 240)`);
    await diagnostics.close();

    const trends = await driver.openDashboard(TRENDS);
    await trends.waitFor({ testId: 'trends' });
    await expect.poll(imusicianCount, { timeout: 15_000 }).toBe(27);

    const history = await driver.storedHistory();
    const recording = history.tracks.find((track) => track.isrc === 'CHA012400001');
    expect(recording).toMatchObject({ title: 'Harbour Lights', distributorIds: { imusician: '4711' }, spotifyTrackIds: [SONG_1] });
    // Values from test/fixtures/pages/imusician: the incident day, Spotify store, streams.
    const incident = history.observations.find((obs) => obs.source === 'imusician' && obs.day === '2026-03-20');
    expect(incident).toMatchObject({ store: 'spotify', metric: 'streams', value: 94, track: recording!.id });

    await trends.waitFor({ testId: 'overlay-day' }, { timeoutMs: 15_000 });
    const incidentRow = await trends.waitFor({ testId: 'overlay-day', text: 'Mar 20' });
    expect(incidentRow).toContain('229');
    expect(incidentRow).toContain('94');
    expect(incidentRow).toContain('Anomaly');
    await trends.waitFor({ testId: 'crosscount-overlay', text: 'Filtered plays' });
  },
};
