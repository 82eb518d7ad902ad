import { defineContentScript } from 'wxt/utils/define-content-script';
import { send } from '../../lib/messages';

export default defineContentScript({
  matches: ['https://artists.spotify.com/*'],
  runAt: 'document_idle',
  async main() {
    // Issue 2 foundation: record the visit so diagnostics show the page was seen. The reader
    // that turns the page's own data into observations replaces this (issue 5).
    await send('cs:reading', {
      id: `spotify:${location.pathname}:${Date.now().toString(36)}`,
      site: 'spotify',
      path: location.pathname,
      readAt: new Date().toISOString(),
      status: 'unrecognised',
      reason: 'no reader for this page yet',
    });
  },
});
