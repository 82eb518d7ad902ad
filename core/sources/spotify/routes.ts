/**
 * The data URLs on generic.wg.spotify.com whose responses the parsers know (core/sources/spotify/README.md,
 * "Data responses"). The main-world observer clones only responses for which
 * knownSpotifyDataPath is true, so this table is also the observer's allow-list.
 */
import { FIXTURE_IDS, isSpotifyId, pathSegments } from './ids';
import { safeUrl } from '../shared/url';
import { SPOTIFY_DATA_HOST } from './site';
import type { UrlFixture, UrlProof } from '../shared/proof';



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

const API = `https://${SPOTIFY_DATA_HOST}`;
const ARTIST = `artist/${FIXTURE_IDS.artist}`;
const SONG = `${ARTIST}/recording/${FIXTURE_IDS.track}`;
const served = (url: string, fixture: string): UrlFixture => ({ url, fixture });

/**
 * Each data path with the fixture responses it answers (core/sources/shared/proof.ts): the
 * route must match the address and its reader recognise the body.
 */
export const SPOTIFY_ROUTE_PROOFS: Readonly<Record<SpotifyShapeKind, UrlProof>> = {
  'song-stats': {
    provenBy: [
      served(`${API}/song-stats-view/v1/${SONG}/stats?country=&fromDate=2026-03-24&toDate=2026-03-30`, 'spotify/song-stats-v1.json'),
      served(`${API}/song-stats-view/v1/${SONG}/stats?country=&fromDate=2026-03-24&toDate=2026-03-30`, 'spotify/song-stats-v1-live-2026.json'),
      served(`${API}/song-stats-view/v1/${SONG}/stats`, `pages/spotify/api/stats-${FIXTURE_IDS.track}.json`),
    ],
  },
  'song-info': { provenBy: [served(`${API}/song-stats-view/v2/${SONG}/info`, 'spotify/song-info-v2.json')] },
  'song-sos-timelines': { provenBy: [served(`${API}/song-stats-view/v1/${SONG}/sos-timelines?stat=STREAMS`, 'spotify/sos-timelines.json')] },
  'song-country-timeline': { provenBy: [served(`${API}/song-stats-view/v1/${SONG}/streams/country/timeline?countries=BR,PT`, 'spotify/country-timeline.json')] },
  'catalog-songs': {
    provenBy: [
      served(`${API}/catalog-view/v1/${ARTIST}/songs?time-filter=28day`, 'spotify/catalog-songs.json'),
      served(`${API}/catalog-view/v1/${ARTIST}/songs`, 'pages/spotify/api/catalog-songs.json'),
    ],
  },
  'audience-stats': { provenBy: [served(`${API}/audience-engagement-view/v1/${ARTIST}/stats?from_date=&to_date=`, 'spotify/audience-engagement-stats.json')] },
  'insights-recordings': { provenBy: [served(`${API}/s4x-insights-api/v2/${ARTIST}/recordings?aggregation-level=recording&time-filter=1year`, 'spotify/insights-recordings-1year.json')] },
  'insights-song-timeline': { provenBy: [served(`${API}/s4x-insights-api/v1/${SONG}/timeline/streams?aggregation-level=recording&time-filter=28day`, 'spotify/insights-song-timeline.json')] },
  'insights-artist-stats': { provenBy: [served(`${API}/s4x-insights-api/v2/${ARTIST}/stats?time-filter=28day&country=`, 'spotify/insights-artist-stats.json')] },
  'latest-date': {
    provenBy: [
      served(`${API}/s4x-insights-api/v1/meta/latest-date`, 'spotify/latest-date.json'),
      served(`${API}/s4x-insights-api/v1/meta/latest-date`, 'pages/spotify/api/latest-date.json'),
    ],
  },
  'not-daily-counts': {
    noFixture: 'recognised by address only and never read: their bodies are not looked at, so no saved body proves anything (test/unit/sources/spotify/public-evidence.test.ts lists the paths)',
  },
};
