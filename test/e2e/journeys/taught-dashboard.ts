/**
 * A distributor's dashboard taught in one confirmation (issue 17), on a fixture dashboard at a
 * real distributor host that no built-in knowledge reads: DistroKid's, HYPOTHETICAL in every
 * detail (test/fixtures/pages/distrokid/README.md).
 *
 * The grant: Firefox answers the extension's `permissions.request` with the pref Mozilla's own
 * tests use. Chromium cannot answer its access prompt in automation (support/test-build.ts says
 * what was tried), so in Chromium this journey runs a TEST BUILD copy whose manifest already
 * holds https://distrokid.com/*: the history page's click still asks (`permissions.request`,
 * which then resolves at once) and adds the dashboard through `ui:addDashboard`, but the prompt
 * itself is not exercised there. Taking access back goes through each browser's own control
 * (driver.revokeAccess): Chromium's chrome://extensions site access, Firefox's add-on permissions.
 */
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DashboardList, ReadingRecord } from '../../../core/messaging/protocol';
import { englishMessage } from '../../../core/i18n/english';
import type { Driver, Tab } from '../drivers/types';
import { taughtDays } from '../support/store-probe';
import { SONG_1, songUrl, STORED_DAYS, storedDayCount, storedReadings } from './spotify-fixture';
import type { Journey } from './types';

const ORIGIN = 'https://distrokid.com/*';
const STATS = 'https://distrokid.com/stats/daily';
const STATS_CHANGED = `${STATS}?shape=changed`;
/** The page drawing one day 7 streams higher than its data says (HYPOTHETICAL test switch, test/fixtures/pages/distrokid/README.md). */
const MISRENDERED = '2026-03-10';
const STATS_MISRENDERED = `${STATS}?misrender=${MISRENDERED}`;
/** The added dashboard's id: the observations' source (core/taught-sites.ts taughtSiteFor). */
const SOURCE = 'taught-distrokid';
const HARBOUR_LIGHTS = 'CHA012400001';

/** The panel's parts on a dashboard no recipe reads yet (components/overlay/TeachPanel.tsx). */
const PANEL = {
  panel: 'teach-panel',
  candidate: 'teach-candidate',
  store: 'teach-store',
  confirm: 'teach-confirm',
  noMatch: 'teach-no-match',
} as const;

interface FixtureTrack {
  isrc: string;
  title: string;
  daily: { date: string; streams: number }[];
}

/** What the fixture site answers: the numbers the dashboard shows, to compare the store with. */
function fixtureTracks(): FixtureTrack[] {
  const file = resolve(import.meta.dirname, '../../fixtures/pages/distrokid/api/daily-stats.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { data: { tracks: FixtureTrack[] } }).data.tracks;
}

async function dashboards(driver: Driver): Promise<DashboardList> {
  const reply = await driver.sendMessage<DashboardList>('ui:listDashboards', {});
  if (!reply.ok) throw new Error(`ui:listDashboards: ${reply.error}`);
  return reply.data;
}

const taughtReadings = async (driver: Driver): Promise<ReadingRecord[]> => (await storedReadings(driver)).filter((reading) => reading.site === SOURCE);
const taughtObservations = async (driver: Driver): Promise<number> => (await driver.storedHistory()).observations.filter((obs) => obs.source === SOURCE).length;

/** The page's own fetch is the browser's: no observer runs in it. */
const fetchIsNative = (tab: Tab) => tab.evaluate(() => Function.prototype.toString.call(window.fetch).includes('[native code]'), null);

async function addDistroKid(driver: Driver): Promise<void> {
  const historyPage = await driver.openExtensionPage('options.html#dashboards');
  await historyPage.waitFor({ testId: 'add-dashboard' });
  await historyPage.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>('[data-testid="add-dashboard"] select');
    if (!select) throw new Error('no distributor list in the add-dashboard form');
    select.value = 'distrokid';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, null);
  await historyPage.click({ selector: '[data-testid="add-dashboard"] button[type="submit"]' });
  expect(await historyPage.waitFor({ testId: 'add-dashboard-added' })).toContain('DistroKid');
  expect(await historyPage.waitFor({ testId: 'dashboard', text: 'distrokid.com' })).toContain('DistroKid');
  await historyPage.close();
}

