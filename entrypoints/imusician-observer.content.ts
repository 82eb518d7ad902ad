/**
 * Main world, document_start on iMusician: hands the JSON responses the dashboard receives
 * from its own host to the isolated content script (paths that can carry trends only; login,
 * account and payment calls are never even cloned).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { observePageResponses } from '../lib/page-observer';
import { knownImusicianDataPath } from '../core/sources/imusician/urls';
import { IMUSICIAN_SITE } from '../core/sources/imusician/site';

export default defineContentScript({
  matches: [...IMUSICIAN_SITE.matches],
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    observePageResponses({
      channel: IMUSICIAN_SITE.channel,
      accept: (url) => url.protocol === 'https:' && IMUSICIAN_SITE.dataHosts.includes(url.host) && knownImusicianDataPath(url.href),
    });
  },
});
