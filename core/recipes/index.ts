/** Recipes: site knowledge as data (core/recipes/README.md). */
export * from './types';
export { recognise, type RecogniseOptions } from './recognise';
export { applyRecipe } from './apply';
export { recipeMatchesPage, recipeMatchesResponse, addressMatches, patternOf } from './address';
export { confirmCandidate, cleanRecipeName } from './confirm';
export { parseRecipeFile, serialiseRecipes, exportableRecipes, recipeSchema, MAX_FILE_BYTES, MAX_RECIPES } from './file';
export { readWithRecipe, recipeReadsResponse, isStructureRecipe, type StructureReading } from './read';
export { BUILT_IN_RECIPES, builtInRecipeById } from './built-in';
export { describeCandidate, describeRefusal, describeNoMatch, describeRecipe } from './describe';
export { DISTRIBUTORS, OTHER_DISTRIBUTOR, distributorById, distributorForHost } from './distributors';
export { recipeReadingToResult, type RecipeParseResult, type RecipeReadContext, type RecipeResultKind } from './result';
