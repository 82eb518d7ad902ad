/**
 * The distributors an artist can pick when adding a dashboard (data only). `hosts` are the
 * dashboard hosts as publicly known, each with the public page it comes from (`source`); a
 * distributor whose dashboard host nothing public shows has no hosts: the artist gives the
 * address of its stats page, as for "another address". Nothing here is a promise that a
 * dashboard can be read: a recipe the artist confirms decides that (core/recipes/README.md).
 */
import type { Distributor } from './types';

export const OTHER_DISTRIBUTOR = 'other';

export const DISTRIBUTORS: readonly Distributor[] = [
  // The public help pages link the artist dashboard at distrokid.com/dashboard; "Daily Stats" (estimated
  // Spotify, Apple Music, iTunes, Amazon figures) exists for some plans (docs/domain.md, distributors).
  { id: 'distrokid', label: 'DistroKid', hosts: ['distrokid.com'], source: 'https://distrokid.com/dashboard/', trends: 'daily' },
  // The public sign-in link is www.tunecore.com/login; the account pages live on the same host.
  { id: 'tunecore', label: 'TuneCore', hosts: ['www.tunecore.com'], source: 'https://www.tunecore.com/login', trends: 'unknown' },
  // CD Baby's members' area, its public FAQ at members.cdbaby.com/faq.aspx.
  { id: 'cdbaby', label: 'CD Baby', hosts: ['members.cdbaby.com'], source: 'http://members.cdbaby.com/faq.aspx', trends: 'unknown' },
  // Amuse is mostly a phone app; no public page shows the host of a web dashboard.
  { id: 'amuse', label: 'Amuse', hosts: [], source: null, trends: 'unknown' },
  // RouteNote's dashboard is on its main site (routenote.com, signed in).
  { id: 'routenote', label: 'RouteNote', hosts: ['routenote.com'], source: 'https://routenote.com/', trends: 'unknown' },
  // Ditto's help centre: "log into your Ditto account, click 'My Sales', then 'Royalty Earning' or 'Sales Trends'".
  { id: 'ditto', label: 'Ditto Music', hosts: ['dashboard.dittomusic.com'], source: 'https://support.dittomusic.com/support/solutions/folders/11000012750', trends: 'unknown' },
  // LANDR's web app (distribution included) is app.landr.com.
  { id: 'landr', label: 'LANDR', hosts: ['app.landr.com'], source: 'https://app.landr.com/', trends: 'unknown' },
  // UnitedMasters is mostly a phone app; no public page shows the host of a web dashboard.
  { id: 'unitedmasters', label: 'UnitedMasters', hosts: [], source: null, trends: 'unknown' },
  // AWAL's knowledge base describes a "Portal" with an Analytics tool (trend graphs) but not its host.
  { id: 'awal', label: 'AWAL', hosts: [], source: 'https://kb.awal.com/hc/en-gb/articles/360034975754-AWAL-Analytics-Tool-FAQ', trends: 'unknown' },
  { id: OTHER_DISTRIBUTOR, label: 'Another address', hosts: [], source: null, trends: 'unknown' },
];

export function distributorById(id: string): Distributor | null {
  return DISTRIBUTORS.find((distributor) => distributor.id === id) ?? null;
}

/** The distributor whose dashboard host this is (exact host, lower case), or null. */
export function distributorForHost(host: string): Distributor | null {
  const lower = host.toLowerCase();
  return DISTRIBUTORS.find((distributor) => distributor.hosts.includes(lower)) ?? null;
}
