// @vitest-environment happy-dom
/**
 * The history page's Dashboards section and site access list, and the welcome page's add step,
 * over the real background handlers and store (in memory) and a fake of the browser's site
 * access: the click asks for exactly the dashboard's origin before anything else, a wrong
 * address is one line and asks nothing, recipes are renamed, deleted (with what they read),
 * exported and imported, a hostile recipe file is refused whole.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HistoryApp } from '../../../entrypoints/options/HistoryApp';
import { WelcomeApp } from '../../../entrypoints/welcome/WelcomeApp';
import { serialiseRecipes } from '../../../core/recipes';
import { now, realBackground } from './helpers';
import { fakeSiteAccess } from './fake-site-access';
import { DISTROKID_RECIPE, distrokidReading, WEEKLY_RECIPE } from '../../fixtures/ui/recipes';
import { taughtSiteFor } from '../../../core/taught-sites';
import { speak } from '../i18n/catalogs';

configure({ asyncUtilTimeout: 5000 });
afterEach(cleanup);

async function page(options: { answer?: boolean; granted?: readonly string[]; scriptsFailure?: string } = {}) {
  const access = fakeSiteAccess(options);
  const background = await realBackground({ dashboards: access.background });
  return { ...background, access, show: () => render(<HistoryApp send={background.send} locale="en-GB" now={now} permissions={access.api} />) };
}

async function withDistroKid(options: { granted?: readonly string[]; scriptsFailure?: string } = { granted: ['https://distrokid.com/*'] }) {
  const setup = await page(options);
  const made = taughtSiteFor({ distributor: 'distrokid', address: '' }, '2026-04-01T09:00:00.000Z');
  if ('problem' in made) throw new Error(made.problem);
  await setup.store.putTaughtSite(made.site);
  await setup.store.putRecipes([DISTROKID_RECIPE]);
  await setup.store.ingestReading(distrokidReading('2026-04-10T10:00:00.000Z'), { refused: null });
  setup.show();
  const dashboard = await screen.findByTestId('dashboard');
  return { ...setup, dashboard };
}

const section = () => screen.getByTestId('dashboards');
const announced = () => screen.getByTestId('announcer').textContent;

describe('adding a dashboard', () => {
  it('asks the browser for exactly the distributor’s origin, in the click itself, then lists it with access', async () => {
    const { access, store, show } = await page();
    show();
    const form = within(section()).getByTestId('add-dashboard');
    fireEvent.change(within(form).getByLabelText('Distributor'), { target: { value: 'tunecore' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add and give access' }));
    // Synchronously, before any await: Firefox shows the prompt only inside the gesture.
    expect(access.api.request).toHaveBeenCalledTimes(1);
    expect(access.api.request).toHaveBeenCalledWith({ origins: ['https://www.tunecore.com/*'] });
    expect(await within(form).findByTestId('add-dashboard-added')).toHaveProperty('textContent', expect.stringContaining('TuneCore added.'));
    const dashboard = await screen.findByTestId('dashboard');
    expect(within(dashboard).getByRole('heading', { name: 'TuneCore' })).toBeTruthy();
    expect(within(dashboard).getByTestId('dashboard-access').textContent).toBe('Access given');
    expect(within(dashboard).getByRole('link', { name: 'Open www.tunecore.com' }).getAttribute('href')).toBe('https://www.tunecore.com/');
    expect((await store.listTaughtSites()).map((site) => site.host)).toEqual(['www.tunecore.com']);
    expect(access.synced).toEqual([['taught-tunecore']]);
  });

  it('asks for the address of a distributor without a known host, and for another address', async () => {
    const { access, store, show } = await page();
    show();
    const form = within(section()).getByTestId('add-dashboard');
    fireEvent.change(within(form).getByLabelText('Distributor'), { target: { value: 'other' } });
    expect(within(form).getByRole('option', { name: 'Another address' })).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('Address of its stats page'), { target: { value: 'portal.example-label.com/analytics' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add and give access' }));
    expect(access.api.request).toHaveBeenCalledWith({ origins: ['https://portal.example-label.com/*'] });
    await waitFor(async () => expect((await store.listTaughtSites()).map((site) => site.host)).toEqual(['portal.example-label.com']));
  });

  it.each([
    ['http://stats.example-label.com', 'Only https addresses can be added.'],
    ['artists.spotify.com/c/artist/x', 'Crosscount already reads this site without adding it.'],
    ['', 'Type the address of its stats page.'],
  ])('refuses %j with one line, asks the browser nothing and stores nothing', async (address, line) => {
    const { access, store, show } = await page();
    show();
    const form = within(section()).getByTestId('add-dashboard');
    fireEvent.change(within(form).getByLabelText('Distributor'), { target: { value: 'awal' } });
    fireEvent.input(within(form).getByLabelText('Address of its stats page'), { target: { value: address } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add and give access' }));
    expect(within(form).getByTestId('add-dashboard-problem').textContent).toBe(line);
    expect(access.api.request).not.toHaveBeenCalled();
    expect(await store.listTaughtSites()).toEqual([]);
  });

  it('adds nothing when the artist declines the browser’s prompt', async () => {
    const { access, store, calls, show } = await page({ answer: false });
    show();
    fireEvent.click(within(section()).getByRole('button', { name: 'Add and give access' }));
    expect(access.api.request).toHaveBeenCalledWith({ origins: ['https://distrokid.com/*'] });
    expect((await within(section()).findByTestId('add-dashboard-problem')).textContent).toBe('Your browser did not give access to distrokid.com: nothing was added.');
    expect(calls).not.toContain('ui:addDashboard');
    expect(await store.listTaughtSites()).toEqual([]);
  });
});

describe('an added dashboard', () => {
  it('without access offers to give it, for exactly its origin', async () => {
    const { access, dashboard } = await withDistroKid({ granted: [] });
    expect(within(dashboard).getByTestId('dashboard-access').textContent).toContain('No access: nothing is read there');
    fireEvent.click(within(dashboard).getByRole('button', { name: 'Give access' }));
    expect(access.api.request).toHaveBeenCalledWith({ origins: ['https://distrokid.com/*'] });
    await waitFor(() => expect(within(screen.getByTestId('dashboard')).getByTestId('dashboard-access').textContent).toBe('Access given'));
  });

  it('is removed with its access; its recipe stays, listed apart', async () => {
    const { access, store, dashboard } = await withDistroKid();
    fireEvent.click(within(dashboard).getByRole('button', { name: "Remove DistroKid and Crosscount's access to it" }));
    await waitFor(() => expect(screen.queryByTestId('dashboard')).toBeNull());
    expect(access.api.remove).toHaveBeenCalledWith({ origins: ['https://distrokid.com/*'] });
    expect(access.granted.has('https://distrokid.com/*')).toBe(false);
    expect(await store.listTaughtSites()).toEqual([]);
    expect(within(section()).getByRole('heading', { name: 'Recipes for dashboards not added' })).toBeTruthy();
    expect(within(section()).getByRole('heading', { name: 'DistroKid daily stats' })).toBeTruthy();
  });

  it('says so when the browser refused to start reading there, with the browser’s words', async () => {
    await withDistroKid({ granted: ['https://distrokid.com/*'], scriptsFailure: 'Could not load javascript' });
    expect(within(section()).getByTestId('dashboards-scripts-failure').textContent).toBe(
      'The browser did not let Crosscount start reading on your added dashboards (Could not load javascript), so nothing is read there for now. It tries again when the browser starts and whenever site access changes.',
    );
  });

  it('shows what its recipe reads in plain words', async () => {
    const { dashboard } = await withDistroKid();
    const recipe = within(dashboard).getByTestId('recipe');
    expect([...recipe.querySelectorAll('.hp-recipe__review li')].map((line) => line.textContent)).toEqual([
      'Reads songs[*].days in the responses from distrokid.com/api/stats/daily, on distrokid.com/stats/**.',
      'Store: Spotify.',
      'Daily numbers.',
      'You confirmed it on Apr 3, 2026.',
      'It has read 1 visit.',
    ]);
  });
});

describe('the built-in recipes', () => {
  it('lists iMusician’s read-only: what it reads in plain words, no rename or delete', async () => {
    const { show } = await page();
    show();
    const builtIn = await within(section()).findByTestId('built-in-recipe');
    expect(builtIn.querySelector('h4')?.textContent).toBe('iMusician');
    expect([...builtIn.querySelectorAll('.hp-recipe__review li')].map((line) => line.textContent)).toEqual([
      'Finds daily series by their shape in the data responses from www.imusician.pro (an address with one of: api, graphql, gql, stat, stats, trend, analytic, statistic), on www.imusician.pro/**.',
      'Never reads an address about: auth, login, logout, signin, signup, sign-in, sign-up, register, session, token, oauth, password …',
      'Store: as each response names it, else the one the address filters on (store, shop, dsp, platform, service), else all stores.',
      'Daily numbers.',
      'Built into Crosscount (Dec 2, 2026).',
      'It has read 0 visits.',
    ]);
    expect(within(builtIn).queryAllByRole('button')).toEqual([]);
  });
});

describe('recipes', () => {
  it('renames one in place, as text', async () => {
    const { store, dashboard } = await withDistroKid();
    fireEvent.click(within(dashboard).getByRole('button', { name: 'Rename' }));
    const field = within(dashboard).getByLabelText('New name for “DistroKid daily stats”');
    fireEvent.input(field, { target: { value: '<img src=x onerror=alert(1)> DK Spotify' } });
    fireEvent.click(within(dashboard).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(announced()).toBe('Renamed to “<img src=x onerror=alert(1)> DK Spotify”.'));
    const heading = await within(screen.getByTestId('dashboard')).findByRole('heading', { name: '<img src=x onerror=alert(1)> DK Spotify' });
    expect(heading.querySelector('img')).toBeNull();
    expect((await store.listRecipes())[0]!.name).toBe('<img src=x onerror=alert(1)> DK Spotify');
  });

  it('deletes one with what it read, after a confirmation that says how much that is', async () => {
    const { store, dashboard } = await withDistroKid();
    fireEvent.click(within(dashboard).getByRole('button', { name: 'Delete' }));
    const confirm = within(dashboard).getByTestId('recipe-delete-confirm');
    expect(within(confirm).getByText('Delete the recipe “DistroKid daily stats”?')).toBeTruthy();
    fireEvent.click(within(confirm).getByLabelText('Also delete what it read (1 visit)'));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete recipe' }));
    await waitFor(() => expect(announced()).toBe('Recipe “DistroKid daily stats” deleted, with 7 counts it read.'));
    expect(await store.listRecipes()).toEqual([]);
    expect((await store.getHistory()).observations).toEqual([]);
    expect(await within(screen.getByTestId('dashboard')).findByText(/Nothing confirmed yet/)).toBeTruthy();
  });

  it('deleting one alone keeps what it read', async () => {
    const { store, dashboard } = await withDistroKid();
    fireEvent.click(within(dashboard).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(dashboard).getByRole('button', { name: 'Delete recipe' }));
    await waitFor(() => expect(announced()).toBe('Recipe “DistroKid daily stats” deleted; what it read is kept.'));
    expect((await store.getHistory()).observations).toHaveLength(7);
  });

  it('exports every recipe to a file that imports back, on a fresh browser, as the same recipes', async () => {
    const first = await withDistroKid();
    await first.store.putRecipes([WEEKLY_RECIPE]);
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:recipes';
    });
    fireEvent.click(within(section()).getByRole('button', { name: 'Export recipes' }));
    await waitFor(() => expect(screen.getByTestId('recipes-file-line').textContent).toBe('2 recipes saved as crosscount-recipes-2026-04-20.json.'));
    const text = await blobs[0]!.text();
    vi.restoreAllMocks();
    cleanup();

    const second = await page();
    second.show();
    fireEvent.change(within(section()).getByTestId('recipes-input'), { target: { files: [new File([text], 'crosscount-recipes-2026-04-20.json')] } });
    await waitFor(() => expect(screen.getByTestId('recipes-file-line').textContent).toBe('crosscount-recipes-2026-04-20.json: 2 new recipes.'));
    expect(await second.store.listRecipes()).toEqual([{ ...DISTROKID_RECIPE, origin: 'imported' }, WEEKLY_RECIPE]);
    expect(await within(section()).findByRole('heading', { name: 'Label portal weekly' })).toBeTruthy();
  });

  it('refuses a hostile recipe file with its one line, and stores nothing', async () => {
    const { store, show } = await page();
    show();
    const file = JSON.parse(serialiseRecipes([DISTROKID_RECIPE]));
    file.recipes[0].series = ['*', '*', '*', '*'];
    fireEvent.change(within(section()).getByTestId('recipes-input'), { target: { files: [new File([JSON.stringify(file)], 'shared.json')] } });
    const line = await screen.findByTestId('recipes-file-line');
    await waitFor(() => expect(line.textContent).toBe('shared.json was not imported: recipe 1.series: more than 3 wildcards'));
    expect(line.className).toBe('cc-alert');
    expect(await store.listRecipes()).toEqual([]);
  });
});

describe('site access in the settings', () => {
  it('lists the built-in dashboards and the added one, whose access alone can be taken back', async () => {
    const { access, store } = await withDistroKid();
    const list = screen.getByTestId('site-access');
    await waitFor(() => expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Spotify for Artists · Access given',
      'iMusician · Access given',
      'DistroKid (distrokid.com) · Access given Remove access',
    ]));
    fireEvent.click(within(list).getByRole('button', { name: "Remove Crosscount's access to distrokid.com" }));
    expect(access.api.remove).toHaveBeenCalledWith({ origins: ['https://distrokid.com/*'] });
    await waitFor(() => expect(within(screen.getByTestId('dashboard')).getByTestId('dashboard-access').textContent).toContain('No access'));
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    // The dashboard stays added, ready for "Give access".
    expect(await store.listTaughtSites()).toHaveLength(1);
  });
});

describe('the welcome page', () => {
  it('adds the artist’s distributor with the same step', async () => {
    const access = fakeSiteAccess();
    const { send, store } = await realBackground({ dashboards: access.background });
    render(<WelcomeApp historyHref="options.html" shortcut="Alt+Shift+C" send={send} permissions={access.api} />);
    const step = screen.getByTestId('welcome-dashboard');
    expect(within(step).getByRole('heading', { name: "Add your distributor's dashboard" })).toBeTruthy();
    fireEvent.change(within(step).getByLabelText('Distributor'), { target: { value: 'ditto' } });
    fireEvent.click(within(step).getByRole('button', { name: 'Add and give access' }));
    expect(access.api.request).toHaveBeenCalledWith({ origins: ['https://dashboard.dittomusic.com/*'] });
    expect(await within(step).findByRole('link', { name: 'Open dashboard.dittomusic.com' })).toBeTruthy();
    expect((await store.listTaughtSites()).map((site) => site.id)).toEqual(['taught-ditto']);
  });
});

describe('in German', () => {
  it('speaks German, keeps the distributors’ names and writes dates the German way', async () => {
    speak('de');
    const { dashboard } = await withDistroKid();
    const form = within(section()).getByTestId('add-dashboard');
    expect(within(form).getByRole('option', { name: 'DistroKid' })).toBeTruthy();
    expect(within(form).getByRole('option', { name: 'Andere Adresse' })).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Hinzufügen und Zugriff erlauben' })).toBeTruthy();
    expect(within(dashboard).getByText('Von dir bestätigt am 3. Apr. 2026.')).toBeTruthy();
    expect(within(dashboard).getByText('Es hat 1 Besuch gelesen.')).toBeTruthy();
  });
});
