/**
 * What Crosscount knows about one dashboard, as data: no code, no parser, nothing that needs a
 * browser. The site list, host permissions, content-script `matches`, the sender check, the
 * reading schema's site enum and the overlay's words all derive from these descriptors
 * (core/sites.ts; docs/adding-a-dashboard.md). Each built-in dashboard has one, in
 * `core/sources/<id>/site.ts`.
 *
 * The type is open on purpose: a distributor taught at run time (a recipe the artist adds)
 * is a descriptor too, with an id of the taught form (`taught-<name>`) so it can never take a
 * built-in's id, and its own hosts. Only the built-in ids are known at build time.
 */
import type { MessageParamsByKey } from '../i18n/keys';
import { TAUGHT_SOURCE_PREFIX } from '../model/ids';

/** Message keys that take no parameters (a sentence the overlay shows as it is). */
export type PlainMessageKey = { [K in keyof MessageParamsByKey]: MessageParamsByKey[K] extends undefined ? K : never }[keyof MessageParamsByKey];

/** Which side of the comparison a dashboard's counts are: the streaming service's own, or a distributor's. */
export type SiteSide = 'streams-service' | 'distributor';

/** Ids of built-in dashboards: a lower-case word (also the observation `source`). */
const BUILT_IN_SITE_ID = /^[a-z][a-z0-9]{1,31}$/;
/** Ids of distributors taught at run time: `taught-` and a lower-case name. */
export const TAUGHT_SITE_ID = new RegExp(`^${TAUGHT_SOURCE_PREFIX}[a-z0-9][a-z0-9-]{0,47}$`);

export function isTaughtSiteId(id: string): boolean {
  return TAUGHT_SITE_ID.test(id);
}

export interface SiteDescriptor<Id extends string = string> {
  /** Stable id, also the observation `source` of what is read there. */
  readonly id: Id;
  /** The name artists know the dashboard by (the same in every language). */
  readonly label: string;
  readonly side: SiteSide;
  /** Match patterns of the pages the content scripts run on (`https://host/*`). */
  readonly matches: readonly string[];
  /** Hosts whose responses the page observer may hand over. */
  readonly dataHosts: readonly string[];
  /** The page observer's `postMessage` channel (main world → isolated content script). */
  readonly channel: string;
  /**
   * Days after a day ends during which this dashboard's count for it may still change. The
   * comparison learns the window from the revisions it sees (core/compare/settle.ts); this is
   * where it starts. 0: the dashboard shows only finished days.
   */
  readonly settleDays: number;
  /** Words the overlay uses about this dashboard, as message keys (docs/i18n.md). */
  readonly words: {
    /** What to open on this dashboard when the other side has no data from it yet. */
    readonly openHint: PlainMessageKey;
  };
}

/** The host a match pattern `https://host/*` is for, or null for any other pattern. */
export function matchPatternHost(pattern: string): string | null {
  const match = /^https:\/\/([a-z0-9.-]+)\/\*$/.exec(pattern);
  return match ? match[1]! : null;
}

/** The problems of one descriptor, in words (empty when it is usable). */
export function descriptorProblems(site: SiteDescriptor): string[] {
  const problems: string[] = [];
  if (!BUILT_IN_SITE_ID.test(site.id) && !TAUGHT_SITE_ID.test(site.id)) problems.push(`id ${JSON.stringify(site.id)} is neither a built-in nor a taught id`);
  if (site.label.trim() === '') problems.push('label is empty');
  if (site.matches.length === 0) problems.push('no page matches');
  for (const pattern of site.matches) if (!matchPatternHost(pattern)) problems.push(`match ${JSON.stringify(pattern)} is not https://host/*`);
  for (const host of site.dataHosts) if (!/^[a-z0-9.-]+$/.test(host)) problems.push(`data host ${JSON.stringify(host)} is not a host name`);
  if (!/^crosscount:[a-z0-9-]+:v\d+$/.test(site.channel)) problems.push(`channel ${JSON.stringify(site.channel)} is not crosscount:<id>:v<n>`);
  if (!Number.isInteger(site.settleDays) || site.settleDays < 0 || site.settleDays > 60) problems.push('settleDays is not a whole number of days 0–60');
  return problems;
}
