/**
 * The single entry point for responses the iMusician app received. No response shape is
 * public, so series are recognised by structure (walk.ts): a track identity plus a list of
 * day/count pairs, optionally per store. Never throws; anything else is "not recognised" with
 * a one-line reason, and nothing is stored from it.
 */
import { httpProblem } from '../parse-result';
import { addSeries, emptyResult, unrecognised, type ImusicianParseResult, type ImusicianReadContext } from './result';
import { storeFilterOf } from './store-filter';
import { knownImusicianDataPath } from './urls';
import { walkResponse } from '../generic/walk';

interface ImusicianResponseInput {
  url: string;
  status: number;
  /** Parsed JSON, or null for an empty response. */
  body: unknown;
  /** The body's text when it is not JSON (an error page's "Unauthorized"): only a short token is ever repeated. */
  text?: string | null;
}

export const LOOKED_FOR =
  'no daily series found: looked for a track identity (ISRC, title + track id, or release id + track title) with a list of day/count pairs (date/day/x/period + count/streams/value/y/quantity/total)';

export function parseImusicianResponse(input: ImusicianResponseInput, context: ImusicianReadContext): ImusicianParseResult {
  try {
    return parseUnsafe(input, context);
  } catch (error) {
    // Defence in depth: the walk is written not to throw, but a page can send anything.
    return unrecognised('unknown-shape', `parser failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`);
  }
}

function parseUnsafe(input: ImusicianResponseInput, context: ImusicianReadContext): ImusicianParseResult {
  const url = typeof input?.url === 'string' ? input.url : '';
  if (!knownImusicianDataPath(url)) return unrecognised('unknown-path', 'not an iMusician data address the reader accepts');
  const status = input.status;
  // As the Spotify reader: an error status or an empty answer is "the page had no data", not a shape we do not know.
  if (typeof status !== 'number' || status < 200 || status > 299) return pageHadNoData(httpProblem(status, input.text));
  if (input.body === null || input.body === undefined) {
    if (status === 204 || !input.text) return pageHadNoData(`HTTP ${status}, empty response`);
    return unrecognised('unknown-shape', `a text body, not JSON (${input.text.length} characters)`);
  }
  if (typeof input.body !== 'object') return unrecognised('unknown-shape', `a bare ${typeof input.body}, not a JSON object or list`);
  if (Array.isArray(input.body) ? input.body.length === 0 : Object.keys(input.body).length === 0) return pageHadNoData(`HTTP ${status}, an empty ${Array.isArray(input.body) ? 'list' : 'object'}`);

  const walk = walkResponse(input.body, storeFilterOf(url));
  const withoutIdentity = walk.withoutIdentity.length > 0 ? `${walk.withoutIdentity[0]}: day/count pairs without a track identity (ISRC, title + track id, or release id + track title)` : null;
  if (walk.series.length === 0) {
    const notStreams = walk.notStreams.length > 0 ? `only series that are not daily streams: ${walk.notStreams.join('; ')}` : null;
    const truncated = walk.truncated ? `${LOOKED_FOR} (search stopped: body too large or too deeply nested)` : null;
    return unrecognised('unknown-shape', walk.problems[0] ?? withoutIdentity ?? notStreams ?? graphqlErrors(input.body) ?? truncated ?? LOOKED_FOR);
  }

  const result = emptyResult(walk.series.some((series) => series.chart) ? 'chart-series' : 'daily-series');
  // Structures refused beside the ones read: reported first, as they may hide whole series.
  const structural = walk.problems[0] ?? withoutIdentity;
  if (structural) {
    result.partial = true;
    result.reason = structural.slice(0, 300);
  }
  addSeries(result, walk.series, context);
  if (result.observations.length === 0 && result.heldBack === 0) {
    return unrecognised(result.kind, result.reason ?? 'every point was refused');
  }
  const notes: string[] = [];
  if (walk.notStreams.length > 0) notes.push(`not daily streams, not stored: ${walk.notStreams.join('; ')}`);
  if (walk.truncated) notes.push('search stopped early (body too large or too deeply nested)');
  if (notes.length > 0) result.note = notes.join('; ').slice(0, 300);
  return result;
}

/** Nothing usable came back: recognised as such, nothing stored, the status kept for the diagnostics. */
function pageHadNoData(why: string): ImusicianParseResult {
  const result = emptyResult('no-data');
  result.note = `the page had no data (${why})`;
  return result;
}

/** A GraphQL error answer (`{errors: [{message}], data: null}`): said as such, message left out (it may quote personal data). */
function graphqlErrors(body: unknown): string | null {
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors) && errors.length > 0 ? `GraphQL answered with ${errors.length} error(s) and no daily series` : null;
}
