/**
 * Main world, document_start: wraps fetch/XHR before the dashboard's own code runs, so the
 * responses it already receives can be read (never a request of our own). Chrome MV3 and
 * Firefox (128+) both run manifest content scripts in the page's world.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { observePageResponses } from '../lib/page-observer';
import { knownSpotifyDataPath, SPOTIFY_DATA_HOST } from '../core/sources/spotify/routes';
import { SPOTIFY_CHANNEL } from '../lib/channels';

export default defineContentScript({
  matches: ['https://artists.spotify.com/*'],
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    observePageResponses({
      channel: SPOTIFY_CHANNEL,
      accept: (url) => url.protocol === 'https:' && url.host === SPOTIFY_DATA_HOST && knownSpotifyDataPath(url.href),
    });
  },
});
