/**
 * Main world, document_start: wraps fetch/XHR before the dashboard's own code runs, so the
 * responses it already receives can be read (never a request of our own). Chrome MV3 and
 * Firefox (128+) both run manifest content scripts in the page's world.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { observePageResponses } from '../lib/page-observer';
import { knownSpotifyDataPath } from '../core/sources/spotify/routes';
import { SPOTIFY_SITE } from '../core/sources/spotify/site';

export default defineContentScript({
  matches: [...SPOTIFY_SITE.matches],
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    observePageResponses({
      channel: SPOTIFY_SITE.channel,
      accept: (url) => url.protocol === 'https:' && SPOTIFY_SITE.dataHosts.includes(url.host) && knownSpotifyDataPath(url.href),
    });
  },
});
