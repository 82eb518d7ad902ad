/**
 * The recipes Crosscount ships (core/recipes/README.md "Built-in recipes"): site knowledge as
 * data, read by the same engine as the artist's recipes. Never stored, never exported, and a
 * recipe file cannot bring one (core/recipes/file.ts).
 */
import { IMUSICIAN_RECIPE } from '../sources/imusician/recipe';
import type { StructureRecipe } from './types';

export const BUILT_IN_RECIPES: readonly StructureRecipe[] = [IMUSICIAN_RECIPE];

export function builtInRecipeById(id: string): StructureRecipe | null {
  return BUILT_IN_RECIPES.find((recipe) => recipe.id === id) ?? null;
}
