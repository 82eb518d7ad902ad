/**
 * The added dashboards' messages over a real store (fake-indexeddb): adding by distributor or
 * address (a wrong or built-in address stores nothing), access read from the browser, scripts
 * synced after each change, renaming and deleting recipes (with what they read), and recipe
 * files: export → import gives the same recipes, a hostile file is refused whole.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IMUSICIAN_RECIPE } from '../../../core/sources/imusician/recipe';
import { englishMessage } from '../../../core/i18n/english';
import { routeMessage, type Sender } from '../../../core/messaging/router';
import type { MessageType, RequestOf, ResponseOf } from '../../../core/messaging/protocol';
import { SITES } from '../../../core/sites';
import { serialiseRecipes } from '../../../core/recipes';
import type { Store } from '../../../core/store';
import { createHandlers } from '../../../entrypoints/background/handlers';
import type { DashboardAccess } from '../../../entrypoints/background/handlers/dashboards';
import { freshStore } from '../store/fixtures';
import { DISTROKID_RECIPE, distrokidReading, WEEKLY_RECIPE } from '../../fixtures/ui/recipes';

const NOW = new Date('2026-04-20T12:00:00.000Z');
const extension: Sender = { kind: 'extension' };

const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function setup(granted: readonly string[] = [], scriptsFailure: string | null = null) {
  const store = await freshStore();
  stores.push(store);
  const synced: string[][] = [];
  const access: DashboardAccess = {
    granted: async (origin) => granted.includes(origin),
    sync: async (opened) => synced.push((await opened.listTaughtSites()).map((site) => site.id)),
    lastFailure: async () => scriptsFailure,
  };
  const handlers = createHandlers(async () => store, () => NOW, undefined, { dashboards: access });
  const send = async <K extends MessageType>(type: K, payload: RequestOf<K>, sender: Sender = extension): Promise<ResponseOf<K>> => {
    const reply = await routeMessage({ type, payload }, sender, handlers);
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as ResponseOf<K>;
  };
  return { store, send, synced };
}

describe('adding and removing dashboards', () => {
  it('adds a known distributor at its public host, reads its access, and syncs its scripts', async () => {
    const { store, send, synced } = await setup(['https://distrokid.com/*']);
    const result = await send('ui:addDashboard', { distributor: 'distrokid', address: '' });
    expect(result).toMatchObject({ added: { site: { id: 'taught-distrokid', label: 'DistroKid', host: 'distrokid.com', addedAt: NOW.toISOString() }, access: true, recipes: [] } });
    expect((await store.listTaughtSites()).map((site) => site.id)).toEqual(['taught-distrokid']);
    expect(synced).toEqual([['taught-distrokid']]);
  });

  it('adds an address of the artist’s own, without access until the browser gives it', async () => {
    const { send } = await setup();
    await send('ui:addDashboard', { distributor: 'other', address: 'https://portal.example-label.com/analytics?x=1' });
    const { dashboards } = await send('ui:listDashboards', {});
    expect(dashboards).toEqual([
      expect.objectContaining({ site: expect.objectContaining({ host: 'portal.example-label.com', distributor: 'other', matches: ['https://portal.example-label.com/*'] }), access: false }),
    ]);
  });

  it.each([
    ['http://distrokid.example/stats', 'address-not-https'],
    ['https://artists.spotify.com/c/artist/x', 'address-built-in'],
    ['not an address', 'address-invalid'],
    ['', 'address-needed'],
  ] as const)('refuses %j (%s) and stores nothing', async (address, problem) => {
    const { store, send, synced } = await setup();
    expect(await send('ui:addDashboard', { distributor: 'other', address })).toEqual({ problem });
    expect(await store.listTaughtSites()).toEqual([]);
    expect(synced).toEqual([]);
  });

  it('says why the browser refused to start reading on the added dashboards, only while there is one', async () => {
    const { send } = await setup(['https://distrokid.com/*'], 'Could not load javascript');
    expect((await send('ui:listDashboards', {})).scriptsFailure).toBeNull();
    await send('ui:addDashboard', { distributor: 'distrokid', address: '' });
    expect((await send('ui:listDashboards', {})).scriptsFailure).toBe('Could not load javascript');
  });

  it('adding the same dashboard again keeps when it was first added', async () => {
    const { store, send } = await setup();
    await send('ui:addDashboard', { distributor: 'tunecore', address: '' });
    const [first] = await store.listTaughtSites();
    await store.putTaughtSite({ ...first!, addedAt: '2026-01-02T03:04:05.000Z' });
    const again = await send('ui:addDashboard', { distributor: 'tunecore', address: '' });
    expect(again).toMatchObject({ added: { site: { id: 'taught-tunecore', addedAt: '2026-01-02T03:04:05.000Z' } } });
    expect(await store.listTaughtSites()).toHaveLength(1);
  });

  it('removes a dashboard, keeps its recipes (listed apart), and syncs', async () => {
    const { store, send, synced } = await setup(['https://distrokid.com/*']);
    await store.putRecipes([DISTROKID_RECIPE]);
    await send('ui:addDashboard', { distributor: 'distrokid', address: '' });
    expect((await send('ui:listDashboards', {})).dashboards[0]!.recipes.map((entry) => entry.recipe.id)).toEqual([DISTROKID_RECIPE.id]);
    expect(await send('ui:removeDashboard', { id: 'taught-distrokid' })).toEqual({ removed: true });
    expect(synced.at(-1)).toEqual([]);
    expect(await send('ui:listDashboards', {})).toEqual({ dashboards: [], otherRecipes: [{ recipe: DISTROKID_RECIPE, readings: 0 }], builtIn: [{ recipe: IMUSICIAN_RECIPE, readings: 0 }], scriptsFailure: null });
    expect(await send('ui:removeDashboard', { id: 'taught-distrokid' })).toEqual({ removed: false });
  });

  it('is refused from a dashboard page', async () => {
    const { store, send } = await setup();
    const page: Sender = { kind: 'content', site: SITES[0], tabId: 3, incognito: false };
    await expect(send('ui:addDashboard', { distributor: 'distrokid', address: '' }, page)).rejects.toThrow(/not accepted from a web page/);
    await expect(send('ui:importRecipes', { fileName: 'r.json', text: serialiseRecipes([DISTROKID_RECIPE]) }, page)).rejects.toThrow(/not accepted from a web page/);
    expect(await store.listTaughtSites()).toEqual([]);
    expect(await store.listRecipes()).toEqual([]);
  });
});

describe('recipes', () => {
  it('counts what each recipe read, renames it as clean text, and refuses an empty name', async () => {
    const { store, send } = await setup();
    await store.putRecipes([DISTROKID_RECIPE]);
    await store.ingestReading(distrokidReading('2026-04-10T10:00:00.000Z'), { refused: null });
    await store.ingestReading(distrokidReading('2026-04-12T10:00:00.000Z'), { refused: null });
    expect((await send('ui:listDashboards', {})).otherRecipes).toEqual([{ recipe: DISTROKID_RECIPE, readings: 2 }]);

    const { recipe } = await send('ui:renameRecipe', { id: DISTROKID_RECIPE.id, name: '  DK\u0000 <b>Spotify</b>\u202e  ' });
    expect(recipe.name).toBe('DK <b>Spotify</b>');
    expect((await store.listProvenance()).map((record) => record.recipeName)).toEqual(['DK <b>Spotify</b>', 'DK <b>Spotify</b>']);
    await expect(send('ui:renameRecipe', { id: DISTROKID_RECIPE.id, name: ' \u200b ' })).rejects.toThrow('a recipe needs a name');
    await expect(send('ui:renameRecipe', { id: 'r-nosuchrecipe1', name: 'x' })).rejects.toThrow(/no such recipe/);
  });

  it('deletes a recipe with what it read, and says how many counts went', async () => {
    const { store, send } = await setup();
    await store.putRecipes([DISTROKID_RECIPE]);
    await store.ingestReading(distrokidReading('2026-04-10T10:00:00.000Z'), { refused: null });
    const before = (await store.getHistory()).observations.length;
    expect(before).toBe(7);
    expect(await send('ui:deleteRecipe', { id: DISTROKID_RECIPE.id, withReadings: true })).toEqual({ deleted: true, revisionsRemoved: 7 });
    expect((await store.getHistory()).observations).toEqual([]);
    expect(await store.listRecipes()).toEqual([]);
  });

  it('deletes a recipe alone: what it read stays', async () => {
    const { store, send } = await setup();
    await store.putRecipes([DISTROKID_RECIPE]);
    await store.ingestReading(distrokidReading('2026-04-10T10:00:00.000Z'), { refused: null });
    expect(await send('ui:deleteRecipe', { id: DISTROKID_RECIPE.id, withReadings: false })).toEqual({ deleted: true, revisionsRemoved: 0 });
    expect((await store.getHistory()).observations).toHaveLength(7);
  });
});

describe('recipe files', () => {
  it('export → import on another browser gives the same recipes back, marked imported', async () => {
    const first = await setup();
    await first.store.putRecipes([DISTROKID_RECIPE, WEEKLY_RECIPE]);
    const exported = await first.send('ui:exportRecipes', {});
    expect(exported).toMatchObject({ fileName: 'crosscount-recipes-2026-04-20.json', count: 2 });

    const second = await setup();
    expect(await second.send('ui:importRecipes', { fileName: exported.fileName, text: exported.text })).toEqual({ imported: 2, unchanged: 0 });
    expect(await second.store.listRecipes()).toEqual([{ ...DISTROKID_RECIPE, origin: 'imported' }, WEEKLY_RECIPE]);
    // The same file again: nothing new.
    expect(await second.send('ui:importRecipes', { fileName: exported.fileName, text: exported.text })).toEqual({ imported: 0, unchanged: 2 });
    expect(await second.store.listRecipes()).toHaveLength(2);
  });

  it('an imported recipe with a known id but other knowledge gets its own id: the known one and its readings stay', async () => {
    const { store, send } = await setup();
    await store.putRecipes([DISTROKID_RECIPE]);
    const other = { ...DISTROKID_RECIPE, series: ['data', '*', 'daily'] };
    expect(await send('ui:importRecipes', { fileName: 'shared.json', text: serialiseRecipes([other]) })).toEqual({ imported: 1, unchanged: 0 });
    const recipes = await store.listRecipes();
    expect(recipes).toHaveLength(2);
    expect(recipes).toContainEqual(DISTROKID_RECIPE);
    const added = recipes.find((recipe) => recipe.id !== DISTROKID_RECIPE.id)!;
    expect(added).toEqual({ ...other, id: added.id, origin: 'imported' });
    expect(added.id).toMatch(/^r-[A-Za-z0-9]{16}$/);
  });

  it('refuses a hostile file whole with its one line, and stores nothing', async () => {
    const { store, send } = await setup();
    const file = JSON.parse(serialiseRecipes([DISTROKID_RECIPE, WEEKLY_RECIPE]));
    file.recipes[1].response.host = 'evil.example:8080';
    const result = await send('ui:importRecipes', { fileName: 'shared.json', text: JSON.stringify(file) });
    expect(result).toMatchObject({ refused: { key: 'recipeFileRefused', params: { file: 'shared.json' } } });
    expect('refused' in result ? englishMessage(result.refused) : '').toMatch(/^shared\.json .*recipe 2\.response\.host/);
    expect(await store.listRecipes()).toEqual([]);
  });
});
