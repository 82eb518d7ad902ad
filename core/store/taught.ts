/**
 * The store's part of what the artist taught (layout version 5): recipes, added dashboards,
 * and which recipe read each reading (core/model/provenance.ts): functions over an open
 * transaction, and the store's methods, each one transaction.
 */
import type { ProvenanceRecord } from '../model/provenance';
import type { Reading } from '../model/reading';
import type { Recipe } from '../recipes/types';
import { builtInRecipeById } from '../recipes/built-in';
import type { TaughtSite } from '../taught-sites';
import { RECIPES, TAUGHT_SITES, PROVENANCE, OBSERVATIONS, type ObservationBucket } from './schema';
import { prefixRange } from './key-range';
import type { Store } from './store';
import type { Transact, Tx, WriteTx } from './transactions';

/**
 * Records which recipe read a reading that added revisions, with the recipe's confirmation
 * time and origin when the store has the recipe or it is built in (so a history file says them
 * without the recipes beside it, for the evidence report). A built-in recipe's name is its own.
 */
export async function recordProvenance(tx: WriteTx, reading: Pick<Reading, 'site' | 'readAt'> & { recipe: { id: string; name: string } }): Promise<void> {
  const recipe = builtInRecipeById(reading.recipe.id) ?? (await tx.objectStore(RECIPES).get(reading.recipe.id));
  const record: ProvenanceRecord = { source: reading.site, observedAt: reading.readAt, recipe: reading.recipe.id, recipeName: recipe?.origin === 'built-in' ? recipe.name : reading.recipe.name };
  if (recipe) {
    record.confirmedAt = recipe.confirmedAt;
    record.origin = recipe.origin;
  }
  await tx.objectStore(PROVENANCE).put(record);
}

/** The provenance records of these sources' readings (a recording's distributors), by source and time. */
export async function provenanceOfSources(tx: Tx<IDBTransactionMode>, sources: readonly string[]): Promise<ProvenanceRecord[]> {
  const lists = await Promise.all([...new Set(sources)].sort().map((source) => tx.objectStore(PROVENANCE).getAll(prefixRange(source))));
  return lists.flat();
}

/**
 * Removes, from every observation bucket, the revisions a set of readings stored (named by
 * source and reading time), keeping each day in normal form (a revision equal to the one
 * before it on the same day is dropped too). Returns how many revisions went.
 */
export async function removeReadRevisions(tx: WriteTx, readings: readonly Pick<ProvenanceRecord, 'source' | 'observedAt'>[]): Promise<number> {
  const bySource = new Map<string, Set<string>>();
  for (const { source, observedAt } of readings) {
    let set = bySource.get(source);
    if (!set) bySource.set(source, (set = new Set()));
    set.add(observedAt);
  }
  if (bySource.size === 0) return 0;
  let removed = 0;
  let cursor = await tx.objectStore('observations').openCursor();
  while (cursor) {
    const bucket = cursor.value;
    const times = bySource.get(bucket.source);
    if (times && bucket.observedAt.some((at) => times.has(at))) {
      const kept: ObservationBucket = { ...bucket, days: [], observedAt: [], values: [] };
      for (let i = 0; i < bucket.days.length; i++) {
        if (times.has(bucket.observedAt[i]!)) {
          removed++;
          continue;
        }
        const last = kept.days.length - 1;
        if (last >= 0 && kept.days[last] === bucket.days[i] && kept.values[last] === bucket.values[i]) continue;
        kept.days.push(bucket.days[i]!);
        kept.observedAt.push(bucket.observedAt[i]!);
        kept.values.push(bucket.values[i]!);
      }
      if (kept.days.length === 0) await cursor.delete();
      else await cursor.update(kept);
    }
    cursor = await cursor.continue();
  }
  return removed;
}

/** Deletes a recipe; with `withReadings`, also every revision it read and their provenance. */
export async function deleteRecipeIn(tx: WriteTx, id: string, withReadings: boolean): Promise<{ deleted: boolean; revisionsRemoved: number }> {
  const recipes = tx.objectStore('recipes');
  const existing = await recipes.get(id);
  if (!existing) return { deleted: false, revisionsRemoved: 0 };
  await recipes.delete(id);
  const provenance = tx.objectStore('provenance');
  const records = await provenance.index('recipe').getAll(id);
  let revisionsRemoved = 0;
  if (withReadings) {
    revisionsRemoved = await removeReadRevisions(tx, records);
    for (const record of records) await provenance.delete([record.source, record.observedAt]);
  }
  // Kept without the readings: the day table still says which (now deleted) recipe read them.
  return { deleted: true, revisionsRemoved };
}

/** Renames a recipe, and the name its provenance records show. */
export async function renameRecipeIn(tx: WriteTx, id: string, name: string): Promise<Recipe | null> {
  const recipes = tx.objectStore('recipes');
  const existing = await recipes.get(id);
  if (!existing) return null;
  const renamed: Recipe = { ...existing, name };
  await recipes.put(renamed);
  const provenance = tx.objectStore('provenance');
  for (const record of await provenance.index('recipe').getAll(id)) await provenance.put({ ...record, recipeName: name });
  return renamed;
}

export type { TaughtSite };

export function taughtMethods(transact: Transact): Pick<Store, 'listRecipes' | 'putRecipes' | 'renameRecipe' | 'deleteRecipe' | 'listTaughtSites' | 'putTaughtSite' | 'deleteTaughtSite' | 'listProvenanceOf'> {
  return {
    async listProvenanceOf(sources) {
      return transact('Reading the provenance', [PROVENANCE], 'readonly', 'default', async (tx) => provenanceOfSources(tx, sources));
    },

    async listRecipes() {
      const recipes = await transact('Reading the recipes', [RECIPES], 'readonly', 'default', async (tx) => tx.objectStore(RECIPES).getAll());
      return recipes.sort((a, b) => (a.confirmedAt < b.confirmedAt ? -1 : a.confirmedAt > b.confirmedAt ? 1 : a.id < b.id ? -1 : 1));
    },

    async putRecipes(recipes) {
      await transact('Saving recipes', [RECIPES], 'readwrite', 'strict', async (tx) => {
        for (const recipe of recipes) await tx.objectStore(RECIPES).put(recipe);
      });
    },

    async renameRecipe(id, name) {
      return transact('Renaming a recipe', [RECIPES, PROVENANCE], 'readwrite', 'strict', async (tx) => renameRecipeIn(tx, id, name));
    },

    async deleteRecipe(id, withReadings) {
      return transact('Deleting a recipe', [RECIPES, PROVENANCE, OBSERVATIONS], 'readwrite', 'strict', async (tx) => deleteRecipeIn(tx, id, withReadings));
    },

    async listTaughtSites() {
      return transact('Reading the added dashboards', [TAUGHT_SITES], 'readonly', 'default', async (tx) => tx.objectStore(TAUGHT_SITES).getAll());
    },

    async putTaughtSite(site) {
      await transact('Adding a dashboard', [TAUGHT_SITES], 'readwrite', 'strict', async (tx) => {
        await tx.objectStore(TAUGHT_SITES).put(site);
      });
    },

    async deleteTaughtSite(id) {
      return transact('Removing a dashboard', [TAUGHT_SITES], 'readwrite', 'strict', async (tx) => {
        const existing = await tx.objectStore(TAUGHT_SITES).get(id);
        if (existing) await tx.objectStore(TAUGHT_SITES).delete(id);
        return existing !== undefined;
      });
    },
  };
}
