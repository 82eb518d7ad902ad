/**
 * Which Spotify for Artists page a URL is (research note, "Pages"). The site is a single-page
 * app, so the content script asks this again on every in-page navigation.
 */
import { isSpotifyId, pathSegments, safeUrl } from './ids';

export type SpotifyPageKind = 'song-stats' | 'songs' | 'audience' | 'home' | 'other';

export interface SpotifyPage {
  kind: SpotifyPageKind;
  artistId?: string;
  trackId?: string;
}

const PAGE_HOST = 'artists.spotify.com';

export function spotifyPage(url: string): SpotifyPage {
  const parsed = safeUrl(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.host !== PAGE_HOST) return { kind: 'other' };
  const segments = pathSegments(parsed);
  // Everything known lives under /c/…; /c/roster is the team landing page (no artist yet).
  if (segments[0] !== 'c' || segments[1] !== 'artist' || !isSpotifyId(segments[2])) return { kind: 'other' };
  const artistId = segments[2];
  const rest = segments.slice(3);
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
