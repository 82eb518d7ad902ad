/**
 * Which iMusician addresses the reader cares about. No shape of iMusician's data responses is
 * public, so the observer's allow-list (the built-in recipe's data addresses, ./recipe.ts) is
 * generous about data (the parser decides what a body is) and strict about what is certainly
 * not trend data: anything about the login, the account or money is never even cloned, so
 * personal data does not reach our code.
 *
 * Kept free of zod and of the parser: the main-world observer bundles this file.
 */

import { IMUSICIAN_HOST } from './site';
import { IMUSICIAN_RECIPE } from './recipe';
import { dataAddressMatches, lowerSegmentsOf as segmentsOf } from '../../recipes/data-address';
import { safeUrl } from '../shared/url';
import type { UrlProof } from '../shared/proof';

/**
 * Whether the main-world observer should hand this response over: the built-in recipe's data
 * addresses (./recipe.ts: data words, never the login, the account or money, no static files
 * or beacons). Pure; never throws. GraphQL calls share one path; when the operation name is in
 * the address it is checked too, otherwise the parser (which only ever extracts day/count
 * pairs) sees the body.
 */
export function knownImusicianDataPath(url: string): boolean {
  return dataAddressMatches(IMUSICIAN_RECIPE.response, url);
}

type ImusicianPageKind = 'trends' | 'app' | 'other';

interface ImusicianPage {
  kind: ImusicianPageKind;
}

/** "/app/…" or a language-prefixed "/de/app/…". */
function appSegments(segments: readonly string[]): string[] | null {
  if (segments[0] === 'app') return segments.slice(1);
  if (/^[a-z]{2}(-[a-z]{2})?$/.test(segments[0] ?? '') && segments[1] === 'app') return segments.slice(2);
  return null;
}

/**
 * Which iMusician page a URL is. The trends page's address is not documented: any app page
 * whose path mentions trends or analytics counts (the app is a single-page app, so the content
 * script asks again on every in-page navigation).
 */
export function imusicianPage(url: string): ImusicianPage {
  const parsed = safeUrl(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.host !== IMUSICIAN_HOST) return { kind: 'other' };
  const rest = appSegments(segmentsOf(parsed));
  if (!rest) return { kind: 'other' };
  // Single-page apps sometimes route in the fragment ("/app#/analytics/trends").
  const hash = parsed.hash.toLowerCase();
  return rest.some((segment) => /trend|analytic/.test(segment)) || /trend|analytic/.test(hash) ? { kind: 'trends' } : { kind: 'app' };
}

export function isImusicianTrendsPage(url: string): boolean {
  return imusicianPage(url).kind === 'trends';
}

/**
 * A data address as the diagnostics name it: the path with every segment that carries a digit
 * (an id, a date; not a version such as "v1") written `{id}`, and the names of its query parameters (never their values,
 * which can be personal filters): "/api/v1/analytics/trends/tracks/{id}?store&from&to".
 */
export function imusicianPathTemplate(url: URL): string {
  const path = url.pathname
    .split('/')
    .map((segment) => ((/\d/.test(segment) && !/^v\d{1,2}$/.test(segment)) || segment.length > 40 ? '{id}' : segment))
    .join('/');
  // From the query text, not searchParams' iterator: Firefox's content scripts cannot spread it.
  const names = [...new Set(url.search.replace(/^\?/, '').split('&').map((pair) => pair.split('=')[0] ?? ''))].filter((name) => /^[A-Za-z_][\w-]{0,30}$/.test(name)).slice(0, 10);
  return `${path}${names.length > 0 ? `?${names.join('&')}` : ''}`.slice(0, 200);
}

const APP = `https://${IMUSICIAN_HOST}`;
const TRENDS_PAGE = `${APP}/app/analytics/trends`;

/** Each page kind with addresses of fixture pages it must be (core/sources/shared/proof.ts). */
export const IMUSICIAN_PAGE_PROOFS: Readonly<Record<ImusicianPageKind, UrlProof>> = {
  trends: {
    provenBy: [
      { url: TRENDS_PAGE, fixture: 'pages/imusician/trends.html' },
      { url: TRENDS_PAGE, fixture: 'imusician/trends-table.html' },
    ],
  },
  app: { noFixture: 'no page of the app is public and the reader does nothing on the app\'s other pages, so none is saved (test/unit/sources/imusician/urls.test.ts holds addresses inline)' },
  other: { noFixture: 'pages outside the app (the FAQ, the shop) are never read, so none is saved (test/unit/sources/imusician/urls.test.ts holds addresses inline)' },
};

/**
 * The data addresses the observer hands over, with the fixture responses there (all
 * hypothetical, test/fixtures/imusician/README.md): the predicate must accept the address and
 * the reader recognise the body.
 */
export const IMUSICIAN_DATA_PATH_PROOF: UrlProof = {
  provenBy: [
    { url: `${APP}/api/v1/analytics/trends/tracks/4711?store=spotify&from=2026-03-18&to=2026-03-24`, fixture: 'imusician/track-daily-spotify.json' },
    { url: `${APP}/api/v1/analytics/trends/tracks/4711`, fixture: 'pages/imusician/api/trends-track-4711.json' },
    { url: `${APP}/api/trends/stores?release=90210&from=2026-03-18&to=2026-03-24`, fixture: 'imusician/per-store-breakdown.json' },
    { url: `${APP}/api/v2/analytics/trends?from=2026-03-18&to=2026-03-24`, fixture: 'imusician/all-stores-total.json' },
    { url: `${APP}/graphql?operationName=TrendAnalytics`, fixture: 'imusician/graphql-trends.json' },
  ],
};
