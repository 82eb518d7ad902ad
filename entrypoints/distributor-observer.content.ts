/**
 * Main world, document_start, on a distributor's dashboard the artist added: hands the JSON
 * responses the dashboard receives from its own hosts (core/taught-sites.ts dataHostAllowed)
 * to the isolated reader (entrypoints/distributor.content/). Registered at run time by the
 * background, only on an added dashboard with access (entrypoints/background/dashboard-scripts.ts),
 * so it has no `matches` here and WXT lists it nowhere in the manifest.
 *
 * What an unknown dashboard's addresses mean is not known, so the allow-list is a refusal
 * list: sign-in, session and payment calls are never even cloned. Sizes are bounded by the
 * observer (MAX_RESPONSE_CHARS) and the reader's page channel limits.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { observePageResponses } from '../lib/page-observer';
import { dataHostAllowed, TAUGHT_CHANNEL } from '../core/taught-sites';

const NEVER_CLONED = /(^|[/_.-])(login|logout|signin|sign-in|signup|auth|oauth|token|session|password|payment|payout|billing|checkout|card)s?([/_.-]|$)/i;

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    const pageHost = location.hostname;
    observePageResponses({
      channel: TAUGHT_CHANNEL,
      accept: (url) => url.protocol === 'https:' && url.port === '' && dataHostAllowed(pageHost, url.hostname) && !NEVER_CLONED.test(url.pathname),
    });
  },
});
