/**
 * Every selector and page predicate names the fixture pages that prove it
 * (core/sources/shared/proof.ts); this walks every list. A selector must match at least one
 * element on each page it lists (parsed with linkedom, as a saved page is), a page kind must
 * be what its predicate says for each listed address, a data path must be matched and its
 * reader recognise the listed body, and a fixture under test/fixtures/pages/ must be what the
 * fixture dashboard serves at that address. An entry with `noFixture` is accepted and reported.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { SelectorProof } from '../../../core/sources/shared/proof';
import { SPOTIFY_SELECTORS, SPOTIFY_SELECTOR_PROOFS } from '../../../core/sources/spotify/selectors';
import { IMUSICIAN_SELECTORS, IMUSICIAN_SELECTOR_PROOFS } from '../../../core/sources/imusician/selectors';
import { SPOTIFY_PAGE_PROOFS, spotifyPage } from '../../../core/sources/spotify/page';
import { SPOTIFY_ROUTE_PROOFS, matchSpotifyDataUrl } from '../../../core/sources/spotify/routes';
import { IMUSICIAN_DATA_PATH_PROOF, IMUSICIAN_PAGE_PROOFS, imusicianPage, knownImusicianDataPath } from '../../../core/sources/imusician/urls';
import { parseSpotifyResponse } from '../../../core/sources/spotify/parse-response';
import { parseImusicianResponse } from '../../../core/sources/imusician/parse-response';
import { fixturePageFor } from '../../fixtures/pages/index';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const read = (fixture: string) => readFileSync(resolve(FIXTURES, fixture), 'utf8');
const documentOf = (fixture: string) => parseHTML(read(fixture)).document;

const unproven: string[] = [];

function provenBy<T>(name: string, proof: { readonly provenBy: readonly T[] } | { readonly noFixture: string } | undefined): readonly T[] {
  if (proof === undefined) throw new Error(`${name} lists no fixture that proves it`);
  if ('noFixture' in proof) {
    expect(proof.noFixture.length, `${name}: say why no fixture proves it`).toBeGreaterThan(20);
    unproven.push(`${name}: ${proof.noFixture}`);
    return [];
  }
  expect(proof.provenBy.length, `${name} lists no fixture`).toBeGreaterThan(0);
  return proof.provenBy;
}

/** A fixture of the fixture dashboard is what it serves at the address (test/fixtures/pages/index.ts). */
function expectServedAt(url: string, fixture: string): void {
  if (fixture.startsWith('pages/')) expect(`pages/${fixturePageFor(url)}`, `${url} serves ${fixture}`).toBe(fixture);
}

const SELECTOR_SETS = [
  ['spotify', SPOTIFY_SELECTORS, SPOTIFY_SELECTOR_PROOFS],
  ['imusician', IMUSICIAN_SELECTORS, IMUSICIAN_SELECTOR_PROOFS],
] as const;

describe.each(SELECTOR_SETS)('%s selectors', (site, selectors, proofs: Readonly<Record<string, SelectorProof>>) => {
  it('each has a proof, and each proof a selector', () => {
    expect(Object.keys(proofs).sort()).toEqual(Object.keys(selectors).sort());
  });

  it.each(Object.entries(selectors))('%s matches on every page it lists', (name, selector) => {
    for (const fixture of provenBy(`${site} ${name}`, proofs[name])) {
      expect(documentOf(fixture).querySelectorAll(selector).length, `${name} (${selector}) on ${fixture}`).toBeGreaterThan(0);
    }
  });
});

describe('page predicates', () => {
  it.each(Object.entries(SPOTIFY_PAGE_PROOFS))('Spotify for Artists %s pages', (kind, proof) => {
    for (const { url, fixture } of provenBy(`spotify page ${kind}`, proof)) {
      expect(spotifyPage(url).kind, url).toBe(kind);
      expectServedAt(url, fixture);
      expect(documentOf(fixture).documentElement, fixture).toBeTruthy();
    }
  });

  it.each(Object.entries(IMUSICIAN_PAGE_PROOFS))('iMusician %s pages', (kind, proof) => {
    for (const { url, fixture } of provenBy(`imusician page ${kind}`, proof)) {
      expect(imusicianPage(url).kind, url).toBe(kind);
      expectServedAt(url, fixture);
      expect(documentOf(fixture).documentElement, fixture).toBeTruthy();
    }
  });
});

describe('data paths', () => {
  it.each(Object.entries(SPOTIFY_ROUTE_PROOFS))('Spotify for Artists %s', (kind, proof) => {
    for (const { url, fixture } of provenBy(`spotify route ${kind}`, proof)) {
      expect(matchSpotifyDataUrl(url)?.kind, url).toBe(kind);
      expectServedAt(url, fixture);
      const result = parseSpotifyResponse({ url, status: 200, body: JSON.parse(read(fixture)) }, { latestDate: null, today: '2026-04-01', titles: new Map() });
      expect(result.recognised, `${fixture} at ${url}: ${result.reason}`).toBe(true);
    }
  });

  it('iMusician responses the observer hands over', () => {
    for (const { url, fixture } of provenBy('imusician data path', IMUSICIAN_DATA_PATH_PROOF)) {
      expect(knownImusicianDataPath(url), url).toBe(true);
      expectServedAt(url, fixture);
      const result = parseImusicianResponse({ url, status: 200, body: JSON.parse(read(fixture)) }, { today: '2026-04-01' });
      expect(result.recognised, `${fixture} at ${url}: ${result.reason}`).toBe(true);
      expect(result.observations.length, fixture).toBeGreaterThan(0);
    }
  });
});

describe('entries no fixture proves', () => {
  it('are reported', () => {
    // Not a failure: each says why (core/sources/shared/proof.ts). Listed so a reader sees them.
    console.info(`Proven by no fixture:\n${unproven.map((line) => `- ${line}`).join('\n')}`);
    expect(unproven.every((line) => line.includes(': '))).toBe(true);
  });
});
