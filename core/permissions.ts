/**
 * Host access the artist may have taken back. Firefox (MV3) lets users revoke a site's access
 * at any time (and Chrome lets them withhold it); the content scripts then simply do not run,
 * so nothing would ever be read and nothing would say why. These helpers tell which
 * dashboards are affected and ask for access again.
 *
 * The permissions API is passed in (`browser.permissions` in the extension) so this module
 * has no browser globals and can be tested with a fake.
 */
import { HOST_PERMISSIONS, SITES, type Site } from './sites';

type Origins = { origins?: string[] };
type PermissionsListener = (permissions: Origins) => void;

/** The part of `browser.permissions` used here. */
export interface PermissionsApi {
  contains(permissions: Origins): Promise<boolean>;
  request(permissions: Origins): Promise<boolean>;
  onAdded?: { addListener(listener: PermissionsListener): void; removeListener(listener: PermissionsListener): void };
  onRemoved?: { addListener(listener: PermissionsListener): void; removeListener(listener: PermissionsListener): void };
}

/** The host permissions from the manifest that the browser does not grant right now. */
export async function missingHostPermissions(api: PermissionsApi, origins: readonly string[] = HOST_PERMISSIONS): Promise<string[]> {
  // One origin at a time: `contains` with a list only says whether all of them are granted.
  const granted = await Promise.all(origins.map((origin) => api.contains({ origins: [origin] })));
  return origins.filter((_, index) => !granted[index]);
}

/**
 * Asks for the host permissions again. Browsers only show the request during a user gesture:
 * call this synchronously from the click handler, before any `await`.
 */
export function requestHostPermissions(api: PermissionsApi, origins: readonly string[] = HOST_PERMISSIONS): Promise<boolean> {
  return api.request({ origins: [...origins] });
}

/** The dashboards a list of origin patterns belongs to (page hosts and data hosts), in SITES order. */
export function sitesForOrigins(origins: readonly string[]): Site[] {
  const hosts = new Set(origins.map(hostOfPattern).filter((host): host is string => host !== null));
  return SITES.filter((site) => [...site.matches.map(hostOfPattern), ...site.dataHosts].some((host) => host !== null && hosts.has(host)));
}

function hostOfPattern(pattern: string): string | null {
  const match = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern);
  return match ? match[1]! : null;
}