export const taughtDashboard: Journey = {
  title: 'a DistroKid dashboard taught in one confirmation: added with access, candidates confirmed, read again, a changed shape refused, access taken back',
  launchOptions: { grantOrigins: [ORIGIN] },
  timeoutMs: 150_000,
  async run(driver) {
    const tracks = fixtureTracks();
    const harbour = tracks.find((track) => track.isrc === HARBOUR_LIGHTS)!;

    // Spotify for Artists first, as an artist would have it: the days DistroKid's are compared with.
    const spotify = await driver.openDashboard(songUrl(SONG_1));
    await spotify.waitFor({ testId: 'crosscount-overlay' }, { timeoutMs: 15_000 });
    await expect.poll(() => storedDayCount(driver, SONG_1), { timeout: 15_000 }).toBe(STORED_DAYS);
    await spotify.close();

    // Before it is added, nothing of Crosscount runs on DistroKid's page.
    const before = await driver.openDashboard(STATS);
    await before.waitFor({ testId: 'daily-stats', text: 'Harbour Lights' });
    expect(await fetchIsNative(before)).toBe(true);
    expect(await before.count({ testId: PANEL.panel })).toBe(0);
    await before.close();

    await addDistroKid(driver);
    const added = await dashboards(driver);
    expect(added.dashboards.map((entry) => [entry.site.id, entry.site.host, entry.access])).toEqual([[SOURCE, 'distrokid.com', true]]);

    // First visit with access: the candidates beside what the page renders; nothing stored before the answer.
    // The page draws 10 March otherwise than its data says: that day must not be stored.
    const stats = await driver.openDashboard(STATS_MISRENDERED);
    await stats.waitFor({ testId: 'daily-stats', text: 'Harbour Lights' });
    const first = await stats.waitFor({ testId: PANEL.candidate, text: '“Harbour Lights”' }, { timeoutMs: 15_000 });
    for (const row of harbour.daily.slice(0, 3)) expect(first).toContain(String(row.streams));
    expect(await stats.count({ testId: PANEL.candidate })).toBe(tracks.length);
    expect(await stats.waitFor({ testId: PANEL.panel })).toContain('Harbour Lights - Acoustic');
    expect(await taughtObservations(driver)).toBe(0);

    // The answer: these are the daily streams, on Spotify.
    await stats.click({ testId: PANEL.candidate, text: '“Harbour Lights”' });
    await stats.selectOption(PANEL.store, 'spotify');
    await stats.click(PANEL.confirm);

    await expect.poll(async () => (await dashboards(driver)).dashboards[0]?.recipes.length ?? 0, { timeout: 10_000 }).toBe(1);
    const recipe = (await dashboards(driver)).dashboards[0]!.recipes[0]!.recipe;
    expect(recipe).toMatchObject({ distributor: 'distrokid', origin: 'taught', page: { host: 'distrokid.com', path: '/stats/daily' }, store: { kind: 'fixed', store: 'spotify' } });

    const expected = Object.fromEntries(harbour.daily.map((row) => [row.date, { value: row.streams, store: 'spotify', recipe: recipe.id }]));
    const { [MISRENDERED]: misrendered, ...agreeing } = expected;
    await expect.poll(async () => taughtDays(await driver.storedHistory(), SOURCE, HARBOUR_LIGHTS), { timeout: 15_000 }).toEqual(agreeing);
    // The reading says why, with both counts (core/page-check/distributor-check.ts). The history
    // page's diagnostics list the built-in dashboards only, so the stored reading is read here.
    const checks = (await taughtReadings(driver)).flatMap((reading) => (reading.responses ?? []).flatMap((response) => (response.check && typeof response.check !== 'string' ? [englishMessage(response.check)] : [])));
    expect(checks).toContainEqual(
      expect.stringContaining(`checked against the page's days: ${harbour.daily.length - 1} of ${harbour.daily.length} days agree; not stored: ${MISRENDERED} (response ${misrendered!.value}, page ${misrendered!.value + 7})`),
    );
    const history = await driver.storedHistory();
    expect(history.tracks.find((track) => track.isrc === HARBOUR_LIGHTS)?.spotifyTrackIds).toContain(SONG_1);

    // The panel compares the taught days with Spotify for Artists (S4A 229 on 20 March).
    const incident = harbour.daily.find((row) => row.date === '2026-03-20')!;
    const row = await stats.waitFor({ testId: 'overlay-day', text: 'Mar 20' }, { timeoutMs: 15_000 });
    expect(row).toContain('229');
    expect(row).toContain(String(incident.streams));

    // A second visit reads with the recipe, without asking; the page now agrees, so 10 March is stored too.
    const readingsBefore = (await taughtReadings(driver)).length;
    await stats.goto(STATS);
    await stats.waitFor({ testId: 'daily-stats', text: 'Harbour Lights' });
    await expect.poll(async () => (await taughtReadings(driver)).length, { timeout: 15_000 }).toBe(readingsBefore + 1);
    const [again] = await taughtReadings(driver);
    expect(again).toMatchObject({ status: 'recognised', addedCount: 1 });
    expect(taughtDays(await driver.storedHistory(), SOURCE, HARBOUR_LIGHTS)).toEqual(expected);
    expect(again!.observationCount).toBeGreaterThanOrEqual(harbour.daily.length);
    await stats.waitFor({ testId: 'overlay-day', text: 'Mar 20' }, { timeoutMs: 15_000 });
    expect(await stats.count({ testId: PANEL.candidate })).toBe(0);

    // DistroKid changes its response: nothing is stored, and the panel says why.
    const storedBefore = await taughtObservations(driver);
    await stats.goto(STATS_CHANGED);
    await stats.waitFor({ testId: 'daily-stats', text: 'Harbour Lights' });
    expect(await stats.waitFor({ testId: PANEL.noMatch }, { timeoutMs: 15_000 })).toContain('The numbers are no longer where the recipe looks: the page has changed.');
    await expect.poll(async () => (await taughtReadings(driver)).length, { timeout: 15_000 }).toBe(readingsBefore + 2);
    const [refused] = await taughtReadings(driver);
    expect(refused).toMatchObject({ status: 'unrecognised', addedCount: 0 });
    expect(await taughtObservations(driver)).toBe(storedBefore);

    // Access taken back: the next visit runs none of Crosscount's scripts and reads nothing.
    await stats.close();
    await driver.revokeAccess(ORIGIN);
    await expect.poll(async () => (await dashboards(driver)).dashboards.map((each) => each.access), { timeout: 10_000 }).toEqual([false]);
    const after = await driver.openDashboard(STATS);
    await after.waitFor({ testId: 'daily-stats', text: 'Harbour Lights' });
    expect(await fetchIsNative(after)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await after.count({ testId: 'crosscount-overlay' })).toBe(0);
    expect(await taughtReadings(driver)).toHaveLength(readingsBefore + 2);
  },
};
