/**
 * iMusician, isolated world: the core's structural trends reader over the responses the page
 * observer hands over (the trends table as a fallback), and the overlay on the trends page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { t } from '../../components/i18n';
import { runSiteReader } from '../../lib/site-reader';
import { IMUSICIAN_CHANNEL } from '../../lib/channels';
import { IMUSICIAN_HOST, imusicianPathTemplate, isImusicianTrendsPage, parseImusicianResponse, readImusicianTrendsDom, IMUSICIAN_SELECTORS } from '../../core/sources/imusician';
import { dayFromMs } from '../../core/model/day';

export default defineContentScript({
  matches: ['https://www.imusician.pro/*'],
  runAt: 'document_start',
  main(ctx) {
    const today = () => ({ today: dayFromMs(Date.now()) });
    runSiteReader(ctx, {
      site: 'imusician',
      channel: IMUSICIAN_CHANNEL,
      dataHosts: [IMUSICIAN_HOST],
      parse: (response) => parseImusicianResponse({ url: response.url.href, status: response.status, body: response.body, text: response.text }, today()),
      pathTemplate: imusicianPathTemplate,
      domReadable: isImusicianTrendsPage,
      readDom: () => readImusicianTrendsDom(document, location.href, { ...today(), locale: document.documentElement.lang || undefined }),
      overlay: {
        here: 'iMusician',
        other: 'Spotify for Artists',
        otherHint: () => t('overlayHintSpotify'),
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
