/**
 * The single entry point for responses the iMusician app received: read with iMusician's
 * built-in recipe (./recipe.ts) through the recipes' engine (core/recipes/read.ts). No response
 * shape is public, so that recipe recognises series by structure (walk.ts): a track identity
 * plus a list of day/count pairs, optionally per store. Here: what the HTTP answer says, and
 * the walk's findings in the reader's words. Never throws; anything else is "not recognised"
 * with a one-line reason, and nothing is stored from it.
 */
import { clipSavedText, type Message } from '../../i18n/message';
import { message } from '../../i18n/typed';
import { httpProblem } from '../parse-result';
import { addSeries, emptyResult, unrecognised, type ImusicianParseResult, type ImusicianReadContext } from './result';
import { IMUSICIAN_RECIPE } from './recipe';
import { readWithRecipe, recipeReadsResponse } from '../../recipes/read';

interface ImusicianResponseInput {
  url: string;
  status: number;
  /** Parsed JSON, or null for an empty response. */
  body: unknown;
  /** The body's text when it is not JSON (an error page's "Unauthorized"): only a short token is ever repeated. */
  text?: string | null;
}

export const LOOKED_FOR = message('readerImusicianLookedFor');

export function parseImusicianResponse(input: ImusicianResponseInput, context: ImusicianReadContext): ImusicianParseResult {
  try {
    return parseUnsafe(input, context);
  } catch (error) {
    // Defence in depth: the walk is written not to throw, but a page can send anything.
    return unrecognised('unknown-shape', message('readerFailed', { detail: error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200) }));
  }
}

function parseUnsafe(input: ImusicianResponseInput, context: ImusicianReadContext): ImusicianParseResult {
  const url = typeof input?.url === 'string' ? input.url : '';
  if (!recipeReadsResponse(IMUSICIAN_RECIPE, url)) return unrecognised('unknown-path', message('readerNotImusicianAddress'));
  const status = input.status;
  // As the Spotify reader: an error status or an empty answer is "the page had no data", not a shape we do not know.
  if (typeof status !== 'number' || status < 200 || status > 299) return pageHadNoData(httpProblem(status, input.text));
  if (input.body === null || input.body === undefined) {
    if (status === 204 || !input.text) return pageHadNoData(message('readerEmptyResponse', { status: String(status) }));
    return unrecognised('unknown-shape', message('readerTextNotJson', { count: input.text.length }));
  }
  if (typeof input.body !== 'object') return unrecognised('unknown-shape', message('readerBareValue', { type: typeof input.body }));
  if (Array.isArray(input.body) ? input.body.length === 0 : Object.keys(input.body).length === 0) {
    return pageHadNoData(Array.isArray(input.body) ? message('readerEmptyList', { status: String(status) }) : message('readerEmptyObject', { status: String(status) }));
  }

  const reading = readWithRecipe(IMUSICIAN_RECIPE, url, input.body);
  if (reading.kind === 'no-match') return unrecognised('unknown-path', message('readerNotImusicianAddress'));
  const walk = reading.walk;
  // Paths inside the body (`data.trends[0]`) and series names are the data's own words, kept as they are.
  const withoutIdentity = walk.withoutIdentity.length > 0 ? message('readerNoIdentity', { where: walk.withoutIdentity[0]! }) : null;
  if (walk.series.length === 0) {
    const notStreams = walk.notStreams.length > 0 ? message('readerOnlyNotStreams', { series: walk.notStreams.join('; ') }) : null;
    const truncated = walk.truncated ? message('readerLookedForStopped', { lookedFor: { text: LOOKED_FOR } }) : null;
    return unrecognised('unknown-shape', walk.problems[0] ?? withoutIdentity ?? notStreams ?? graphqlErrors(input.body) ?? truncated ?? LOOKED_FOR);
  }

  const result = emptyResult(walk.series.some((series) => series.chart) ? 'chart-series' : 'daily-series');
  // Structures refused beside the ones read: reported first, as they may hide whole series.
  const structural = walk.problems[0] ?? withoutIdentity;
  if (structural) {
    result.partial = true;
    result.reason = clipSavedText(structural, 300);
  }
  addSeries(result, walk.series, context);
  if (result.observations.length === 0 && result.heldBack === 0) {
    return unrecognised(result.kind, result.reason ?? message('readerAllRefused'));
  }
  const notes: Message[] = [];
  if (walk.notStreams.length > 0) notes.push(message('readerNotStreamsNote', { series: walk.notStreams.join('; ') }));
  if (walk.truncated) notes.push(message('readerSearchStopped'));
  if (notes.length > 0) result.note = clipSavedText(notes.reduceRight((rest, first) => message('listSemicolon', { first: { text: first }, rest: { text: rest } })), 300);
  return result;
}

/** Nothing usable came back: recognised as such, nothing stored, the status kept for the diagnostics. */
function pageHadNoData(why: Message): ImusicianParseResult {
  const result = emptyResult('no-data');
  result.note = message('readerNoData', { why: { text: why } });
  return result;
}

/** A GraphQL error answer (`{errors: [{message}], data: null}`): said as such, message left out (it may quote personal data). */
function graphqlErrors(body: unknown): Message | null {
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors) && errors.length > 0 ? message('readerGraphqlErrors', { count: errors.length }) : null;
}
