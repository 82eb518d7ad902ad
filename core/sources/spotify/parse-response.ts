/**
 * The single entry point for data responses the page received from generic.wg.spotify.com.
 * Identity comes from the URL path (artist id, track id); the body only gives values.
 * Never throws: an unknown path or an unexpected body is "not recognised" with a one-line
 * reason, and nothing is stored from it.
 */
import { matchSpotifyDataUrl, type SpotifyRoute, type SpotifyShapeKind } from './routes';
import { emptyResult, seenNotStored, spotifyTrackRef, unrecognised, type SpotifyParseResult, type SpotifyReadContext, type SpotifyContextUpdate } from './result';
import { camelKeys } from '../shared/values';
import { clipMessage, type Message } from '../../i18n/message';
import { message } from '../../i18n/typed';
import { httpProblem, textToken } from '../parse-result';
import type { SpotifyBodyParser } from './parsers/types';
import { parseAudienceStats, parseSongStats } from './parsers/per-metric';
import { parseSongInfo } from './parsers/song-info';
import { parseCountryTimeline, parseSosTimelines } from './parsers/splits';
import { parseCatalogSongs } from './parsers/catalog';
import { parseInsightsRecordings } from './parsers/insights-recordings';
import { parseInsightsArtistStats, parseInsightsSongTimeline } from './parsers/insights-timelines';
import { parseLatestDate } from './parsers/latest-date';

interface SpotifyResponseInput {
  url: string;
  status: number;
  /** Parsed JSON, or null for an empty (HTTP 204) response or a body that is not JSON. */
  body: unknown;
  /** The start of a body that was not JSON ("Token expired", "PERMISSION_DENIED"), when there was one. */
  text?: string | null;
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
  'not-daily-counts': (_body, route, context) => notDailyCounts(route, context),
};

export function parseSpotifyResponse(input: SpotifyResponseInput, context: SpotifyReadContext): SpotifyParseResult {
  try {
    return parseUnsafe(input, context);
  } catch (error) {
    // Defence in depth: the parsers are written not to throw, but a page can send anything.
    return unrecognised('unknown-path', message('readerFailed', { detail: error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200) }));
  }
}

function parseUnsafe(input: SpotifyResponseInput, context: SpotifyReadContext): SpotifyParseResult {
  const route = matchSpotifyDataUrl(typeof input?.url === 'string' ? input.url : '');
  if (!route) return unrecognised('unknown-path', message('readerNotSpotifyPath'));
  if (route.kind === 'not-daily-counts') return notDailyCounts(route, context);
  const status = input.status;
  if (typeof status !== 'number' || status < 200 || status > 299) return pageHadNoData(route, context, httpProblem(status, input.text));
  if (input.body === null || input.body === undefined) {
    // 204 (the song timeline's "nothing in this range"), an empty body, or text that is not JSON.
    if (status === 204 || !input.text) return pageHadNoData(route, context, message('readerEmptyResponse', { status: String(status) }));
    const token = textToken(input.text);
    return withKeysSeen(unrecognised(route.kind, token ? message('readerTextNotJsonSaid', { token }) : message('readerTextNotJson', { count: input.text.length })), route, undefined);
  }
  if (isEmptyObject(input.body)) return pageHadNoData(route, context, message('readerEmptyObject', { status: String(status) }));
  const body = camelKeys(input.body);
  const result = PARSERS[route.kind](body, route, context);
  return result.recognised ? result : withKeysSeen(result, route, body);
}

/**
 * The page asked and got nothing usable back (an error status, 204, an empty body): "the page
 * had no data", recognised as such and never an unknown shape (core/sources/spotify/README.md, "No data").
 * Nothing is stored; the diagnostics keep the status. When the latest-date call fails, S4A
 * itself falls back to yesterday (UTC): the reader's cutoff without a latest date is the same.
 */
function pageHadNoData(route: SpotifyRoute, context: SpotifyReadContext, why: Message): SpotifyParseResult {
  const result = emptyResult(route.kind);
  if (route.trackId) result.tracks.push(spotifyTrackRef(route.trackId, context));
  result.note = route.kind === 'latest-date' ? message('readerNoLatestDate', { why: { text: why } }) : message('readerNoData', { why: { text: why } });
  return result;
}

function notDailyCounts(route: SpotifyRoute, context: SpotifyReadContext): SpotifyParseResult {
  const result = seenNotStored(route.kind, message('readerNotDailyNote'));
  if (route.trackId) result.tracks.push(spotifyTrackRef(route.trackId, context));
  return result;
}

function isEmptyObject(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0;
}

const KEY_NAME = /^[A-Za-z_$][\w$-]{0,39}$/;

/**
 * An unrecognised response says where and what: the path template (never the ids) and the
 * top-level keys the body had, so a bug report carrying the diagnostics is enough to fix
 * the reader. Keys that look like data (dates, ids, long text) are counted, not repeated.
 */
function withKeysSeen(result: SpotifyParseResult, route: SpotifyRoute, body: unknown): SpotifyParseResult {
  const keys = typeof body === 'object' && body !== null ? (Array.isArray(body) ? null : Object.keys(body)) : null;
  const shown = keys ? keys.filter((key) => KEY_NAME.test(key)).slice(0, 12) : [];
  const hidden = keys ? keys.length - shown.length : 0;
  // Key names are the body's own words (and the path template the reader's), kept as they are.
  const seen =
    keys === null
      ? Array.isArray(body)
        ? message('readerSeenList', { count: body.length })
        : body === undefined
          ? message('readerSeenNoBody')
          : message('readerSeenBare', { type: typeof body })
      : keys.length === 0
        ? message('readerSeenNoKeys')
        : hidden > 0
          ? message('readerSeenKeysMore', { keys: shown.join(', '), count: hidden })
          : message('readerSeenKeys', { keys: shown.join(', ') });
  const reason = result.reason ?? message('diagNotRecognisedShort');
  return { ...result, reason: clipMessage(message('readerUnrecognisedAt', { template: route.template, reason: { text: reason }, seen: { text: seen } }), 300) };
}

/** The context after a response: later responses of the same visit see its updates. */
export function applySpotifyContext(context: SpotifyReadContext, update: SpotifyContextUpdate): SpotifyReadContext {
  const titles = update.titles && update.titles.size > 0 ? new Map([...context.titles, ...update.titles]) : context.titles;
  return { ...context, latestDate: update.latestDate ?? context.latestDate, titles };
}
