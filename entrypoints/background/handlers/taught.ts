/**
 * The background's answers to an added dashboard's reader (core/messaging/taught.ts): the
 * recipes that read its page, each response read with its recipe or searched for candidates,
 * and the artist's confirmation turned into a recipe. The recogniser and the recipe engine run
 * here, not in the page's content script (they are most of its weight). Nothing is stored
 * from a candidate: only the artist's answer saves a recipe, and what a recipe reads goes to
 * the store through `cs:reading` like any dashboard's reading.
 */
import type { Sender } from '../../../core/messaging/router';
import type { HandlerContext, HandlerGroup } from './context';
import type { Store } from '../../../core/store';
import { dataHostAllowed, type TaughtSite } from '../../../core/taught-sites';
import { isTaughtSiteId } from '../../../core/sources/site';
import { httpProblem } from '../../../core/sources/parse-result';
import { recognise } from '../../../core/recipes/recognise';
import { applyRecipe } from '../../../core/recipes/apply';
import { patternOf, recipeMatchesPage, recipeMatchesResponse } from '../../../core/recipes/address';
import { confirmCandidate } from '../../../core/recipes/confirm';
import { describeCandidate, describeNoMatch, describeRefusal } from '../../../core/recipes/describe';
import { distributorById, OTHER_DISTRIBUTOR } from '../../../core/recipes/distributors';
import { recipeReadingToResult } from '../../../core/recipes/result';
import { builtInRecipeById } from '../../../core/recipes/built-in';
import type { Candidate, Distributor, HttpMethod, Recipe, RecipeReading } from '../../../core/recipes/types';
import type { CandidateOffer, RecipeName, TaughtConfirmed, TaughtReading, TaughtResponse } from '../../../core/messaging/taught';
import type { Day } from '../../../core/model/day';
import type { Message } from '../../../core/i18n/message';
import { message } from '../../../core/i18n/typed';

/** The panel offers this many candidates, the longest series first. */
export const MAX_OFFERS = 5;
/** And this many refusals, so the artist sees why the rest is not offered. */
export const MAX_REFUSALS_SHOWN = 4;
/** Counts of a candidate sent to the page for its check against what it renders. */
const MAX_OFFER_POINTS = 400;

/** What these handlers use of the context; `newRecipeId` makes a fresh `r-` id (random unless a test says). */
export type TaughtContext = Pick<HandlerContext, 'store' | 'now' | 'write'> & { newRecipeId?(): string };

export function randomRecipeId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return `r-${Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => alphabet[byte % alphabet.length]).join('')}`;
}

/** The added dashboard the sender is on (the sender check already asked the browser for access). */
async function senderSite(store: Store, sender: Sender, pageUrl: string): Promise<TaughtSite> {
  if (sender.kind !== 'content' || !isTaughtSiteId(sender.site.id)) throw new Error('only an added dashboard’s page asks this');
  const site = (await store.listTaughtSites()).find((each) => each.id === sender.site.id);
  if (!site) throw new Error('this dashboard is no longer added');
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    throw new Error('the page address is not an address');
  }
  if (host !== site.host) throw new Error(`the page is not on ${site.host}`);
  return site;
}

function recipesFor(recipes: readonly Recipe[], site: TaughtSite, pageUrl: string): Recipe[] {
  return recipes.filter((recipe) => recipe.page.host === site.host && recipeMatchesPage(recipe, pageUrl));
}

const nameOf = (recipe: Recipe): RecipeName => ({ id: recipe.id, name: recipe.name });

/** The response's method as recipes name it, or null for one no recipe can read. */
const methodOf = (response: TaughtResponse): HttpMethod | null => (response.method === 'OTHER' ? null : response.method);

/** Why a response cannot be read at all (as the readers say it, core/i18n), or null. */
function unreadable(site: TaughtSite, response: TaughtResponse): Message | null {
  let host: string;
  try {
    host = new URL(response.url).hostname;
  } catch {
    return message('readerTaughtBadAddress');
  }
  if (!dataHostAllowed(site.host, host)) return message('readerTaughtNotDataHost', { host });
  if (response.status < 200 || response.status > 299) return message('readerNoData', { why: { text: httpProblem(response.status, response.text) } });
  if (response.body === null || typeof response.body !== 'object') return message('readerNoData', { why: { text: message('readerEmptyOrNotJson', { status: String(response.status) }) } });
  if (!methodOf(response)) return message('readerTaughtMethod');
  return null;
}

function readingOf(recipe: Recipe, reading: RecipeReading, template: string, today: Day): Extract<TaughtReading, { kind: 'read' | 'no-match' }> {
  if (reading.kind === 'no-match') return { kind: 'no-match', template, recipe: nameOf(recipe), reason: reading.reason, words: describeNoMatch(reading), candidates: [], refusals: [] };
  const result = recipeReadingToResult(reading, { today });
  return {
    kind: 'read',
    template,
    recipe: nameOf(recipe),
    outcome: { kind: result.kind, recognised: result.recognised, reason: result.reason, note: result.note, tracks: result.tracks, observations: result.observations, heldBack: result.heldBack },
  };
}

