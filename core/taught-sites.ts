/**
 * Distributors' dashboards the artist added (docs/architecture.md "Added dashboards"): which
 * site an address names, the access to ask the browser for (exactly that site), and the
 * content scripts the background registers there. Pure and without zod (the page observer
 * loads it): the browser's permissions and
 * scripting APIs are called by the background with what these functions return.
 */
import { SITES } from './sites';
import { TAUGHT_SITE_ID, type SiteDescriptor } from './sources/site';
import { DEFAULT_SETTLE_DAYS } from './model/settle';
import { TAUGHT_SOURCE_PREFIX } from './model/ids';
import { distributorById, distributorForHost, DISTRIBUTORS, OTHER_DISTRIBUTOR } from './recipes/distributors';
import type { Distributor } from './recipes/types';

/**
 * A dashboard the artist added: a site descriptor like the built-in ones (core/sources/site.ts;
 * its id is of the taught form `taught-<name>`, also the observation `source` of what it
 * reads), plus where it came from.
 */
export interface TaughtSite extends SiteDescriptor {
  /** A DISTRIBUTORS id, or "other" for an address of the artist's own. */
  readonly distributor: string;
  /** The dashboard's host (https, lower case, no port). */
  readonly host: string;
  /** When the artist added it (ISO instant). */
  readonly addedAt: string;
}

/** Every added dashboard's observer talks to its reader on this channel. */
export const TAUGHT_CHANNEL = 'crosscount:taught:v1';

/** The two runtime content scripts WXT builds (entrypoints/distributor-observer.content.ts, entrypoints/distributor.content/). */
export const OBSERVER_SCRIPT = 'content-scripts/distributor-observer.js';
export const READER_SCRIPT = 'content-scripts/distributor.js';
/** What the manifest lets Crosscount ask for at the moment of use (never asked for as a whole). */
export const OPTIONAL_HOST_PERMISSIONS: readonly string[] = ['https://*/*'];
/** Every registration Crosscount makes starts with this, so it never touches anyone else's. */
export const REGISTRATION_PREFIX = 'crosscount-taught-';

const HOST_PATTERN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const BUILT_IN_HOSTS = new Set(SITES.flatMap((site) => site.matches.map((pattern) => new URL(pattern.replace('/*', '/')).host)));


/** The origin pattern asked for: exactly the dashboard's host, every page on it. */
export function originPattern(host: string): string {
  return `https://${host}/*`;
}

/**
 * The hosts a dashboard's own data may come from: its host, its subdomains, and (for a host
 * like dashboard.example.com) the other subdomains of example.com, where such apps keep their API.
 */
export function dataHostAllowed(pageHost: string, dataHost: string): boolean {
  if (dataHost === pageHost || dataHost.endsWith(`.${pageHost}`)) return true;
  const labels = pageHost.split('.');
  if (labels.length < 3) return false;
  const parent = labels.slice(1).join('.');
  return dataHost === parent || dataHost.endsWith(`.${parent}`);
}

export type AddressProblem = 'address-invalid' | 'address-not-https' | 'address-built-in' | 'address-needed';

/** The host of an address the artist typed ("distrokid.com/stats" works too), or why not. */
export function hostOfAddress(address: string): { host: string } | { problem: AddressProblem } {
  const trimmed = address.trim();
  if (trimmed.length === 0) return { problem: 'address-needed' };
  if (trimmed.length > 2000) return { problem: 'address-invalid' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { problem: 'address-invalid' };
  }
  if (url.protocol !== 'https:') return { problem: 'address-not-https' };
  const host = url.hostname.toLowerCase();
  if (url.port !== '' || url.username !== '' || url.password !== '' || !HOST_PATTERN.test(host)) return { problem: 'address-invalid' };
  if (BUILT_IN_HOSTS.has(host)) return { problem: 'address-built-in' };
  return { host };
}

/**
 * The id of an added dashboard: `taught-` and the distributor's id, or, for an address of the
 * artist's own, its host as letters, digits and dashes (never a known distributor's name).
 */
function taughtId(name: string): string {
  const id = `${TAUGHT_SOURCE_PREFIX}${name.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`.slice(0, 55).replace(/-+$/, '');
  return TAUGHT_SITE_ID.test(id) ? id : `${TAUGHT_SOURCE_PREFIX}site`;
}

