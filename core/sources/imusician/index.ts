/**
 * iMusician reader, pure core: the structural response parser, the observer's allow-list,
 * the page predicate and the trends-table DOM fallback. The browser side (main-world
 * observer, content script, overlay) builds on these, as for Spotify.
 */
export { parseImusicianResponse, LOOKED_FOR, type ImusicianResponseInput } from './parse-response';
export { knownImusicianDataPath, imusicianPage, imusicianPathTemplate, isImusicianTrendsPage, IMUSICIAN_HOST, type ImusicianPage, type ImusicianPageKind } from './urls';
export type { ImusicianReadContext, ImusicianContextUpdate, ImusicianParseResult, ImusicianResultKind } from './result';
export { readImusicianTrendsDom, type ImusicianDomContext, type DomElementLike, type DomRootLike } from './dom-fallback';
export { IMUSICIAN_SELECTORS } from './selectors';
export { imusicianStoreId } from './stores';
export { storeFilterOf, type StoreFilter } from './store-filter';
