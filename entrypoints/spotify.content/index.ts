/**
 * Spotify for Artists, isolated world: the core's Spotify reader over the responses the page
 * observer hands over (DOM only as a fallback), and the overlay on song pages.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSiteReader } from '../../lib/site-reader';
import { SPOTIFY_SITE } from '../../core/sources/spotify/site';
import { readSpotifySongDom } from '../../core/sources/spotify/dom-fallback';
import { spotifyPage } from '../../core/sources/spotify/page';
import type { SpotifyParseResult, SpotifyReadContext } from '../../core/sources/spotify/result';
import { checkAgainstPage, needsPageCheck, readPageFigures } from '../../core/sources/spotify/page-check';
import { createPageCheckQueue } from '../../lib/page-check-queue';
import { SPOTIFY_SELECTORS } from '../../core/sources/spotify/selectors';
import { songIdOfLink } from '../../core/sources/spotify/ids';
import { snapshotSongsTable } from '../../core/sources/spotify/songs-table-snapshot';
import { send } from '../../lib/messages';
import { dayFromMs } from '../../core/model/day';
import { createSongBadges } from '../../lib/song-badges';

export default defineContentScript({
  matches: [...SPOTIFY_SITE.matches],
  runAt: 'document_start',
  main(ctx) {
    // The last finished day and track titles carry over between responses of one visit.
    let readContext: SpotifyReadContext = { latestDate: null, today: dayFromMs(Date.now()), titles: new Map() };
    const today = () => (readContext = { ...readContext, today: dayFromMs(Date.now()) });

    const badges = createSongBadges(ctx, {
      rows: () => [...document.querySelectorAll(SPOTIFY_SELECTORS.songRow)],
      songOf: (row) => {
        const link = row.querySelector(SPOTIFY_SELECTORS.songLink);
        const id = songIdOfLink(link?.getAttribute('href'));
        return link && id ? { id, anchor: link } : null;
      },
    });

    runSiteReader(ctx, {
      site: SPOTIFY_SITE,
      // Read in the background (core/sources/parse-in-background.ts), with what this visit knows so far.
      async parse(response) {
        const { latestDate, today: day, titles } = today();
        const { template, result } = await send('cs:parseResponse', { url: response.url.href, status: response.status, body: response.body, text: response.text, latestDate, today: day, titles: [...titles] });
        const context = { latestDate: result.context.latestDate, titles: new Map(result.context.titles) };
        readContext = { ...readContext, latestDate: context.latestDate ?? readContext.latestDate, titles: context.titles.size > 0 ? new Map([...readContext.titles, ...context.titles]) : readContext.titles };
        return { template, outcome: { ...result, context } as SpotifyParseResult };
      },
      // A song's daily series is compared with the chart and headline the page renders for it.
      pageCheck: (context, record) =>
        createPageCheckQueue(
          context,
          (outcome: SpotifyParseResult, final) => {
            if (!needsPageCheck(outcome)) return { status: 'none' };
            const figures = readPageFigures(document, location.href, document.documentElement.lang || undefined);
            const check = checkAgainstPage(outcome, figures, final);
            return check.status === 'not-yet' ? { status: 'not-yet' } : { status: 'checked', outcome: check.result, check: check.text };
          },
          record,
        ),
      domReadable: (url) => spotifyPage(url).kind === 'song-stats',
      onPageData: () => {
        if (spotifyPage(location.href).kind === 'songs') badges.start();
        else badges.stop();
      },
      // The songs list too: its table's cells carry full figures in their titles (dom-songs-table.ts).
      domFallbackOn: (url) => ['song-stats', 'songs'].includes(spotifyPage(url).kind),
      readDom: () => {
        const context = { ...today(), locale: document.documentElement.lang || undefined };
        if (spotifyPage(location.href).kind !== 'songs') return readSpotifySongDom(document, location.href, context);
        // Read in the background: the reader stays out of this script (dom-songs-table.ts).
        return send('cs:readSongsTable', { pageUrl: location.href, latestDate: context.latestDate, today: context.today, locale: context.locale, table: snapshotSongsTable(document) });
      },
      overlay: {
        anchor: () => document.querySelector(SPOTIFY_SELECTORS.songTimeline) ?? document.querySelector(SPOTIFY_SELECTORS.heroMetric)?.closest('section') ?? null,
        trackRequest: () => {
          const page = spotifyPage(location.href);
          return page.kind === 'song-stats' && page.trackId ? { spotifyTrackId: page.trackId } : null;
        },
      },
    });
  },
});
