/**
 * Spotify identities as they appear in S4A URLs and responses. Artist and track ids are
 * 22-character base-62 strings; responses may also carry them as "spotify:track:<id>" URIs.
 */
import { SPOTIFY_TRACK_ID_PATTERN } from '../../model/patterns';

export function isSpotifyId(value: unknown): value is string {
  return typeof value === 'string' && SPOTIFY_TRACK_ID_PATTERN.test(value);
}

/** A track id from a bare id or a "spotify:track:<id>" URI; null for anything else. */
export function trackIdFrom(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const id = value.startsWith('spotify:track:') ? value.slice('spotify:track:'.length) : value;
  return isSpotifyId(id) ? id : null;
}

/** The track id a link to a song's page names (`/c/artist/{a}/song/{t}/stats`), or null. */
export function songIdOfLink(href: string | null | undefined): string | null {
  return /\/song\/([0-9A-Za-z]{22})(?:[/?#]|$)/.exec(href ?? '')?.[1] ?? null;
}

/** The fixtures' artist and song (test/fixtures/spotify/README.md), for the proofs' addresses (core/sources/shared/proof.ts). */
export const FIXTURE_IDS = { artist: '3kXmZp7QvR2nLw9YtB4sHd', track: '4uLU6hMCjMI75M1A2tKUQC' } as const;

/** Path segments without empty ones (so a trailing slash does not matter). */
export function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((segment) => segment.length > 0);
}
