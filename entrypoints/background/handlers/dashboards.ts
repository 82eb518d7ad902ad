/**
 * The dashboards the artist added and their recipes, on the history page and the welcome page
 * (docs/architecture.md "Added dashboards"): add, list, remove; review, rename, delete, export
 * and import recipes. The browser's site access is asked for by the page itself, in the click
 * (a background cannot show the prompt); here it is only read, and the dashboards' content
 * scripts are brought in line after every change (`access.sync`).
 */
import { BUILT_IN_RECIPES, builtInRecipeById, cleanRecipeName, exportableRecipes, parseRecipeFile, serialiseRecipes, type Recipe } from '../../../core/recipes';
import { originPattern, taughtSiteFor, type TaughtSite } from '../../../core/taught-sites';
import type { DashboardEntry, RecipeEntry } from '../../../core/messaging/protocol';
import type { Store } from '../../../core/store';
import type { HandlerContext, HandlerGroup } from './context';

/** What the background does with the browser for added dashboards (index.ts passes the real APIs). */
export interface DashboardAccess {
  /** Whether the browser grants this origin pattern now. */
  granted(origin: string): Promise<boolean>;
  /** Registers and unregisters the added dashboards' scripts (./dashboard-scripts.ts syncDashboardScripts). */
  sync(store: Store): Promise<unknown>;
  /** Why the last registration of those scripts failed (the browser's words), or null. */
  lastFailure(): Promise<string | null>;
}

/** Without a browser (unit tests, the demo): nothing is granted, nothing to register. */
export const NO_DASHBOARD_ACCESS: DashboardAccess = { granted: async () => false, sync: async () => undefined, lastFailure: async () => null };

type DashboardMessages = 'ui:listDashboards' | 'ui:addDashboard' | 'ui:removeDashboard' | 'ui:renameRecipe' | 'ui:deleteRecipe' | 'ui:exportRecipes' | 'ui:importRecipes';

const ID_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A new recipe id (core/recipes/confirm.ts RECIPE_ID), for an imported recipe whose id is already another one's. */
function freshRecipeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `r-${Array.from(bytes, (byte) => ID_LETTERS[byte % ID_LETTERS.length]).join('')}`;
}

/** The recipe's shape without its name and origin: the same knowledge, however it was called or came. */
function sameKnowledge(a: Recipe, b: Recipe): boolean {
  const strip = ({ name: _name, origin: _origin, ...rest }: Recipe) => JSON.stringify(rest);
  return strip(a) === strip(b);
}

