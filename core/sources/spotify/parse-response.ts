/**
 * The single entry point for data responses the page received from generic.wg.spotify.com.
 * Identity comes from the URL path (artist id, track id); the body only gives values.
 * Never throws: an unknown path or an unexpected body is "not recognised" with a one-line
 * reason, and nothing is stored from it.
 */
import { matchSpotifyDataUrl, type SpotifyShapeKind } from './routes';
import { emptyResult, spotifyTrackRef, unrecognised, type SpotifyParseResult, type SpotifyReadContext, type SpotifyContextUpdate } from './result';
import { camelKeys } from './values';
import type { SpotifyBodyParser } from './parsers/types';
import { parseAudienceStats, parseSongStats } from './parsers/per-metric';
import { parseSongInfo } from './parsers/song-info';
import { parseCountryTimeline, parseSosTimelines } from './parsers/splits';
import { parseCatalogSongs } from './parsers/catalog';
import { parseInsightsRecordings } from './parsers/insights-recordings';
import { parseInsightsArtistStats, parseInsightsSongTimeline } from './parsers/insights-timelines';
import { parseLatestDate } from './parsers/latest-date';

export interface SpotifyResponseInput {
  url: string;
  status: number;
  /** Parsed JSON, or null for an empty (HTTP 204) response. */
  body: unknown;
}

const PARSERS: Record<SpotifyShapeKind, SpotifyBodyParser> = {
  'song-stats': parseSongStats,
  'song-info': parseSongInfo,
  'song-sos-timelines': parseSosTimelines,
  'song-country-timeline': parseCountryTimeline,
  'catalog-songs': parseCatalogSongs,
  'audience-stats': parseAudienceStats,
  'insights-recordings': parseInsightsRecordings,
  'insights-song-timeline': parseInsightsSongTimeline,
  'insights-artist-stats': parseInsightsArtistStats,
  'latest-date': parseLatestDate,
};

/** Shapes for which an empty response is documented to mean "no data for this range". */
const EMPTY_MEANS_NO_DATA: ReadonlySet<SpotifyShapeKind> = new Set(['insights-song-timeline']);

export function parseSpotifyResponse(input: SpotifyResponseInput, context: SpotifyReadContext): SpotifyParseResult {
  try {
    return parseUnsafe(input, context);
  } catch (error) {
    // Defence in depth: the parsers are written not to throw, but a page can send anything.
    return unrecognised('unknown-path', `parser failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`);
  }
}

function parseUnsafe(input: SpotifyResponseInput, context: SpotifyReadContext): SpotifyParseResult {
  const route = matchSpotifyDataUrl(typeof input?.url === 'string' ? input.url : '');
  if (!route) return unrecognised('unknown-path', 'not a Spotify for Artists data path the reader knows');
  const status = input.status;
  if (typeof status !== 'number' || status < 200 || status > 299) {
    return unrecognised(route.kind, `HTTP ${String(status).slice(0, 10)}: no data`);
  }
  if (status === 204 || input.body === null || input.body === undefined) {
    if (!EMPTY_MEANS_NO_DATA.has(route.kind)) return unrecognised(route.kind, 'empty response where a body was expected');
    const result = emptyResult(route.kind);
    if (route.trackId) result.tracks.push(spotifyTrackRef(route.trackId, context));
    result.note = 'no data for this range (empty response)';
    return result;
  }
  return PARSERS[route.kind](camelKeys(input.body), route, context);
}

/** The context after a response: later responses of the same visit see its updates. */
export function applySpotifyContext(context: SpotifyReadContext, update: SpotifyContextUpdate): SpotifyReadContext {
  const titles = update.titles && update.titles.size > 0 ? new Map([...context.titles, ...update.titles]) : context.titles;
  return { ...context, latestDate: update.latestDate ?? context.latestDate, titles };
}
