/**
 * The names a history uses for where a count came from and which track it is: source ids,
 * store ids and identity keys (docs/contracts.md §1). Written once here, in the domain's own
 * layer, so the domain, the store, the readers and the screens all say them the same way.
 */

/** Spotify for Artists' source id (its descriptor's id, core/sources/spotify/site.ts): the streaming service's own counts. Every other source is a distributor. */
export const SPOTIFY_SOURCE = 'spotify';
/** iMusician's source id (core/sources/imusician/site.ts). */
export const IMUSICIAN_SOURCE = 'imusician';
/** What begins the id of a distributor's dashboard the artist added (`taught-distrokid`, core/taught-sites.ts). */
export const TAUGHT_SOURCE_PREFIX = 'taught-';

/**
 * The built-in sources' names, as artists know them (the same in every language). The
 * descriptors take their labels from here, so the domain can name a source without knowing the
 * dashboards (core/compare/format.ts `sourceName`).
 */
export const BUILT_IN_SOURCE_LABELS = {
  [SPOTIFY_SOURCE]: 'Spotify for Artists',
  [IMUSICIAN_SOURCE]: 'iMusician',
} as const;

/**
 * True for a distributor source Crosscount has built-in knowledge of (its readings need no
 * recipe): every built-in source but Spotify for Artists. core/sites.ts `isBuiltInDistributor`
 * says the same from the descriptors; test/unit/model/ids.test.ts keeps the two equal.
 */
export function isBuiltInDistributorSource(source: string): boolean {
  return source !== SPOTIFY_SOURCE && Object.hasOwn(BUILT_IN_SOURCE_LABELS, source);
}

/** The Spotify store: S4A's own counts, and a distributor's per-store Spotify series. */
export const SPOTIFY_STORE = 'spotify';
/** A distributor's series over all its stores together. */
export const ALL_STORES = 'all';

/**
 * Identity keys: the strings a track is matched on (the store indexes them, core/store/identity.ts).
 * The ISRC, each Spotify track id, and each distributor's own id under the distributor's source id.
 */
export const identityKey = {
  isrc: (isrc: string): string => `isrc:${isrc}`,
  spotifyTrack: (spotifyTrackId: string): string => `${SPOTIFY_SOURCE}:${spotifyTrackId}`,
  distributor: (source: string, distributorId: string): string => `${source}:${distributorId}`,
} as const;
