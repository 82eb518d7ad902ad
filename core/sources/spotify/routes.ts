/**
 * The data URLs on generic.wg.spotify.com whose responses the parsers know (core/sources/spotify/README.md,
 * "Data responses"). The main-world observer clones only responses for which
 * knownSpotifyDataPath is true, so this table is also the observer's allow-list.
 */
import { isSpotifyId, pathSegments } from './ids';
import { safeUrl } from '../shared/url';
import { SPOTIFY_DATA_HOST } from './site';

export { SPOTIFY_DATA_HOST };

export type SpotifyShapeKind =
  | 'song-stats'
  | 'song-info'
  | 'song-sos-timelines'
  | 'song-country-timeline'
  | 'catalog-songs'
  | 'audience-stats'
  | 'insights-recordings'
  | 'insights-song-timeline'
  | 'insights-artist-stats'
  | 'latest-date'
  | 'not-daily-counts';

export interface SpotifyRoute {
  kind: SpotifyShapeKind;
  /** The path template it matched ("song-stats-view/v1/artist/{a}/recording/{t}/stats"): names the response in diagnostics without its ids. */
  template: string;
  artistId: string | null;
  trackId: string | null;
  query: URLSearchParams;
}

/**
 * Endpoints real pages also call (core/sources/spotify/README.md, "More endpoints exist"), none of which gives
 * a song's daily streams: recognised so the diagnostics can say what each visit received (the
 * template names what each is: top playlists, source-of-stream or geography totals, releases,
 * a running total), and never stored. Their bodies are not even looked at. Where the research
 * only says "…/recording/{t}/", both song-level families are listed.
 */
const NOT_DAILY_COUNTS: readonly string[] = [
  'song-stats-view/v2/artist/{a}/recording/{t}/top-playlists',
  'song-stats-view/v1/artist/{a}/recording/{t}/sos-aggregates',
  'audience-engagement-view/v1/artist/{a}/locations',
  'audience-engagement-view/v1/artist/{a}/top-cities',
  'audience-engagement-view/v1/artist/{a}/segmented_stats',
  's4x-insights-api/v1/artist/{a}/releases/released',
  ...['song-stats-view/v1', 's4x-insights-api/v1'].flatMap((family) =>
    ['streams/country/aggregate', 'streams/city/aggregate', 'realtime'].map((rest) => `${family}/artist/{a}/recording/{t}/${rest}`),
  ),
];

/**
 * Path templates. `{a}` is an artist id, `{t}` a track id (both 22-char base-62), `{service}`
 * any lower-case service name: the note lists `v1/meta/latest-date` without naming its
 * service, and its body check (`{latestDate}`, a real day) is strict enough on its own.
 */
const TEMPLATES: ReadonlyArray<readonly [SpotifyShapeKind, string]> = [
  ['song-stats', 'song-stats-view/v1/artist/{a}/recording/{t}/stats'],
  ['song-info', 'song-stats-view/v2/artist/{a}/recording/{t}/info'],
  ['song-sos-timelines', 'song-stats-view/v1/artist/{a}/recording/{t}/sos-timelines'],
  // The note gives this one as "…/streams/country/timeline": both song-level families.
  ['song-country-timeline', 'song-stats-view/v1/artist/{a}/recording/{t}/streams/country/timeline'],
  ['song-country-timeline', 's4x-insights-api/v1/artist/{a}/recording/{t}/streams/country/timeline'],
  ['catalog-songs', 'catalog-view/v1/artist/{a}/songs'],
  ['audience-stats', 'audience-engagement-view/v1/artist/{a}/stats'],
  ['insights-recordings', 's4x-insights-api/v2/artist/{a}/recordings'],
  ['insights-song-timeline', 's4x-insights-api/v1/artist/{a}/recording/{t}/timeline/streams'],
  ['insights-artist-stats', 's4x-insights-api/v2/artist/{a}/stats'],
  ['latest-date', '{service}/v1/meta/latest-date'],
  ...NOT_DAILY_COUNTS.map((template) => ['not-daily-counts', template] as const),
];

const SERVICE = /^[a-z0-9][a-z0-9-]{0,63}$/;

function matchTemplate(template: string, segments: readonly string[]): { artistId: string | null; trackId: string | null } | null {
  const parts = template.split('/');
  if (parts.length !== segments.length) return null;
  let artistId: string | null = null;
  let trackId: string | null = null;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const segment = segments[i]!;
    if (part === '{a}') {
      if (!isSpotifyId(segment)) return null;
      artistId = segment;
    } else if (part === '{t}') {
      if (!isSpotifyId(segment)) return null;
      trackId = segment;
    } else if (part === '{service}') {
      if (!SERVICE.test(segment)) return null;
    } else if (part !== segment) {
      return null;
    }
  }
  return { artistId, trackId };
}

/** The route of a data URL, or null when the host or path is not one the parsers know. */
export function matchSpotifyDataUrl(url: string): SpotifyRoute | null {
  const parsed = safeUrl(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.host !== SPOTIFY_DATA_HOST) return null;
  const segments = pathSegments(parsed);
  for (const [kind, template] of TEMPLATES) {
    const ids = matchTemplate(template, segments);
    if (ids) return { kind, template, ...ids, query: parsed.searchParams };
  }
  return null;
}

/** Whether the main-world observer should clone this response and hand it over. Pure. */
export function knownSpotifyDataPath(url: string): boolean {
  return matchSpotifyDataUrl(url) !== null;
}

/** The first non-empty value among several spellings of a query parameter. */
export function queryValue(query: URLSearchParams, ...names: string[]): string | null {
  for (const name of names) {
    const value = query.get(name);
    if (value !== null && value !== '') return value;
  }
  return null;
}

/**
 * A country filter narrows every count to one market, so such a response is never a
 * worldwide total. Empty `country=` (what the page sends for "worldwide") is no filter.
 */
export function countryFilter(query: URLSearchParams): string | null {
  return queryValue(query, 'country', 'countries');
}