/** Longest series first (a page's main chart), daily before weekly; ties keep the response's order. */
function offers(candidates: readonly Candidate[]): CandidateOffer[] {
  return [...candidates]
    .sort((a, b) => (a.cadence === b.cadence ? b.points.length - a.points.length : a.cadence === 'daily' ? -1 : 1))
    .slice(0, MAX_OFFERS)
    .map((candidate) => ({ id: candidate.id, words: describeCandidate(candidate), store: candidate.store, cadence: candidate.cadence, points: candidate.points.slice(-MAX_OFFER_POINTS) }));
}

function distributorOf(site: TaughtSite): Distributor {
  const known = distributorById(site.distributor);
  if (known && known.id !== OTHER_DISTRIBUTOR) return known;
  // An address of the artist's own: the recipe names the dashboard by its host.
  return { id: OTHER_DISTRIBUTOR, label: site.label, hosts: [site.host], source: null, trends: 'unknown' };
}

export function taughtHandlers(deps: TaughtContext): HandlerGroup<'cs:recipes' | 'cs:recognise' | 'cs:confirmCandidate'> {
  const newId = deps.newRecipeId ?? randomRecipeId;
  return {
    async 'cs:recipes'({ pageUrl }, sender) {
      const store = await deps.store();
      const site = await senderSite(store, sender, pageUrl);
      // Every recipe of the dashboard: the reader shows its panel on the pages they read (an in-page navigation does not ask again).
      const recipes = (await store.listRecipes()).filter((recipe) => recipe.page.host === site.host);
      return { site, recipes: recipes.map((recipe) => ({ ...nameOf(recipe), page: recipe.page })) };
    },
    async 'cs:recognise'({ pageUrl, today, response }, sender) {
      const store = await deps.store();
      const site = await senderSite(store, sender, pageUrl);
      const template = patternOf(response.url)?.path ?? '(not an address)';
      const problem = unreadable(site, response);
      if (problem) return { kind: 'nothing', template, reason: problem };
      const method = methodOf(response)!;
      const recipes = recipesFor(await store.listRecipes(), site, pageUrl).filter((recipe) => recipeMatchesResponse(recipe, response.url, method));
      // The first recipe that reads it; when none does, the first one's reason (nothing stored).
      let first: ReturnType<typeof readingOf> | null = null;
      for (const recipe of recipes) {
        const reading = readingOf(recipe, applyRecipe(recipe, response.url, response.body, method), template, today);
        if (reading.kind === 'read') return reading;
        first ??= reading;
      }
      // Nothing read: what the response holds now, so the artist can teach the page again.
      const found = recognise(response.url, response.body, { method });
      const offered = { candidates: offers(found.candidates), refusals: found.refusals.slice(0, MAX_REFUSALS_SHOWN).map(describeRefusal) };
      return first ? { ...first, ...offered } : { kind: 'candidates', template, ...offered };
    },
    // Writes a recipe: its outcome keeps the store's health up to date.
    'cs:confirmCandidate': deps.write(async ({ pageUrl, today, response, candidateId, store: storeAnswer, name }, sender): Promise<TaughtConfirmed> => {
      const store = await deps.store();
      const site = await senderSite(store, sender, pageUrl);
      const problem = unreadable(site, response);
      if (problem) throw new Error(`nothing stored: ${problem}`);
      const method = methodOf(response)!;
      const candidate = recognise(response.url, response.body, { method }).candidates.find((each) => each.id === candidateId);
      if (!candidate) throw new Error('nothing stored: that series is not in this response');
      const recipe = confirmCandidate(candidate, { pageUrl, distributor: distributorOf(site), store: storeAnswer, name, now: deps.now().toISOString(), id: newId() });
      if (!recipe) throw new Error('nothing stored: the answer needs a store for these numbers');
      await store.putRecipes([recipe]);
      return { recipe: { ...nameOf(recipe), page: recipe.page }, reading: readingOf(recipe, applyRecipe(recipe, response.url, response.body, method), patternOf(response.url)?.path ?? '(not an address)', today) };
    }),
  };
}

/**
 * A reading that names a recipe is the sender's only when that recipe is one of its dashboard's
 * (so provenance never points to a recipe that did not read it): the reason when not, else null.
 * A built-in recipe (core/recipes/built-in.ts) is only its own dashboard's (iMusician's page).
 */
export async function recipeRefusal(store: Store, reading: { recipe: RecipeName | null }, sender: Sender): Promise<string | null> {
  if (!reading.recipe) return null;
  const builtIn = builtInRecipeById(reading.recipe.id);
  if (builtIn) return sender.kind === 'content' && sender.site.id === builtIn.distributor ? null : 'the reading names a recipe built in for another dashboard';
  if (sender.kind !== 'content' || !isTaughtSiteId(sender.site.id)) return 'a recipe reading came from a page that has no recipes';
  const site = (await store.listTaughtSites()).find((each) => each.id === sender.site.id);
  const recipe = (await store.listRecipes()).find((each) => each.id === reading.recipe!.id);
  if (!site || !recipe || recipe.page.host !== site.host) return 'the reading names a recipe this dashboard does not have';
  return null;
}
