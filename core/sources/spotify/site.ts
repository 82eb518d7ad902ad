/** Spotify for Artists as data (core/sources/site.ts; what is known of it: ./README.md). */
import type { SiteDescriptor } from '../site';
import { BUILT_IN_SOURCE_LABELS, SPOTIFY_SOURCE } from '../../model/ids';

/** The host of S4A's pages. */
export const SPOTIFY_PAGE_HOST = 'artists.spotify.com';
/** Where S4A's app fetches its data from. */
export const SPOTIFY_DATA_HOST = 'generic.wg.spotify.com';

export const SPOTIFY_SITE: SiteDescriptor<typeof SPOTIFY_SOURCE> = {
  id: SPOTIFY_SOURCE,
  label: BUILT_IN_SOURCE_LABELS[SPOTIFY_SOURCE],
  side: 'streams-service',
  matches: [`https://${SPOTIFY_PAGE_HOST}/*`],
  dataHosts: [SPOTIFY_DATA_HOST],
  channel: 'crosscount:spotify:v1',
  // S4A shows finished days only; the days after its last finished one are held back (README).
  settleDays: 0,
  words: { openHint: 'overlayHintSpotify' },
};
