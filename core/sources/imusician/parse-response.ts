/**
 * The single entry point for responses the iMusician app received. No response shape is
 * public, so series are recognised by structure (walk.ts): a track identity plus a list of
 * day/count pairs, optionally per store. Never throws; anything else is "not recognised" with
 * a one-line reason, and nothing is stored from it.
 */
import { addSeries, emptyResult, unrecognised, type ImusicianParseResult, type ImusicianReadContext } from './result';
import { storeFilterOf } from './store-filter';
import { knownImusicianDataPath } from './urls';
import { walkResponse } from '../generic/walk';

export interface ImusicianResponseInput {
  url: string;
  status: number;
  /** Parsed JSON, or null for an empty response. */
  body: unknown;
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
  if (typeof status !== 'number' || status < 200 || status > 299) return unrecognised('unknown-shape', `HTTP ${String(status).slice(0, 10)}: no data`);
  if (input.body === null || input.body === undefined || typeof input.body !== 'object') {
    return unrecognised('unknown-shape', input.body === null || input.body === undefined ? 'empty response' : `a bare ${typeof input.body}, not a JSON object or list`);
  }

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

/** A GraphQL error answer (`{errors: [{message}], data: null}`): said as such, message left out (it may quote personal data). */
function graphqlErrors(body: unknown): string | null {
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors) && errors.length > 0 ? `GraphQL answered with ${errors.length} error(s) and no daily series` : null;
}