export function dashboardHandlers(context: HandlerContext, access: DashboardAccess): HandlerGroup<DashboardMessages> {
  const { store, now, views } = context;

  const readingsByRecipe = async (opened: Store): Promise<Map<string, number>> => {
    const counts = new Map<string, number>();
    for (const record of await opened.listProvenance()) counts.set(record.recipe, (counts.get(record.recipe) ?? 0) + 1);
    return counts;
  };
  const entryOf = (recipe: Recipe, counts: Map<string, number>): RecipeEntry => ({ recipe, readings: counts.get(recipe.id) ?? 0 });
  const dashboardEntry = async (site: TaughtSite, recipes: readonly Recipe[], counts: Map<string, number>): Promise<DashboardEntry> => ({
    site,
    access: await access.granted(originPattern(site.host)).catch(() => false),
    recipes: recipes.filter((recipe) => recipe.page.host === site.host).map((recipe) => entryOf(recipe, counts)),
  });
  const syncScripts = async (opened: Store) => {
    // The store is changed either way; a failed registration is met again at the next start or permission change.
    await access.sync(opened).catch(() => undefined);
  };

  return {
    async 'ui:listDashboards'() {
      const opened = await store();
      const [sites, recipes, counts, scriptsFailure] = await Promise.all([opened.listTaughtSites(), opened.listRecipes(), readingsByRecipe(opened), access.lastFailure().catch(() => null)]);
      const sorted = [...sites].sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1));
      const hosts = new Set(sorted.map((site) => site.host));
      return {
        dashboards: await Promise.all(sorted.map((site) => dashboardEntry(site, recipes, counts))),
        otherRecipes: recipes.filter((recipe) => !hosts.has(recipe.page.host)).map((recipe) => entryOf(recipe, counts)),
        builtIn: BUILT_IN_RECIPES.map((recipe) => ({ recipe, readings: counts.get(recipe.id) ?? 0 })),
        // Only while there is a dashboard to read: with none, nothing is registered and nothing can fail.
        scriptsFailure: sorted.length > 0 ? scriptsFailure : null,
      };
    },
    'ui:addDashboard': context.write(async (pick) => {
      const made = taughtSiteFor(pick, now().toISOString());
      if ('problem' in made) return { problem: made.problem };
      const opened = await store();
      // Added again: the same dashboard, still added when it first was.
      const existing = (await opened.listTaughtSites()).find((site) => site.id === made.site.id && site.host === made.site.host);
      const site = existing ? { ...made.site, addedAt: existing.addedAt } : made.site;
      await opened.putTaughtSite(site);
      await syncScripts(opened);
      const [recipes, counts] = await Promise.all([opened.listRecipes(), readingsByRecipe(opened)]);
      return { added: await dashboardEntry(site, recipes, counts) };
    }),
    'ui:removeDashboard': context.write(async ({ id }) => {
      const opened = await store();
      const removed = await opened.deleteTaughtSite(id);
      await syncScripts(opened);
      return { removed };
    }),
    'ui:renameRecipe': context.write(async ({ id, name }) => {
      const cleaned = cleanRecipeName(name);
      if (cleaned === '') throw new Error('a recipe needs a name');
      const renamed = await (await store()).renameRecipe(id, cleaned);
      if (!renamed) throw new Error('no such recipe (deleted meanwhile?)');
      // Nothing kept needs computing again: the day table reads the name with each recording's view.
      return { recipe: renamed };
    }),
    'ui:deleteRecipe': context.write(async ({ id, withReadings }) => {
      const result = await (await store()).deleteRecipe(id, withReadings);
      // What it read went too: every kept view is computed again.
      if (result.revisionsRemoved > 0) views.changed(false);
      return result;
    }),
    async 'ui:exportRecipes'() {
      // Built-in recipes are never in a file (core/recipes/file.ts); the store holds none, and says so here too.
      const recipes = exportableRecipes(await (await store()).listRecipes());
      return { fileName: `crosscount-recipes-${now().toISOString().slice(0, 10)}.json`, text: serialiseRecipes(recipes), count: recipes.length };
    },
    'ui:importRecipes': context.write(async ({ fileName, text }) => {
      // Read whole before the store is touched: a refused file stores nothing.
      const parsed = parseRecipeFile(text, fileName);
      if ('error' in parsed) return { refused: parsed.message };
      const opened = await store();
      const stored = await opened.listRecipes();
      const byId = new Map(stored.map((recipe) => [recipe.id, recipe]));
      const fresh: Recipe[] = [];
      let unchanged = 0;
      for (const recipe of parsed.recipes) {
        if (stored.some((known) => sameKnowledge(known, recipe)) || fresh.some((known) => sameKnowledge(known, recipe))) {
          unchanged++;
          continue;
        }
        // Confirmed by someone else (or here, before): never built in, never taught on this browser.
        const imported: Recipe = { ...recipe, origin: 'imported' };
        // An id already another recipe's keeps that one (its readings point to it): this one gets its own.
        // A built-in recipe's id names the built-in knowledge in provenance: never an imported one's.
        fresh.push(byId.has(recipe.id) || builtInRecipeById(recipe.id) ? { ...imported, id: freshRecipeId() } : imported);
      }
      if (fresh.length > 0) await opened.putRecipes(fresh);
      return { imported: fresh.length, unchanged };
    }),
  };
}
