/**
 * Store names in reports → the store ids observations use (docs/contracts.md §1 `store`).
 *
 * Apple Music (streams) and iTunes (purchases) are one store, `apple`: the store id says where
 * the count comes from, and only stream rows become observations at all, so iTunes purchase
 * rows are dropped by the row's transaction type (or, in DistroKid, by the store name) and
 * never reach this id. All Amazon services → `amazon`, all YouTube services → `youtube`.
 */
import { SOURCE_ID_PATTERN } from '../../model/patterns';
import { shortHash } from './identity';
import { SPOTIFY_STORE } from '../../model/ids';

const KNOWN_STORES: ReadonlyArray<readonly [RegExp, string]> = [
  [/spotify/, SPOTIFY_STORE],
  [/\bapple\b|itunes/, 'apple'],
  [/\bamazon\b/, 'amazon'],
  [/deezer/, 'deezer'],
  [/youtube/, 'youtube'],
  [/tidal/, 'tidal'],
  [/pandora/, 'pandora'],
  [/napster/, 'napster'],
  [/soundcloud/, 'soundcloud'],
  [/tiktok/, 'tiktok'],
];

/** ASCII slug: "24/7 MusicShop" → "24-7-musicshop", "Zoë" → "zoe". */
function asciiSlug(text: string, max = 40): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

export function storeId(name: string): string {
  const lower = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  for (const [pattern, id] of KNOWN_STORES) if (pattern.test(lower)) return id;
  const slug = asciiSlug(name);
  // A name with no ASCII letters or digits ("网易云音乐") still needs a stable, valid id.
  return SOURCE_ID_PATTERN.test(slug) ? slug : `store-${shortHash(name.trim())}`;
}

/** YouTube Content ID claims are monetisation of other people's videos, never streams. */
export function isContentIdStore(name: string): boolean {
  return /content\s*-?\s*id/i.test(name);
}
