/**
 * Migration 005 (recipes, added dashboards, provenance) and the store's recipe operations: a
 * version-4 database keeps everything and reads as built-in knowledge; a recipe reading records
 * its recipe; renaming follows into the provenance; deleting with its readings takes exactly
 * what it read and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase, openStore } from '../../../core/store';
import { readingSchema, type Reading } from '../../../core/messaging/reading';
import type { Recipe } from '../../../core/recipes/types';
import { taughtSiteFor } from '../../../core/taught-sites';
import { parseHistoryFile } from '../../../core/history/parse';
import { writeHistoryFile } from '../../../core/history/write';
import { byKey, freshFactory, imusicianReading, s4aReading } from './fixtures';
import { DISTROKID_RECIPE, distrokidReading as recipeReading } from '../../fixtures/ui/recipes';

const factories = new WeakMap<object, IDBFactory>();
/** openStore over a factory we keep, so the test can read its records raw. */
async function openStoreKept(factory: IDBFactory) {
  const store = await openStore({ factory });
  factories.set(store, factory);
  return store;
}
function factoryOf(store: object): IDBFactory {
  return factories.get(store)!;
}

const NAME = 'crosscount';

// The fixture recipe, confirmed a year before the visits below.
const RECIPE: Recipe = { ...DISTROKID_RECIPE, confirmedAt: '2025-04-03T10:00:00.000Z' };
const distrokidReading = (readAt: string, bump = 0, recipe: Pick<Recipe, 'id' | 'name'> | null = RECIPE): Reading => recipeReading(readAt, recipe, bump);

