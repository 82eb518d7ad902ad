/**
 * Recipe files: export and import (core/recipes/README.md). A file is untrusted: it is refused
 * whole, with one line naming what and where, when it is too large, not JSON, of another format
 * or version, carries prototype keys (`__proto__`, `constructor`, `prototype`), control
 * characters, hosts that are not plain https host names, absurd paths (too long, too deep,
 * wildcards everywhere) or fields of the wrong kind. Validated with zod (core/zod.ts). Built-in
 * knowledge never travels in a file: a recipe that finds series by structure (`locate`) or says
 * it is built in is refused whole, and export leaves built-in recipes out.
 */
import { z } from '../zod';
import { englishMessage } from '../i18n/english';
import { clipSavedText, type Message } from '../i18n/message';
import { message } from '../i18n/typed';
import { MAX_NAME, RECIPE_ID, STORE_ID } from './confirm';
import { RECIPE_FORMAT, RECIPE_VERSION, WILDCARD, type AnyRecipe, type Recipe, type RecipeFileResult } from './types';

export const MAX_FILE_BYTES = 256 * 1024;
export const MAX_RECIPES = 100;
const MAX_PATH = 12;
const MAX_UP = 8;
const MAX_WILDCARDS = 3;
const MAX_SEGMENT = 100;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const text = (max: number) => z.string().min(1).max(max).refine((value) => !CONTROL.test(value), 'control characters');
const host = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, 'not an https host name (lower case, no scheme, no port)');
const pathPattern = z
  .string()
  .max(400)
  .regex(/^\/[A-Za-z0-9_.~@:+*/-]*$/, 'not a path pattern')
  .refine((value) => value.split('/').filter((segment) => segment !== '').length <= MAX_PATH, 'path pattern too deep');
const segment = z.union([
  z.number().int().min(0).max(100_000),
  text(MAX_SEGMENT).refine((value) => !FORBIDDEN_KEYS.has(value), 'a prototype key'),
]);
const exactPath = z.array(segment).max(MAX_PATH).refine((path) => !path.includes(WILDCARD), 'wildcard where an exact path is needed');
const seriesPath = z
  .array(segment)
  .min(1)
  .max(MAX_PATH)
  .refine((path) => path.filter((key) => key === WILDCARD).length <= MAX_WILDCARDS, `more than ${MAX_WILDCARDS} wildcards`)
  .refine((path) => path.some((key) => key !== WILDCARD), 'wildcards everywhere');
const relative = z.strictObject({ up: z.number().int().min(0).max(MAX_UP), path: exactPath });
const points = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rows'), day: exactPath.refine((path) => path.length > 0, 'empty path'), value: exactPath.refine((path) => path.length > 0, 'empty path') }),
  z.strictObject({ kind: z.literal('pairs'), day: z.union([z.literal(0), z.literal(1)]), value: z.union([z.literal(0), z.literal(1)]) }).refine((pair) => pair.day !== pair.value, 'day and value at the same index'),
  z.strictObject({ kind: z.literal('map') }),
  z.strictObject({ kind: z.literal('parallel'), days: relative, values: exactPath }),
]);
const identity = z
  .strictObject({ isrc: relative.optional(), title: relative.optional(), trackId: relative.optional(), releaseId: relative.optional() })
  .refine((paths) => paths.isrc || (paths.title && (paths.trackId || paths.releaseId)), 'no ISRC, nor a title with a track or release id');
const store = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), store: z.string().regex(STORE_ID, 'not a store id') }),
  z.strictObject({ kind: z.literal('path'), at: relative }),
  z.strictObject({ kind: z.literal('key'), up: z.number().int().min(0).max(MAX_UP) }),
]);
const instant = z.string().max(40).refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value, 'not a canonical ISO instant');

export const recipeSchema = z.strictObject({
  version: z.literal(RECIPE_VERSION),
  id: z.string().regex(RECIPE_ID, 'not a recipe id'),
  name: text(MAX_NAME),
  distributor: z.string().regex(/^[a-z0-9-]{1,40}$/, 'not a distributor id'),
  distributorLabel: text(MAX_NAME),
  page: z.strictObject({ host, path: pathPattern }),
  response: z.strictObject({ host, path: pathPattern, method: z.enum(['GET', 'POST']) }),
  series: seriesPath,
  points,
  dayFormat: z.enum(['iso', 'dotted', 'epoch-ms']),
  identity,
  store,
  cadence: z.enum(['daily', 'weekly']),
  confirmedAt: instant,
  // 'built-in' is refused before the schema: only Crosscount ships built-in recipes (built-in.ts).
  origin: z.enum(['taught', 'imported']),
});

const fileSchema = z.strictObject({
  format: z.literal(RECIPE_FORMAT),
  version: z.number(),
  recipes: z.array(z.unknown()).max(MAX_RECIPES, `more than ${MAX_RECIPES} recipes`),
});

function safeName(fileName: string): string {
  const name = typeof fileName === 'string' ? fileName.replace(CONTROL, '').replace(/^.*[\\/]/, '').slice(0, 80) : '';
  return name || 'file';
}

