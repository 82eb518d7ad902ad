/**
 * S4A shows no ISRCs. An S4A track is linked to the ISRC a distributor shows for the same
 * title (and artist, when both sides name artists) only when the link is unambiguous both
 * ways: the S4A track's normalised title matches exactly one distributor ISRC, and no other
 * S4A track matches that ISRC. Everything else stays unlinked for the artist to decide:
 * a wrong link would merge two recordings' counts, which is worse than no link.
 *
 * Normalisation ignores case, accents, punctuation and "feat." credits (S4A and distributors
 * write those differently). Version suffixes ("- Radio Edit", "(Acoustic)", "Remastered")
 * are kept: a version is a different recording with its own ISRC.
 */
import type { Track } from '../model/schema';

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** The comparison form of a title: folded, without featured-artist credits or punctuation. */
export function normaliseTitle(title: string): string {
  return fold(title)
    // "(feat. X)", "[ft. X]", "(featuring X)"
    .replace(/[([]\s*(?:feat\.?|ft\.?|featuring)\s[^)\]]*[)\]]/g, ' ')
    // "Song feat. X" and "Song feat. X - Radio Edit": up to a " - " suffix or the end.
    .replace(/\s(?:feat\.?|ft\.?|featuring)\s.*?(?=\s-\s|$)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function normaliseArtist(name: string): string {
  return fold(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** When both tracks name artists, at least one must be the same; otherwise the title decides. */
function artistsCompatible(a: Track, b: Track): boolean {
  const left = new Set(a.artists.map(normaliseArtist).filter(Boolean));
  const right = b.artists.map(normaliseArtist).filter(Boolean);
  if (left.size === 0 || right.length === 0) return true;
  return right.some((name) => left.has(name));
}

/** For each S4A track id that can be linked without doubt, the distributor's ISRC. */
export function linkByTitle(s4aTracks: readonly Track[], distributorTracks: readonly Track[]): Map<string, string> {
  const distributorByTitle = new Map<string, Track[]>();
  for (const track of distributorTracks) {
    const key = normaliseTitle(track.title);
    if (!track.isrc || key === '') continue;
    const list = distributorByTitle.get(key);
    if (list) list.push(track);
    else distributorByTitle.set(key, [track]);
  }
  const s4aPerTitle = new Map<string, number>();
  for (const track of s4aTracks) {
    const key = normaliseTitle(track.title);
    s4aPerTitle.set(key, (s4aPerTitle.get(key) ?? 0) + 1);
  }

  const proposed = new Map<string, string>(); // s4a id → isrc
  const claims = new Map<string, number>(); // isrc → how many S4A tracks propose it
  for (const track of s4aTracks) {
    if (track.isrc) continue; // already known: nothing to guess
    const key = normaliseTitle(track.title);
    if (key === '' || s4aPerTitle.get(key) !== 1) continue;
    const isrcs = new Set((distributorByTitle.get(key) ?? []).filter((candidate) => artistsCompatible(track, candidate)).map((candidate) => candidate.isrc!));
    if (isrcs.size !== 1) continue;
    const isrc = [...isrcs][0]!;
    proposed.set(track.id, isrc);
    claims.set(isrc, (claims.get(isrc) ?? 0) + 1);
  }
  // One ISRC claimed by two S4A tracks (a distributor title list with the same ISRC under two
  // titles): neither link is certain.
  return new Map([...proposed].filter(([, isrc]) => claims.get(isrc) === 1));
}
