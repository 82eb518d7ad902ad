/**
 * Every DOM selector the Spotify for Artists readers use, in one place (core/sources/spotify/README.md,
 * "DOM"). Generated class names change often, so only ids, data-* test hooks, ARIA and plain
 * table structure are used. Each selector lists the fixture pages that prove it
 * (`SPOTIFY_SELECTOR_PROOFS`; test/fixtures/spotify/README.md says where each page's shape comes from).
 */
import type { SelectorProof } from '../shared/proof';

export const SPOTIFY_SELECTORS = {
  /** The song's stream chart: older builds (`#timeline`, test id, SLO id). */
  songTimeline: '#timeline, [data-testid="song-timeline-a11y"], [data-slo-id="song-timeline"]',
  /** Chart points inside the chart: their aria-label reads "DATE, N streams". */
  chartPointLabel: '[aria-label]',
  /** Headline figures of the song page (recent builds). */
  heroMetric: "p[data-slo-id='hero-stats-section-metric']",
  /** Rows of the songs list: recent pages mark them `sort-table-body-row`; older scrapers read `tbody tr`. */
  songRow: 'tr[data-testid="sort-table-body-row"], tbody tr',
  /** The songs list's column headers ("Streams", "Listeners"): which cell of a row holds which figure. */
  songsHeader: 'thead th',
  /** A row's cells; a number cell's `title` may hold the full figure its text rounds ("1.2K" over "1,234"). */
  songCell: 'th, td',
  /** A row's link to its song's page, which names the track id. */
  songLink: 'a[href*="/song/"]',
} as const;

export const SPOTIFY_SELECTOR_PROOFS: Readonly<Record<keyof typeof SPOTIFY_SELECTORS, SelectorProof>> = {
  songTimeline: { provenBy: ['spotify/dom-song-timeline-older.html', 'spotify/dom-song-timeline-de.html'] },
  chartPointLabel: { provenBy: ['spotify/dom-song-timeline-older.html', 'spotify/dom-song-timeline-de.html'] },
  heroMetric: { provenBy: ['spotify/dom-hero-stats.html', 'spotify/dom-hero-stats-bare.html'] },
  songRow: { provenBy: ['spotify/dom-songs-table.html'] },
  songsHeader: { provenBy: ['spotify/dom-songs-table.html'] },
  songCell: { provenBy: ['spotify/dom-songs-table.html'] },
  songLink: { provenBy: ['spotify/dom-songs-table.html', 'pages/bench/spotify-song-1000.html'] },
};
