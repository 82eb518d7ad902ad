/**
 * Spotify for Artists reader, pure core: data-response parsers, page predicates, the DOM
 * fallback and title linking. The browser side (main-world observer, content script, overlay)
 * builds on these. The CSV importer is imported from ./csv-import directly (the import
 * registry does): re-exported here, it would put papaparse (≈ 7 kB gzipped, a CommonJS module
 * bundlers cannot drop) into the content script.
 */
export { parseSpotifyResponse, applySpotifyContext, type SpotifyResponseInput } from './parse-response';
export { knownSpotifyDataPath, matchSpotifyDataUrl, SPOTIFY_DATA_HOST, type SpotifyShapeKind, type SpotifyRoute } from './routes';
export { spotifyPage, type SpotifyPage, type SpotifyPageKind } from './page';
export type { SpotifyReadContext, SpotifyContextUpdate, SpotifyParseResult, SpotifyResultKind } from './result';
export { readSpotifySongDom, parseChartLabel, parseHeadline, type DomElementLike, type DomRootLike, type SpotifyDomContext } from './dom-fallback';
export { SPOTIFY_SELECTORS } from './selectors';
export { parseLocaleInteger, type LocaleInteger } from '../shared/locale-number';
