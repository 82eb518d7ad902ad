/**
 * Main world, document_start on iMusician: hands the JSON responses the dashboard receives
 * from its own host to the isolated content script (paths that can carry trends only; login,
 * account and payment calls are never even cloned).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { observePageResponses } from '../lib/page-observer';
import { IMUSICIAN_HOST, knownImusicianDataPath } from '../core/sources/imusician/urls';
import { IMUSICIAN_CHANNEL } from '../lib/channels';

export default defineContentScript({
  matches: ['https://www.imusician.pro/*'],
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    observePageResponses({
      channel: IMUSICIAN_CHANNEL,
      accept: (url) => url.protocol === 'https:' && url.host === IMUSICIAN_HOST && knownImusicianDataPath(url.href),
    });
  },
});
