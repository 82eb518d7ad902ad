/**
 * Which Spotify for Artists page a URL is (core/sources/spotify/README.md, "Spotify for Artists pages"). The
 * site is a single-page app, so the content script asks this again on every in-page
 * navigation. Pages live under `/c/…` and, in public extractors since 2025, under a language
 * segment too: `/c/en/artist/{a}/…`, `/c/de/artist/{a}/home`, `/c/es-419/artist/{a}/song/{t}/…`.
 * Every predicate (song stats, songs list, overlay, badges, DOM fallback) goes through here, so
 * both forms are one page.
 */
import { FIXTURE_IDS, isSpotifyId, pathSegments } from './ids';
import { safeUrl } from '../shared/url';
import { SPOTIFY_PAGE_HOST } from './site';
import type { UrlProof } from '../shared/proof';

type SpotifyPageKind = 'song-stats' | 'songs' | 'audience' | 'home' | 'other';

interface SpotifyPage {
  kind: SpotifyPageKind;
  artistId?: string;
  trackId?: string;
  /** The address's language segment ("en", "de", "es-419"), when it has one. */
  language?: string;
}

/** A BCP 47 language tag as S4A puts it in its addresses: "en", "de", "pt-BR", "es-419". */
const LANGUAGE_SEGMENT = /^[a-z]{2,3}(?:-(?:[A-Za-z]{2}|\d{3}|[A-Za-z]{4}))?$/;

export function spotifyPage(url: string): SpotifyPage {
  const parsed = safeUrl(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.host !== SPOTIFY_PAGE_HOST) return { kind: 'other' };
  const all = pathSegments(parsed);
  // Everything known lives under /c/… or /c/{lang}/…; /c/roster is the team landing page.
  if (all[0] !== 'c') return { kind: 'other' };
  const language = LANGUAGE_SEGMENT.test(all[1] ?? '') ? all[1] : undefined;
  const page = artistPage(all.slice(language ? 2 : 1));
  return language ? { ...page, language } : page;
}

/** The page from the segments after `/c/` or `/c/{lang}/`: `artist/{a}/…`. */
function artistPage(segments: readonly string[]): SpotifyPage {
  if (segments[0] !== 'artist' || !isSpotifyId(segments[1])) return { kind: 'other' };
  const artistId = segments[1];
  const rest = segments.slice(2);
  if (rest.length === 0 || (rest.length === 1 && rest[0] === 'home')) return { kind: 'home', artistId };
  if (rest[0] === 'audience' && (rest.length === 1 || (rest.length === 2 && rest[1] === 'stats'))) {
    return { kind: 'audience', artistId };
  }
  if (rest.length === 2 && rest[0] === 'music' && rest[1] === 'songs') return { kind: 'songs', artistId };
  if (rest[0] === 'song' && isSpotifyId(rest[1])) {
    const trackId = rest[1];
    return rest.length === 3 && rest[2] === 'stats' ? { kind: 'song-stats', artistId, trackId } : { kind: 'other', artistId, trackId };
  }
  return { kind: 'other', artistId };
}

const APP = `https://${SPOTIFY_PAGE_HOST}/c`;
const ARTIST = FIXTURE_IDS.artist;
const SONG = `artist/${ARTIST}/song/${FIXTURE_IDS.track}/stats`;

/** Each page kind with addresses of fixture pages it must be (core/sources/shared/proof.ts). */
export const SPOTIFY_PAGE_PROOFS: Readonly<Record<SpotifyPageKind, UrlProof>> = {
  'song-stats': {
    provenBy: [
      { url: `${APP}/${SONG}`, fixture: 'pages/spotify/app.html' },
      { url: `${APP}/en/${SONG}`, fixture: 'pages/spotify/app.html' },
      { url: `${APP}/${SONG}`, fixture: 'spotify/dom-song-timeline-older.html' },
      { url: `${APP}/en/${SONG}`, fixture: 'spotify/dom-hero-stats-bare.html' },
    ],
  },
  songs: {
    provenBy: [
      { url: `${APP}/de/artist/${ARTIST}/music/songs`, fixture: 'pages/spotify/app.html' },
      { url: `${APP}/artist/${ARTIST}/music/songs`, fixture: 'spotify/dom-songs-table.html' },
    ],
  },
  audience: { provenBy: [{ url: `${APP}/artist/${ARTIST}/audience/stats`, fixture: 'pages/spotify/app.html' }] },
  home: { provenBy: [{ url: `${APP}/es-419/artist/${ARTIST}/home`, fixture: 'pages/spotify/app.html' }] },
  other: { provenBy: [{ url: `${APP}/roster`, fixture: 'pages/spotify/app.html' }] },
};
