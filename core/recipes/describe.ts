/**
 * The panel's plain words for candidates, refusals and recipes that no longer match, as
 * messages (key + parameters, docs/i18n.md): "Daily numbers for 'Harbour Lights', 3–27 March:
 * 104, 98, 121 … — store: Spotify?". Titles and store names are parameters shown as text.
 */
import { message } from '../i18n/typed';
import type { Message } from '../i18n/message';
import type { AnyRecipe, Candidate, JsonPath, NoMatchReason, Recipe, RecipeReading, Refusal, RefusalReason, StructureRecipe } from './types';
import { ALL_STORES } from '../model/ids';

/** How many counts the sentence shows before "…". */
export const SHOWN_COUNTS = 3;

const STORE_NAMES: Readonly<Record<string, string>> = {
  spotify: 'Spotify',
  apple: 'Apple Music',
  amazon: 'Amazon Music',
  deezer: 'Deezer',
  youtube: 'YouTube',
  tidal: 'TIDAL',
  pandora: 'Pandora',
  napster: 'Napster',
  soundcloud: 'SoundCloud',
  tiktok: 'TikTok',
};

function storeParam(store: string | null): string | { text: Message } {
  if (store === null) return { text: message('recipeStoreNotNamed') };
  if (store === ALL_STORES) return { text: message('recipeStoreAll') };
  return STORE_NAMES[store] ?? store;
}

export function describeCandidate(candidate: Candidate): Message {
  const points = candidate.points;
  const title = candidate.identity.title || candidate.identity.isrc || candidate.identity.trackId || '?';
  const params = {
    title,
    first: { day: points[0]?.day ?? '' },
    last: { day: points[points.length - 1]?.day ?? '' },
    values: { list: points.slice(0, SHOWN_COUNTS).map((point) => point.count) },
    store: storeParam(candidate.store),
  };
  return candidate.cadence === 'weekly' ? message('recipeCandidateWeekly', params) : message('recipeCandidateDaily', params);
}

const REFUSAL_KEYS = {
  revenue: 'recipeRefusedRevenue',
  'downloads-only': 'recipeRefusedDownloadsOnly',
  countries: 'recipeRefusedCountries',
  'not-streams': 'recipeRefusedNotStreams',
  'no-identity': 'recipeRefusedNoIdentity',
  'not-daily': 'recipeRefusedNotDaily',
  ambiguous: 'recipeRefusedAmbiguous',
  'bad-values': 'recipeRefusedBadValues',
  'store-unclear': 'recipeRefusedStoreUnclear',
  'too-large': 'recipeRefusedTooLarge',
} as const satisfies Record<RefusalReason, string>;

const NO_MATCH_KEYS = {
  address: 'recipeNoMatchAddress',
  'not-json': 'recipeNoMatchNotJson',
  'path-missing': 'recipeNoMatchPathMissing',
  'not-a-count': 'recipeNoMatchNotACount',
  'not-a-date': 'recipeNoMatchNotADate',
  'identity-missing': 'recipeNoMatchIdentityMissing',
  'store-missing': 'recipeNoMatchStoreMissing',
  conflict: 'recipeNoMatchConflict',
  'too-large': 'recipeNoMatchTooLarge',
} as const satisfies Record<NoMatchReason, string>;

export function describeRefusal(refusal: Refusal): Message {
  return message(REFUSAL_KEYS[refusal.reason]);
}

export function describeNoMatch(reading: Extract<RecipeReading, { kind: 'no-match' }>): Message {
  return message(NO_MATCH_KEYS[reading.reason]);
}

/** A JSON path for people: `["data","tracks","*","daily"]` → "data.tracks[*].daily". */
function pathText(path: JsonPath): string {
  return path.map((key, index) => (typeof key === 'number' || key === '*' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}

/**
 * What a recipe reads, in plain words, one message a line (the history page's review): where
 * the series sit and in which responses, the store, daily or weekly, and where it came from.
 */
export function describeRecipe(recipe: AnyRecipe): Message[] {
  if ('locate' in recipe && recipe.locate === 'structure') return describeStructureRecipe(recipe);
  const path = recipe as Recipe;
  const store = path.store.kind === 'fixed' ? message('recipeReviewStore', { store: storeParam(path.store.store) }) : message('recipeReviewStoreInResponse');
  return [
    message('recipeReviewReads', { where: pathText(path.series), address: `${path.response.host}${path.response.path}`, page: `${path.page.host}${path.page.path}` }),
    store,
    message(path.cadence === 'weekly' ? 'recipeReviewWeekly' : 'recipeReviewDaily'),
    originOf(path),
  ];
}

function originOf(recipe: AnyRecipe): Message {
  const confirmed = { date: recipe.confirmedAt.slice(0, 10) };
  return recipe.origin === 'taught'
    ? message('recipeReviewTaught', { date: confirmed })
    : recipe.origin === 'imported'
      ? message('recipeReviewImported', { date: confirmed })
      : message('recipeReviewBuiltIn', { date: confirmed });
}

/** A built-in recipe that finds series by their shape: where it looks, which words of an address it reads as data, how the store is named. */
function describeStructureRecipe(recipe: StructureRecipe): Message[] {
  return [
    message('recipeReviewFinds', { address: recipe.response.host, words: [...recipe.response.data.whole, ...recipe.response.data.within].join(', '), page: `${recipe.page.host}${recipe.page.path}` }),
    message('recipeReviewNever', { words: recipe.response.never.within.slice(0, 12).join(', ') }),
    message('recipeReviewStoreFilter', { params: recipe.storeFilter.filter((word) => !word.endsWith('s')).join(', '), store: storeParam(recipe.unlabelledStore) }),
    message('recipeReviewDaily'),
    originOf(recipe),
  ];
}
