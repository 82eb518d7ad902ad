/**
 * The dashboards Crosscount reads, as data. Host permissions, content-script matches and
 * sender checks are all derived from this one table, so adding a site is one entry here.
 */
export interface Site {
  /**
   * Stable id, also the observation `source` for readings from this site: 'spotify' and
   * 'imusician' for the built-in dashboards, a distributor's id for one the artist added
   * (core/taught-sites.ts).
   */
  readonly id: string;
  /** The name artists know the dashboard by. */
  readonly label: string;
  /** Pages the content script runs on. */
  readonly matches: readonly string[];
  /** Hosts whose responses the page observer may hand over (data hosts). */
  readonly dataHosts: readonly string[];
}

export const SITES: readonly Site[] = [
  {
    id: 'spotify',
    label: 'Spotify for Artists',
    matches: ['https://artists.spotify.com/*'],
    dataHosts: ['generic.wg.spotify.com'],
  },
  {
    id: 'imusician',
    label: 'iMusician',
    matches: ['https://www.imusician.pro/*'],
    dataHosts: ['www.imusician.pro'],
  },
];

/**
 * Host access is asked only where a content script runs (docs/store-listing.md): the data hosts'
 * responses are the page's own, handed over by the main-world observer, so Crosscount never
 * needs access to those hosts itself.
 */
export const HOST_PERMISSIONS: readonly string[] = [...new Set(SITES.flatMap((site) => site.matches))];

/**
 * The site a page URL belongs to, or null. Only https pages on the listed hosts count: the
 * built-in ones, then `added` (the distributors' dashboards the artist added and gave access to).
 */
export function siteForUrl(url: string | undefined, added: readonly Site[] = []): Site | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  return (
    [...SITES, ...added].find((site) => site.matches.some((pattern) => new URL(pattern.replace('/*', '/')).host === parsed.host)) ??
    null
  );
}

export function siteLabel(source: string, added: readonly Site[] = []): string {
  return [...SITES, ...added].find((site) => site.id === source)?.label ?? source;
}
