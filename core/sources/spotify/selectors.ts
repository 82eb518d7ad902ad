/**
 * Every DOM selector the Spotify for Artists fallback reader uses, in one place (core/sources/spotify/README.md,
 * "DOM"). Generated class names change often, so only ids, data-* test hooks and ARIA are used.
 * Each selector is proven by a fixture page under test/fixtures/spotify/ (see its README).
 */
export const SPOTIFY_SELECTORS = {
  /** The song's stream chart: older builds (`#timeline`, test id, SLO id). */
  songTimeline: '#timeline, [data-testid="song-timeline-a11y"], [data-slo-id="song-timeline"]',
  /** Chart points inside the chart: their aria-label reads "DATE, N streams". */
  chartPointLabel: '[aria-label]',
  /** Headline figures of the song page (recent builds). */
  heroMetric: "p[data-slo-id='hero-stats-section-metric']",
  /** Rows of the songs list: recent pages mark them `sort-table-body-row`; older scrapers read `tbody tr`. */
  songRow: 'tr[data-testid="sort-table-body-row"], tbody tr',
  /** A table cell whose `title` holds the full, unabbreviated number (the text may read "1,2k"). */
  fullNumberCell: 'td[title]',
  /** A row's link to its song's page, which names the track id. */
  songLink: 'a[href*="/song/"]',
} as const;
