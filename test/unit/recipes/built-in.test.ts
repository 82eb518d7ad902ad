/**
 * iMusician's built-in knowledge as a shipped structure recipe (core/sources/imusician/recipe.ts,
 * core/recipes/read.ts): one engine entry point for path and structure recipes; the structure
 * recipe reads only its data addresses, names an unlabelled series by the store filter or as
 * the all-stores total. The hypothetical fixtures' readings are compared whole with the reader's
 * before the change in built-in-table.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { applyRecipe, recognise } from '../../../core/recipes';
import { BUILT_IN_RECIPES, builtInRecipeById } from '../../../core/recipes/built-in';
import { isStructureRecipe, readWithRecipe, recipeReadsResponse } from '../../../core/recipes/read';
import { exportableRecipes, parseRecipeFile, recipeSchema, serialiseRecipes } from '../../../core/recipes/file';
import { englishMessage } from '../../../core/i18n/english';
import { IMUSICIAN_RECIPE, IMUSICIAN_RECIPE_ID } from '../../../core/sources/imusician/recipe';
import { knownImusicianDataPath } from '../../../core/sources/imusician/urls';
import { API, APP, fixtureJson } from '../sources/imusician/helpers';
import { confirm } from './helpers';

describe('the built-in recipes', () => {
  it('are data: structure recipes, built in, with ids of every recipe’s form and a release day', () => {
    expect(BUILT_IN_RECIPES.map((recipe) => recipe.id)).toEqual([IMUSICIAN_RECIPE_ID]);
    for (const recipe of BUILT_IN_RECIPES) {
      expect(recipe.origin).toBe('built-in');
      expect(isStructureRecipe(recipe)).toBe(true);
      expect(recipe.id).toMatch(/^r-[A-Za-z0-9]{8,32}$/);
      expect(new Date(recipe.confirmedAt).toISOString()).toBe(recipe.confirmedAt);
      // Plain data: a JSON round trip gives it back whole (no functions, no regular expressions).
      expect(JSON.parse(JSON.stringify(recipe))).toEqual(recipe);
    }
    expect(builtInRecipeById(IMUSICIAN_RECIPE_ID)).toBe(IMUSICIAN_RECIPE);
    expect(builtInRecipeById('r-abcdef12')).toBeNull();
  });

  it('is never a path recipe (the recipe files’ schema refuses it)', () => {
    expect(recipeSchema.safeParse(IMUSICIAN_RECIPE).success).toBe(false);
  });
});

describe('readWithRecipe', () => {
  const body = fixtureJson('track-daily-spotify.json');

  it('reads an iMusician data response by structure: unlabelled series are all stores, a store filter names them', () => {
    const total = readWithRecipe(IMUSICIAN_RECIPE, API, body);
    const spotify = readWithRecipe(IMUSICIAN_RECIPE, `${API}?store=spotify`, body);
    expect(total.kind).toBe('walked');
    expect(spotify.kind).toBe('walked');
    if (total.kind !== 'walked' || spotify.kind !== 'walked') return;
    expect(total.walk.series.length).toBeGreaterThan(0);
    expect(new Set(total.walk.series.map((series) => series.store))).toEqual(new Set(['all']));
    expect(new Set(spotify.walk.series.map((series) => series.store))).toEqual(new Set(['spotify']));
  });

  it.each([
    ['the account', `${APP}/api/v1/account/trends`],
    ['a payment', `${APP}/api/payments/statistics`],
    ['a tracker script', `${APP}/js/analytics.js`],
    ['a beacon', `${APP}/api/analytics/collect`],
    ['a GraphQL operation on the user', `${APP}/graphql?operationName=UserProfile`],
    ['a page, not data', `${APP}/app/library`],
    ['plain http', 'http://www.imusician.pro/api/v2/analytics/trends'],
    ['another host', 'https://imusician.pro/api/v2/analytics/trends'],
    ['not an address', 'trends'],
  ])('refuses a response outside its data addresses: %s', (_what, url) => {
    expect(recipeReadsResponse(IMUSICIAN_RECIPE, url)).toBe(false);
    expect(knownImusicianDataPath(url)).toBe(false);
    expect(readWithRecipe(IMUSICIAN_RECIPE, url, body)).toEqual({ kind: 'no-match', reason: 'address', where: '(address)' });
  });

  it('reads a path recipe exactly as applyRecipe does', () => {
    const candidate = recognise(API, body).candidates[0]!;
    const recipe = confirm(candidate, 'all');
    expect(isStructureRecipe(recipe)).toBe(false);
    expect(readWithRecipe(recipe, API, body)).toEqual(applyRecipe(recipe, API, body));
    expect(recipeReadsResponse(recipe, API)).toBe(true);
    expect(recipeReadsResponse(recipe, API, 'POST')).toBe(false); // its method, exactly
    expect(recipeReadsResponse(recipe, `${APP}/api/v2/other`)).toBe(false);
  });
});

describe('recipe files never carry built-in knowledge', () => {
  const body = fixtureJson('track-daily-spotify.json');
  const taught = () => confirm(recognise(API, body).candidates[0]!, 'all');

  it('export leaves the built-in recipes out', () => {
    const file = JSON.parse(serialiseRecipes([IMUSICIAN_RECIPE, taught()]));
    expect(file.recipes.map((recipe: { id: string }) => recipe.id)).toEqual([taught().id]);
    expect(exportableRecipes([IMUSICIAN_RECIPE, { ...taught(), origin: 'built-in' }])).toEqual([]);
    expect(parseRecipeFile(serialiseRecipes([IMUSICIAN_RECIPE]), 'mine.json')).toEqual({ recipes: [] });
  });

  const fileWith = (recipes: unknown[]) => JSON.stringify({ format: 'crosscount-recipes', version: 1, recipes });
  const refusal = (text: string) => {
    const result = parseRecipeFile(text, 'shared.json');
    expect('error' in result).toBe(true);
    return 'error' in result ? [result.error, englishMessage(result.message)] : [];
  };

  it('refuses a file holding a structure recipe whole, in one line', () => {
    // A hostile "structure recipe" that would read every address of a bank, after one good recipe.
    const hostile = { ...IMUSICIAN_RECIPE, id: 'r-abcdefgh12', origin: 'imported', response: { ...IMUSICIAN_RECIPE.response, host: 'online.bank.example', never: { whole: [], within: [] } } };
    expect(refusal(fileWith([taught(), hostile]))).toEqual([
      'shared.json: recipe 2.locate: finds its series by their shape, which only the knowledge built into Crosscount may do: a file cannot bring it',
      'shared.json was not imported: recipe 2.locate: finds its series by their shape, which only the knowledge built into Crosscount may do: a file cannot bring it',
    ]);
    // The shipped recipe itself, as exported by hand.
    expect(refusal(fileWith([IMUSICIAN_RECIPE]))[0]).toBe('shared.json: recipe 1.locate: finds its series by their shape, which only the knowledge built into Crosscount may do: a file cannot bring it');
  });

  it('refuses a path recipe that says it is built in', () => {
    expect(refusal(fileWith([{ ...taught(), origin: 'built-in' }]))[0]).toBe('shared.json: recipe 1.origin: says it is built into Crosscount: only Crosscount itself ships built-in knowledge');
  });
});
