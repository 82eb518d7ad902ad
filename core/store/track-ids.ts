/**
 * Ids for tracks new to the store. Derived from the track's first identity key, so the same
 * track read into two fresh installs gets the same id; a collision (or an id already taken)
 * gets a numeric suffix.
 */
import type { Track } from '../model/schema';
import { identityKeysOf } from './identity';

/** FNV-1a, 32 bits, base 36: short and stable; uniqueness is enforced separately. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * A `newId` for planTrackMerge. `taken` holds every id in the store; ids handed out are added.
 * With `keepIncomingIds` (imports) a file's own id is kept when free, so import → export →
 * import gives the same ids; reading refs are local to one reading and never kept.
 */
export function trackIdAllocator(taken: Set<string>, keepIncomingIds: boolean): (track: Track) => string {
  return (track) => {
    let base: string;
    if (keepIncomingIds && track.id && !taken.has(track.id)) base = track.id;
    else base = `t-${shortHash(identityKeysOf(track)[0] ?? `${track.title}\u0000${track.artists.join('\u0000')}`)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
}
