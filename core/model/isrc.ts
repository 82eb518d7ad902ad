/**
 * ISRC normalisation without the zod schemas of ./schema.ts: content scripts need it, and
 * importing schema.ts would pull zod into them (its schemas are built when the module loads).
 */
import { ISRC_PATTERN } from './patterns';

/** Normalises what readers see on pages ("ch-xxx-24-00001 ") to an ISRC, or null. */
export function normaliseIsrc(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const compact = raw.replace(/[\s-]/g, '').toUpperCase();
  return ISRC_PATTERN.test(compact) ? compact : null;
}
