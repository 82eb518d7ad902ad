/**
 * The one entry point that reads a response with a recipe (core/recipes/README.md): a path
 * recipe (taught, imported) reads exactly what it points to (`applyRecipe`); a built-in
 * structure recipe finds series by structure (the walk, core/sources/generic/walk.ts) in the
 * responses its address words call data, with the store filter and unlabelled store it names.
 */
import { walkResponse, type WalkOutcome } from '../sources/generic/walk';
import { storeFilterOf } from '../sources/generic/store-filter';
import { applyRecipe } from './apply';
import { recipeMatchesResponse } from './address';
import { dataAddressMatches } from './data-address';
import type { AnyRecipe, Recipe, RecipeReading, StructureRecipe } from './types';

/** What a structure recipe found: the walk's series, refusals and notes, or an address it does not read. */
export type StructureReading = { readonly kind: 'no-match'; readonly reason: 'address'; readonly where: '(address)' } | { readonly kind: 'walked'; readonly walk: WalkOutcome };

export function isStructureRecipe(recipe: AnyRecipe): recipe is StructureRecipe {
  return 'locate' in recipe && recipe.locate === 'structure';
}

/** Whether the recipe reads this response (a structure recipe reads any method of its data addresses). */
export function recipeReadsResponse(recipe: AnyRecipe, url: string, method?: string): boolean {
  return isStructureRecipe(recipe) ? dataAddressMatches(recipe.response, url) : recipeMatchesResponse(recipe, url, method ?? recipe.response.method);
}

export function readWithRecipe(recipe: StructureRecipe, url: string, body: unknown): StructureReading;
export function readWithRecipe(recipe: Recipe, url: string, body: unknown, method?: string): RecipeReading;
export function readWithRecipe(recipe: AnyRecipe, url: string, body: unknown, method?: string): RecipeReading | StructureReading {
  if (!isStructureRecipe(recipe)) return applyRecipe(recipe, url, body, method);
  if (!dataAddressMatches(recipe.response, url)) return { kind: 'no-match', reason: 'address', where: '(address)' };
  return { kind: 'walked', walk: walkResponse(body, storeFilterOf(url, recipe.storeFilter), recipe.unlabelledStore) };
}