describe('migration 005: recipes, added dashboards, provenance', () => {
  it('a version-4 database keeps its data, gains the three stores, and reads as built-in knowledge', async () => {
    // What version 4 held, written as that version's records (built by today's store, then copied over raw).
    const current = await openStoreKept(freshFactory());
    await current.ingestReading(s4aReading(), { refused: null });
    await current.ingestReading(imusicianReading(), { refused: null });
    const before = await current.getHistory();
    current.close();
    const factory = freshFactory();
    const v4 = await openDatabase({ factory, name: NAME, migrations: MIGRATIONS.slice(0, 4) });
    expect(v4.version).toBe(4);
    const source = await openDatabase({ factory: factoryOf(current), name: NAME, migrations: MIGRATIONS });
    for (const name of ['tracks', 'observations', 'readings']) for (const record of await source.getAll(name)) await v4.put(name, record);
    source.close();
    v4.close();

    const store = await openStore({ factory });
    const after = await store.getHistory();
    expect(after.observations.sort(byKey)).toEqual(before.observations.sort(byKey));
    expect(after.tracks).toEqual(before.tracks);
    expect(after.provenance).toBeUndefined();
    expect(await store.listRecipes()).toEqual([]);
    expect(await store.listTaughtSites()).toEqual([]);
    store.close();

    const db = await openDatabase({ factory, name: NAME, migrations: MIGRATIONS });
    expect(db.version).toBe(5);
    expect([...db.objectStoreNames].sort()).toEqual(['money', 'observations', 'provenance', 'readings', 'recipes', 'settings', 'taughtSites', 'tracks']);
    db.close();
  });

  it('a recipe reading records its recipe; a built-in one records nothing; rename follows', async () => {
    const store = await openStore({ factory: freshFactory() });
    await store.putRecipes([RECIPE]);
    await store.ingestReading(s4aReading(), { refused: null });
    await store.ingestReading(distrokidReading('2025-04-03T10:00:00.000Z'), { refused: null });
    // The same reading again adds nothing, and no second record.
    await store.ingestReading(distrokidReading('2025-04-03T10:00:00.000Z'), { refused: null });
    // With the recipe's confirmation time and origin, which the store had.
    expect(await store.listProvenance()).toEqual([
      { source: 'taught-distrokid', observedAt: '2025-04-03T10:00:00.000Z', recipe: RECIPE.id, recipeName: 'DistroKid daily stats', confirmedAt: RECIPE.confirmedAt, origin: 'taught' },
    ]);

    expect(await store.renameRecipe(RECIPE.id, 'DK, Spotify only')).toMatchObject({ id: RECIPE.id, name: 'DK, Spotify only' });
    expect((await store.listProvenance())[0]!.recipeName).toBe('DK, Spotify only');
    expect(await store.renameRecipe('r-nosuchrecipe1', 'x')).toBeNull();
    store.close();
  });

  it('deleting a recipe with its readings removes exactly what it read; without, keeps them', async () => {
    const store = await openStore({ factory: freshFactory() });
    await store.putRecipes([RECIPE]);
    await store.ingestReading(s4aReading(), { refused: null });
    // A built-in-looking reading of the same source (from a file, say) must survive.
    await store.ingestReading(distrokidReading('2025-04-02T10:00:00.000Z', 0, null), { refused: null });
    await store.ingestReading(distrokidReading('2025-04-03T10:00:00.000Z', 5), { refused: null });
    const all = await store.getHistory();
    const byRecipe = all.observations.filter((obs) => obs.observedAt === '2025-04-03T10:00:00.000Z');
    expect(byRecipe.length).toBeGreaterThan(0);

    const kept = await openStore({ factory: freshFactory() });
    await kept.putRecipes([RECIPE]);
    await kept.ingestReading(distrokidReading('2025-04-03T10:00:00.000Z'), { refused: null });
    expect(await kept.deleteRecipe(RECIPE.id, false)).toEqual({ deleted: true, revisionsRemoved: 0 });
    expect((await kept.getHistory()).observations).toHaveLength(7);
    kept.close();

    expect(await store.deleteRecipe(RECIPE.id, true)).toEqual({ deleted: true, revisionsRemoved: byRecipe.length });
    const after = await store.getHistory();
    expect(after.observations.sort(byKey)).toEqual(all.observations.filter((obs) => obs.observedAt !== '2025-04-03T10:00:00.000Z').sort(byKey));
    expect(after.provenance).toBeUndefined();
    expect(await store.listRecipes()).toEqual([]);
    expect(await store.deleteRecipe(RECIPE.id, true)).toEqual({ deleted: false, revisionsRemoved: 0 });
    store.close();
  });

  it('a reading whose recipe the store does not have records only its id and name; a source\'s records are listed alone', async () => {
    const store = await openStore({ factory: freshFactory() });
    await store.ingestReading(distrokidReading('2025-04-03T10:00:00.000Z', 0, { id: 'r-unknownRecipe1', name: 'Gone' }), { refused: null });
    await store.ingestReading({ ...distrokidReading('2025-04-04T10:00:00.000Z', 9), id: 'tunecore-1', site: 'taught-tunecore' }, { refused: null });
    expect(await store.listProvenanceOf(['taught-distrokid'])).toEqual([{ source: 'taught-distrokid', observedAt: '2025-04-03T10:00:00.000Z', recipe: 'r-unknownRecipe1', recipeName: 'Gone' }]);
    expect((await store.listProvenanceOf(['taught-tunecore', 'spotify'])).map((record) => record.source)).toEqual(['taught-tunecore']);
    expect(await store.listProvenanceOf([])).toEqual([]);
    store.close();
  });

  it('export → import through a history file gives the same history, provenance included', async () => {
    const store = await openStore({ factory: freshFactory() });
    await store.putRecipes([RECIPE]);
    await store.ingestReading(s4aReading(), { refused: null });
    await store.ingestReading(distrokidReading('2025-04-02T10:00:00.000Z', 0, null), { refused: null });
    await store.ingestReading(distrokidReading('2025-04-03T10:00:00.000Z', 5), { refused: null });
    const exported = await store.getHistory();
    store.close();
    expect(exported.provenance).toHaveLength(1);
    const text = writeHistoryFile(exported, new Date('2025-04-05T00:00:00.000Z'));
    const other = await openStore({ factory: freshFactory() });
    await other.importHistory(parseHistoryFile(text));
    const imported = await other.getHistory();
    other.close();
    expect(imported.provenance).toEqual(exported.provenance);
    expect(imported.observations.sort(byKey)).toEqual(exported.observations.sort(byKey));
    expect(writeHistoryFile(imported, new Date('2025-04-05T00:00:00.000Z'))).toBe(text);
  });

  it('a weekly reading is stored as weekly counts beside the daily ones, never merged into them', async () => {
    const store = await openStore({ factory: freshFactory() });
    const daily = distrokidReading('2025-04-03T10:00:00.000Z');
    const week = daily.observations[0]!;
    // The same day and value as a daily count, as a week's count (its first day).
    const weekly = readingSchema.parse({ ...daily, id: 'distrokid-weekly', readAt: '2025-04-04T10:00:00.000Z', observations: [{ ...week, metric: 'streams_week' }] });
    await store.ingestReading(daily, { refused: null });
    await store.ingestReading(weekly, { refused: null });
    const stored = (await store.getHistory()).observations.filter((obs) => obs.day === week.day);
    expect(stored.map((obs) => [obs.metric, obs.value, obs.observedAt]).sort()).toEqual([
      ['streams', week.value, '2025-04-03T10:00:00.000Z'],
      ['streams_week', week.value, '2025-04-04T10:00:00.000Z'],
    ]);
    store.close();
  });

  it('keeps added dashboards and removes them; deleteAll empties everything taught', async () => {
    const store = await openStore({ factory: freshFactory() });
    const added = taughtSiteFor({ distributor: 'distrokid', address: '' }, '2025-04-01T09:00:00.000Z');
    if (!('site' in added)) throw new Error('distrokid should be addable');
    await store.putTaughtSite(added.site);
    expect(await store.listTaughtSites()).toEqual([added.site]);
    await store.putRecipes([RECIPE]);
    await store.ingestReading(distrokidReading('2025-04-03T10:00:00.000Z'), { refused: null });
    await store.deleteAll();
    expect(await store.listTaughtSites()).toEqual([]);
    expect(await store.listRecipes()).toEqual([]);
    expect(await store.listProvenance()).toEqual([]);
    await store.putTaughtSite(added.site);
    expect(await store.deleteTaughtSite('taught-distrokid')).toBe(true);
    expect(await store.deleteTaughtSite('taught-distrokid')).toBe(false);
    store.close();
  });
});
