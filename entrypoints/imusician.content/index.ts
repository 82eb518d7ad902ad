/**
 * iMusician, isolated world: the core's structural trends reader over the responses the page
 * observer hands over, read in the background (the trends table as a fallback), each reading
 * checked against the trends table the page renders, and the overlay on the trends page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { latestReadTrack, runSiteReader } from '../../lib/site-reader';
import { IMUSICIAN_SITE } from '../../core/sources/imusician/site';
import { isImusicianTrendsPage } from '../../core/sources/imusician/urls';
import { readImusicianTrendsDom } from '../../core/sources/imusician/dom-fallback';
import { IMUSICIAN_SELECTORS } from '../../core/sources/imusician/selectors';
import type { ImusicianParseResult } from '../../core/sources/imusician/result';
import { send } from '../../lib/messages';
import { createPageCheckQueue } from '../../lib/page-check-queue';
import { checkDistributorOutcome } from '../../lib/distributor-page-check';
import { dayFromMs } from '../../core/model/day';

export default defineContentScript({
  matches: [...IMUSICIAN_SITE.matches],
  runAt: 'document_start',
  main(ctx) {
    const today = () => ({ today: dayFromMs(Date.now()) });
    runSiteReader(ctx, {
      site: IMUSICIAN_SITE,
      // Read in the background (core/sources/parse-in-background.ts).
      async parse(response) {
        const { template, result } = await send('cs:parseResponse', { url: response.url.href, status: response.status, body: response.body, text: response.text, latestDate: null, today: today().today, titles: [] });
        return { template, outcome: { ...result, context: {} } as ImusicianParseResult };
      },
      // Each reading beside the trends table the page renders: a day it shows otherwise is not stored (core/page-check).
      pageCheck: (context, record) => createPageCheckQueue(context, checkDistributorOutcome, record),
      domReadable: isImusicianTrendsPage,
      readDom: () => readImusicianTrendsDom(document, location.href, { ...today(), locale: document.documentElement.lang || undefined }),
      overlay: {
        anchor: () => document.querySelector(IMUSICIAN_SELECTORS.table)?.closest('section') ?? document.querySelector(IMUSICIAN_SELECTORS.table),
        trackRequest: latestReadTrack,
      },
    });
  },
});
