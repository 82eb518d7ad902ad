/** Which tracks, sources and stores a comparison looks at. */
import { normaliseIsrc } from '../model/schema';
import { ALL_STORES, SPOTIFY_STORE } from '../model/ids';

/** The instant in canonical form; throws on anything that is not a time. */
export function canonicalInstant(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`asOf ${JSON.stringify(value)} is not an ISO time`);
  return new Date(ms).toISOString();
}

/** The distributor store compared for a source: Spotify-only when present, else all stores. */
export function chooseStore<T>(stores: ReadonlyMap<string, T>): T | null {
  return stores.get(SPOTIFY_STORE) ?? stores.get(ALL_STORES) ?? null;
}

/** The tracks selected by an ISRC filter (any spelling normaliseIsrc accepts), or all. */
export function selectTracks<T extends { isrc: string | null }>(tracks: readonly T[], isrc: string | undefined): T[] {
  if (isrc === undefined) return [...tracks];
  const wanted = normaliseIsrc(isrc) ?? isrc;
  return tracks.filter((track) => track.isrc === wanted);
}
