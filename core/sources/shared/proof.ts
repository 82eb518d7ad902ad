/**
 * Which fixtures prove a selector or a page predicate. Every selector and every page kind a
 * reader knows names the fixture files (paths under `test/fixtures/`) that show it working;
 * `test/unit/sources/selectors-proven.test.ts` walks every list and fails when a listed fixture
 * no longer proves its entry, or an entry has no list. Where no static fixture can prove one
 * (the markup is drawn by script, the shape was only ever seen on live pages, or there is no
 * page to save), `noFixture` says why: the test accepts it and reports it.
 *
 * The tables sit beside the selectors and predicates they prove; a dashboard's script never
 * imports them, so the bundler leaves them out.
 */

/** A selector's proof: fixture pages on which it matches at least one element. */
export type SelectorProof = { readonly provenBy: readonly string[] } | { readonly noFixture: string };

/** One address a predicate must accept, with the fixture that is the page or response there. */
export interface UrlFixture {
  readonly url: string;
  readonly fixture: string;
}

/** A page kind's or a data path's proof: addresses the predicate accepts, each with its fixture. */
export type UrlProof = { readonly provenBy: readonly UrlFixture[] } | { readonly noFixture: string };
