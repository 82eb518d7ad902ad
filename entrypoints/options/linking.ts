/**
 * What the linking section offers: Spotify for Artists tracks that no ISRC is known for yet
 * (so their streams cannot be compared with a distributor's), the recordings they could be
 * linked to, and the links that can be undone.
 */
import type { Track } from '../../core/model/schema';

interface LinkCandidate {
  isrc: string;
  title: string;
  /** Who knows this ISRC: "iMusician", "a report file" … (distributor ids or none). */
  distributors: string[];
}

/** S4A tracks (they have Spotify ids) without an ISRC, by title. */
export function unlinkedSpotifyTracks(tracks: readonly Track[]): Track[] {
  return tracks.filter((track) => track.isrc === null && track.spotifyTrackIds.length > 0).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/**
 * Every recording with an ISRC, one per ISRC, by title. Those that already have a Spotify for
 * Artists side stay on the list: a single and its album version are one recording.
 */
export function linkCandidates(tracks: readonly Track[]): LinkCandidate[] {
  const byIsrc = new Map<string, LinkCandidate>();
  for (const track of tracks) {
    if (!track.isrc) continue;
    const entry = byIsrc.get(track.isrc) ?? { isrc: track.isrc, title: track.title, distributors: [] };
    for (const distributor of Object.keys(track.distributorIds)) if (!entry.distributors.includes(distributor)) entry.distributors.push(distributor);
    byIsrc.set(track.isrc, entry);
  }
  return [...byIsrc.values()].sort((a, b) => a.title.localeCompare(b.title) || a.isrc.localeCompare(b.isrc));
}

/** Tracks where Spotify for Artists' side is joined to a recording with an ISRC: unlinkable. */
export function linkedTracks(tracks: readonly Track[]): Track[] {
  return tracks.filter((track) => track.isrc !== null && track.spotifyTrackIds.length > 0).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}