/** A refusal: `error` the CLI's English line, `message` the same key and values for the screens (docs/i18n.md). */
function refused(file: string, what: Message, where: Message | null): RecipeFileResult {
  const error = `${file}: ${where ? `${englishMessage(where)}: ` : ''}${englishMessage(what)}`.slice(0, 300);
  const detail = where ? message('fileProblemAt', { where: { text: where }, problem: { text: what } }) : what;
  return { error, message: message('recipeFileRefused', { file, detail: { text: clipSavedText(detail, 200) as Message } }) };
}

/** A field of the file as it is written there (`recipes[0].__proto__`, `version`). */
function atPath(path: string): Message | null {
  return path === '' ? null : message('fileAtPath', { path });
}

/** A schema's refusal as the message whose English is the schema's words; zod's own words (a wrong type, a length) as they are. */
function issueMessage(issue: z.core.$ZodIssue): Message {
  const candidates = [
    message('recipeIssueControl'),
    message('recipeIssueHost'),
    message('recipeIssuePathPattern'),
    message('recipeIssuePathDeep'),
    message('recipeIssueProtoKey'),
    message('recipeIssueWildcardExact'),
    message('recipeIssueWildcards', { max: String(MAX_WILDCARDS) }),
    message('recipeIssueWildcardsOnly'),
    message('recipeIssueEmptyPath'),
    message('recipeIssueSameIndex'),
    message('recipeIssueNoIdentity'),
    message('recipeIssueStoreId'),
    message('recipeIssueInstant'),
    message('recipeIssueRecipeId'),
    message('recipeIssueDistributorId'),
    message('recipeIssueTooMany', { max: String(MAX_RECIPES) }),
  ];
  return candidates.find((candidate) => englishMessage(candidate) === issue.message) ?? message('fileProblemAsIs', { text: issue.message.slice(0, 200) });
}

/** The first forbidden key anywhere in a parsed tree (JSON.parse makes `__proto__` an own key), as a path. */
function forbiddenKey(node: unknown, path: string, depth: number): string | null {
  if (depth > 40) return `${path} (nested too deeply)`;
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) {
      const found = forbiddenKey(item, `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
  } else if (node !== null && typeof node === 'object') {
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return `${path}.${key}`;
      const found = forbiddenKey((node as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

function issueWhere(path: ReadonlyArray<PropertyKey>): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
}

export function parseRecipeFile(text: string, fileName: string): RecipeFileResult {
  const file = safeName(fileName);
  if (typeof text !== 'string') return refused(file, message('recipeFileNotText'), null);
  if (new TextEncoder().encode(text).length > MAX_FILE_BYTES) return refused(file, message('recipeFileTooLarge', { size: `${MAX_FILE_BYTES / 1024} KB` }), null);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return refused(file, message('recipeFileNotJson'), null);
  }
  const forbidden = forbiddenKey(parsed, '', 0);
  if (forbidden) {
    const where = atPath(forbidden.replace(/^\./, '').replace(/ \(nested too deeply\)$/, ''));
    return refused(file, forbidden.endsWith('deeply)') ? message('recipeFileTooDeep') : message('recipeIssueProtoKey'), where);
  }
  const outer = fileSchema.safeParse(parsed);
  if (!outer.success) {
    const issue = outer.error.issues[0]!;
    return refused(file, issue.path.length === 0 ? message('recipeFileNotRecipes', { format: RECIPE_FORMAT }) : issueMessage(issue), atPath(issueWhere(issue.path).replace(/^\./, '')));
  }
  if (outer.data.version !== RECIPE_VERSION) {
    return refused(file, message('recipeFileVersion', { version: String(outer.data.version).slice(0, 10), reads: String(RECIPE_VERSION) }), atPath('version'));
  }
  const recipes: Recipe[] = [];
  const ids = new Set<string>();
  for (const [index, raw] of outer.data.recipes.entries()) {
    // Said on their own, before the schema's first issue: a file must not widen what Crosscount reads (core/recipes/README.md).
    const claims = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    if ('locate' in claims) return refused(file, message('recipeFileStructure'), message('recipeFileAtRecipe', { recipe: String(index + 1), path: '.locate' }));
    if (claims.origin === 'built-in') return refused(file, message('recipeFileBuiltIn'), message('recipeFileAtRecipe', { recipe: String(index + 1), path: '.origin' }));
    const result = recipeSchema.safeParse(raw);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      return refused(file, issueMessage(issue), message('recipeFileAtRecipe', { recipe: String(index + 1), path: issueWhere(issue.path) }));
    }
    if (ids.has(result.data.id)) return refused(file, message('recipeFileIdTwice'), message('recipeFileAtRecipe', { recipe: String(index + 1), path: '.id' }));
    ids.add(result.data.id);
    recipes.push(result.data as Recipe);
  }
  return { recipes };
}

/** The recipes a file may carry: the artist's, never a built-in one (a file cannot bring those back). */
export function exportableRecipes(recipes: readonly AnyRecipe[]): Recipe[] {
  return recipes.filter((recipe): recipe is Recipe => recipe.origin !== 'built-in' && !('locate' in recipe));
}

/** The file text: stable key order, one recipe per entry, built-in recipes left out; `parseRecipeFile` gives the same recipes back. */
export function serialiseRecipes(recipes: readonly AnyRecipe[]): string {
  return `${JSON.stringify({ format: RECIPE_FORMAT, version: RECIPE_VERSION, recipes: exportableRecipes(recipes) }, null, 2)}\n`;
}
