/**
 * The dashboards Crosscount reads, derived from their descriptors (core/sources/<id>/site.ts).
 * Host permissions, content-script matches, the sender check and the reading schema's site
 * enum all come from this list, so adding a dashboard adds one descriptor here
 * (docs/adding-a-dashboard.md).
 */
import { matchPatternHost, type SiteDescriptor } from './sources/site';
import { SPOTIFY_SITE } from './sources/spotify/site';
import { IMUSICIAN_SITE } from './sources/imusician/site';

export type { SiteDescriptor } from './sources/site';

/** The built-in dashboards, in the order the screens list them. */
export const SITES = [SPOTIFY_SITE, IMUSICIAN_SITE] as const;

export type BuiltInSite = (typeof SITES)[number];
/** Ids of the built-in dashboards (`'spotify' | 'imusician'`). */
type SiteId = BuiltInSite['id'];
/** A site a reading may come from: one of the built-in dashboards. */
export type Site = BuiltInSite;

/** The built-in ids as a non-empty tuple (for z.enum). */
export const SITE_IDS = SITES.map((site) => site.id) as unknown as readonly [SiteId, ...SiteId[]];

/**
 * Host access is asked only where a content script runs (docs/store-listing.md): the data hosts'
 * responses are the page's own, handed over by the main-world observer, so Crosscount never
 * needs access to those hosts itself.
 */
export const HOST_PERMISSIONS: readonly string[] = [...new Set(SITES.flatMap((site) => site.matches))];

/** The hosts of a site's pages (from its match patterns). */
function pageHosts(site: SiteDescriptor): string[] {
  return site.matches.map(matchPatternHost).filter((host): host is string => host !== null);
}

/**
 * The site a page URL belongs to, or null. Only https pages on the listed hosts count: the
 * built-in dashboards, then `added` (distributors' dashboards the artist added and gave
 * access to, core/taught-sites.ts).
 */
export function siteForUrl(url: string | undefined, added: readonly SiteDescriptor[] = []): SiteDescriptor | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  return SITES.find((site) => pageHosts(site).includes(parsed.host)) ?? added.find((site) => pageHosts(site).includes(parsed.host)) ?? null;
}

function siteById(id: string): Site | null {
  return SITES.find((site) => site.id === id) ?? null;
}

export function siteLabel(source: string, added: readonly SiteDescriptor[] = []): string {
  return siteById(source)?.label ?? added.find((site) => site.id === source)?.label ?? source;
}

/** The dashboards on the other side of the comparison from `site`. */
export function counterparts(site: SiteDescriptor): Site[] {
  return SITES.filter((other) => other.side !== site.side);
}

/** True for a distributor dashboard Crosscount has built-in knowledge of (its readings need no recipe). */
export function isBuiltInDistributor(source: string): boolean {
  const site = siteById(source);
  return site !== null && site.side === 'distributor';
}
