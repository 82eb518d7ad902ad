/**
 * iMusician, isolated world: the core's structural trends reader over the responses the page
 * observer hands over (the trends table as a fallback), and the overlay on the trends page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSiteReader } from '../../lib/site-reader';
import { IMUSICIAN_SITE } from '../../core/sources/imusician/site';
import { imusicianPathTemplate, isImusicianTrendsPage, parseImusicianResponse, readImusicianTrendsDom, IMUSICIAN_SELECTORS } from '../../core/sources/imusician';
import { dayFromMs } from '../../core/model/day';

export default defineContentScript({
  matches: [...IMUSICIAN_SITE.matches],
  runAt: 'document_start',
  main(ctx) {
    const today = () => ({ today: dayFromMs(Date.now()) });
    runSiteReader(ctx, {
      site: IMUSICIAN_SITE,
      parse: (response) => parseImusicianResponse({ url: response.url.href, status: response.status, body: response.body, text: response.text }, today()),
      pathTemplate: imusicianPathTemplate,
      domReadable: isImusicianTrendsPage,
      readDom: () => readImusicianTrendsDom(document, location.href, { ...today(), locale: document.documentElement.lang || undefined }),
      overlay: {
        anchor: () => document.querySelector(IMUSICIAN_SELECTORS.table)?.closest('section') ?? document.querySelector(IMUSICIAN_SELECTORS.table),
        // The trends page shows the track of its latest series; ISRC first, else iMusician's id.
        trackRequest: (outcomes) => {
          for (const outcome of [...outcomes].reverse()) {
            const track = outcome.tracks.find((ref) => outcome.observations.some((obs) => obs.ref === ref.ref));
            if (track?.isrc) return { isrc: track.isrc };
            if (track?.distributorId) return { distributorId: track.distributorId };
          }
          return null;
        },
      },
    });
  },
});
