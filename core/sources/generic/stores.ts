/**
 * Store names as the trends view may show them → the store ids observations use. The
 * normalisation itself is the report importer's (`storeId`), so a store has one id whether it
 * came from a sales report or from the dashboard; this file only adds what a live view has
 * and a report has not: the "all stores" total, and the question "is this a store at all?".
 */
import { storeId } from '../reports/stores';
import { ALL_STORES } from '../../model/ids';

/**
 * The stores we know by name, spelled out whole (normalised: lower case, letters and digits).
 * Whole names only: "spotifyPlaylistAdds" must not read as the Spotify store. The list is
 * iMusician's trend stores (FAQ) and the report helper's known stores.
 */
const KNOWN_STORE_NAMES: ReadonlySet<string> = new Set([
  'spotify', 'apple', 'applemusic', 'itunes', 'itunesstore', 'amazon', 'amazonmusic', 'amazonmusicunlimited', 'amazonprimemusic',
  'amazonunlimited', 'deezer', 'youtube', 'youtubemusic', 'tidal', 'pandora', 'napster', 'soundcloud', 'tiktok', '247musicshop',
]);

/** Names of the total across stores, as a breakdown or a filter may spell it. */
const ALL_STORES_NAME = /^(all|all[ _-]?stores|all[ _-]?shops|total|overall|sum|any)$/i;

const MAX_NAME = 60;

/** "All stores", "total" … */
export function isAllStoresName(name: string): boolean {
  return ALL_STORES_NAME.test(name.trim());
}

/** True only for a store we recognise by its whole name ("Apple Music", "spotify", "24/7 MusicShop"). */
export function isKnownStoreName(name: string): boolean {
  return KNOWN_STORE_NAMES.has(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/**
 * The store id for a name the response gives as a store: "all" for a total, the known id
 * ("Apple Music" → "apple"), else a slug ("24/7 MusicShop" → "24-7-musicshop"). Null for
 * something that cannot be a store name (empty, too long, only digits: a store's internal
 * number names no store we could match).
 */
export function dashboardStoreId(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_NAME || /^\d+$/.test(trimmed)) return null;
  if (isAllStoresName(trimmed)) return ALL_STORES;
  return storeId(trimmed);
}
