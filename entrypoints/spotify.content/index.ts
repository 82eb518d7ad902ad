/**
 * Spotify for Artists, isolated world: receives the responses the page observer hands over,
 * parses them with the core's Spotify reader, and sends readings to the background. Falls
 * back to the page's DOM only when no data response was understood for a song page.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { send } from '../../lib/messages';
import { checkPageMessage, isChannelProblem } from '../../lib/page-channel';
import { SPOTIFY_CHANNEL } from '../../lib/channels';
import { createReadingSession } from '../../lib/reading-session';
import { applySpotifyContext, parseSpotifyResponse, readSpotifySongDom, spotifyPage, SPOTIFY_DATA_HOST, type SpotifyReadContext } from '../../core/sources/spotify';
import { dayFromMs } from '../../core/model/day';
import { SPOTIFY_SELECTORS } from '../../core/sources/spotify/selectors';
import { createOverlayController } from '../../lib/overlay-controller';

/** How long a song page may take to load its data before the DOM fallback is tried. */
const DOM_FALLBACK_AFTER_MS = 5000;

export default defineContentScript({
  matches: ['https://artists.spotify.com/*'],
  runAt: 'document_start',
  main(ctx) {
    let readContext: SpotifyReadContext = { latestDate: null, today: dayFromMs(Date.now()), titles: new Map() };
    const overlay = createOverlayController(ctx, {
      here: 'Spotify for Artists',
      other: 'iMusician',
      otherHint: "open this song's Trends page in iMusician, or import a report on the history page.",
      anchor: () => {
        const chart = document.querySelector(SPOTIFY_SELECTORS.songTimeline);
        return chart ?? document.querySelector(SPOTIFY_SELECTORS.heroMetric)?.closest('section') ?? null;
      },
      trackRequest: () => {
        const page = spotifyPage(location.href);
        return page.kind === 'song-stats' && page.trackId ? { spotifyTrackId: page.trackId } : null;
      },
    });
    const session = createReadingSession({
      site: 'spotify',
      send: (reading) => send('cs:reading', reading),
      onSent: (reading) => {
        overlay.setUnrecognised(reading.status === 'unrecognised' ? (reading.reason ?? 'nothing recognised') : null);
        void overlay.refresh();
      },
    });
    ctx.onInvalidated(() => session.stop());
    /** Paths for which a data response gave observations (no DOM fallback needed there). */
    const readPaths = new Set<string>();

    ctx.addEventListener(window, 'message', (event) => {
      const checked = checkPageMessage(event, { window, origin: location.origin, channel: SPOTIFY_CHANNEL, dataHosts: [SPOTIFY_DATA_HOST] });
      // Problems on our channel are page data we could not use: nothing is stored from them.
      if (!checked || isChannelProblem(checked)) return;
      readContext = { ...readContext, today: dayFromMs(Date.now()) };
      const result = parseSpotifyResponse({ url: checked.url.href, status: checked.status, body: checked.body }, readContext);
      readContext = applySpotifyContext(readContext, result.context);
      if (result.observations.length > 0) readPaths.add(location.pathname);
      session.add(result, location.pathname);
    });

    function scheduleDomFallback(): void {
      const path = location.pathname;
      if (spotifyPage(location.href).kind !== 'song-stats') return;
      ctx.setTimeout(() => {
        if (location.pathname !== path || readPaths.has(path)) return;
        const result = readSpotifySongDom(document, location.href, { ...readContext, locale: document.documentElement.lang || undefined });
        if (result.observations.length > 0 || !result.recognised) session.add(result, path);
      }, DOM_FALLBACK_AFTER_MS);
    }

    // The dashboard is a single-page app: a new song does not reload the page.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      void session.flush();
      overlay.reset();
      void overlay.refresh();
      scheduleDomFallback();
    });
    scheduleDomFallback();
    // The panel goes beside the page's stats, which exist once the app has rendered.
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', () => void overlay.refresh());
    else void overlay.refresh();
  },
});
