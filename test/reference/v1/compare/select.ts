/** Which tracks, sources and stores a comparison looks at. */
import { normaliseIsrc } from '../../../../core/model/schema';
import type { DaySeries } from './series';

/** Spotify for Artists' source id; every other source is a distributor. */
export const SPOTIFY_SOURCE = 'spotify';

/** The instant in canonical form; throws on anything that is not a time. */
export function canonicalInstant(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`asOf ${JSON.stringify(value)} is not an ISO time`);
  return new Date(ms).toISOString();
}

/** The distributor store compared for a source: Spotify-only when present, else all stores. */
export function chooseStore(stores: ReadonlyMap<string, DaySeries>): DaySeries | null {
  return stores.get('spotify') ?? stores.get('all') ?? null;
}

/** The tracks selected by an ISRC filter (any spelling normaliseIsrc accepts), or all. */
export function selectTracks<T extends { isrc: string | null }>(tracks: readonly T[], isrc: string | undefined): T[] {
  if (isrc === undefined) return [...tracks];
  const wanted = normaliseIsrc(isrc) ?? isrc;
  return tracks.filter((track) => track.isrc === wanted);
}
