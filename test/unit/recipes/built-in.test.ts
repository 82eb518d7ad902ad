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
import { recipeSchema } from '../../../core/recipes/file';
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
