/**
 * Deterministic local track ids for a report's tracks, so that importing the same report twice
 * gives the same ids (and merging then revises instead of duplicating).
 */

/** FNV-1a, 32 bits, as 7 base-36 characters: short, stable, not a security measure. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/** Unicode-keeping slug for ids: "Zoë Café – Nuit" → "zoë-café-nuit". */
export function textSlug(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

const MAX_ID = 100;

/**
 * `<source>:<ISRC>` when the rows give one; else `<source>:id-<distributor id>`; else
 * `<source>:<artist>-<title>` slugged. Long ids are cut and end with a hash of the whole.
 */
export function localTrackId(source: string, identity: { isrc: string | null; distributorId?: string | undefined; artist: string; title: string }): string {
  if (identity.isrc) return `${source}:${identity.isrc}`;
  const body = identity.distributorId ? `id-${textSlug(identity.distributorId) || shortHash(identity.distributorId)}` : textSlug(`${identity.artist} ${identity.title}`) || 'untitled';
  const id = `${source}:${body}`;
  if (id.length <= MAX_ID) return id;
  const hash = shortHash(id);
  return `${id.slice(0, MAX_ID - hash.length - 1)}-${hash}`;
}