function idForHost(host: string): string {
  const base = host.replace(/^www\./, '');
  const known = new Set(DISTRIBUTORS.map((distributor) => distributor.id));
  return taughtId(known.has(base.replace(/[^a-z0-9]+/g, '-')) ? `site-${base}` : base);
}

/**
 * The dashboard the artist picked: a known distributor (its public host unless an address is
 * given) or an address of their own. An address on a known distributor's host is that
 * distributor, whatever was picked.
 */
export function taughtSiteFor(pick: { distributor: string; address: string }, now: string): { site: TaughtSite } | { problem: AddressProblem } {
  const picked: Distributor | null = distributorById(pick.distributor);
  let host: string;
  if (pick.address.trim() === '') {
    const known = picked && picked.id !== OTHER_DISTRIBUTOR ? picked.hosts[0] : undefined;
    if (!known) return { problem: 'address-needed' };
    host = known;
  } else {
    const parsed = hostOfAddress(pick.address);
    if ('problem' in parsed) return parsed;
    host = parsed.host;
  }
  const distributor = distributorForHost(host) ?? (picked && picked.id !== OTHER_DISTRIBUTOR && picked.hosts.length === 0 ? picked : null);
  const id = distributor ? taughtId(distributor.id) : idForHost(host);
  const label = distributor ? distributor.label : host;
  return {
    site: {
      id,
      label,
      side: 'distributor',
      matches: [originPattern(host)],
      dataHosts: [host],
      channel: TAUGHT_CHANNEL,
      // Where the comparison starts; it learns the dashboard's own window from its revisions (core/compare/settle.ts).
      settleDays: DEFAULT_SETTLE_DAYS,
      words: { openHint: 'overlayHintTaught' },
      distributor: distributor?.id ?? OTHER_DISTRIBUTOR,
      host,
      addedAt: now,
    },
  };
}

/** What `browser.scripting.registerContentScripts` takes for one script (the fields used). */
export interface ScriptRegistration {
  id: string;
  js: string[];
  matches: string[];
  runAt: 'document_start';
  world: 'MAIN' | 'ISOLATED';
  allFrames: false;
  persistAcrossSessions: true;
}

/** The observer (main world, before the page's scripts) and the reader (isolated world) on one dashboard. */
export function registrationsFor(site: Pick<TaughtSite, 'id' | 'host'>): ScriptRegistration[] {
  const matches = [originPattern(site.host)];
  const common = { matches, runAt: 'document_start', allFrames: false, persistAcrossSessions: true } as const;
  return [
    { id: `${REGISTRATION_PREFIX}observer-${site.id}`, js: [OBSERVER_SCRIPT], world: 'MAIN', ...common },
    { id: `${REGISTRATION_PREFIX}reader-${site.id}`, js: [READER_SCRIPT], world: 'ISOLATED', ...common },
  ];
}

/**
 * What to change so that exactly the added dashboards with access have their scripts: the
 * registrations to drop (a removed dashboard, access taken back, or matches that changed) and
 * the ones to add. Registrations that are not Crosscount's are never named.
 */
export function planRegistrations(
  registered: readonly { id: string; matches?: readonly string[] }[],
  sites: readonly Pick<TaughtSite, 'id' | 'host'>[],
  granted: (origin: string) => boolean,
): { unregister: string[]; register: ScriptRegistration[] } {
  const wanted = new Map(sites.filter((site) => granted(originPattern(site.host))).flatMap(registrationsFor).map((each) => [each.id, each]));
  const ours = registered.filter((each) => each.id.startsWith(REGISTRATION_PREFIX));
  const keep = new Set(
    ours.filter((each) => {
      const want = wanted.get(each.id);
      return want !== undefined && JSON.stringify([...(each.matches ?? [])].sort()) === JSON.stringify([...want.matches].sort());
    }).map((each) => each.id),
  );
  return {
    unregister: ours.filter((each) => !keep.has(each.id)).map((each) => each.id),
    register: [...wanted.values()].filter((each) => !keep.has(each.id)),
  };
}
