/**
 * Track matching (docs/contracts.md, "Merging"): tracks merge on a shared Spotify track id or
 * the same distributor id under the same distributor, and on ISRC unless they are different
 * songs of one recording (distinctSongs: a single and its album version have one ISRC but two
 * Spotify track ids, or two ids at one distributor, each with its own series). Those stay two
 * tracks, grouped by their ISRC as one recording for eligibility and comparison, so their
 * series never collide in one track.
 *
 * Two tracks with different ISRCs never merge, not even through a chain of ISRC-less tracks
 * (A ~ X ~ B): a union that would give one track two ISRCs is refused. Which of two such unions
 * wins is decided by a fixed order that depends only on the tracks' contents (see
 * clusterTracks), so the result does not depend on the order of files or tracks.
 *
 * Merged record (mergeTrackRecords):
 * - isrc: the one ISRC of the group (a group never holds two), or null;
 * - spotifyTrackIds: the union, sorted;
 * - distributorIds: the union. Members of one group never disagree under one distributor key
 *   (two ids at one distributor are two releases, distinctSongs); should a caller pass such
 *   members anyway, the value of the most trusted member wins (in the store: the track already
 *   stored), ties broken by the smallest value in code-unit order.
 * - title and artists come together from one member: the first by (non-empty title first,
 *   then non-empty artists, then most trusted, then smallest title, then smallest artists).
 *   Taking both from one member keeps a title with its own artists.
 */
import type { Track } from '../model/schema';

interface TrackMergePlan {
  /** For every incoming track id, the id it has in the result. */
  idFor: Map<string, string>;
  /** Tracks to write: incoming tracks that are new, and existing tracks whose identity grew. */
  changed: Track[];
}

/** The keys a track can match on besides its ISRC: `s:<spotify id>` and `d:<distributor>:<id>`. */
function matchKeys(track: Track): string[] {
  const keys = track.spotifyTrackIds.map((id) => `s:${id}`);
  for (const [distributor, id] of Object.entries(track.distributorIds)) keys.push(`d:${distributor}:${id}`);
  return keys;
}

/** Plain code-unit order: the same on every machine, unlike localeCompare. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortedDistributorEntries(track: Track): [string, string][] {
  return Object.entries(track.distributorIds).sort((a, b) => byCodeUnits(a[0], b[0]) || byCodeUnits(a[1], b[1]));
}

/** Everything about a track, in a canonical form: equal strings mean equal tracks. */
export function trackContentKey(track: Track, withId = true): string {
  return JSON.stringify([
    withId ? track.id : '',
    track.isrc ?? '',
    [...track.spotifyTrackIds].sort(byCodeUnits),
    sortedDistributorEntries(track),
    track.title,
    track.artists,
  ]);
}

/**
 * True when two records of one recording are different songs: each has Spotify track ids and
 * they share none (a single and its album version: one ISRC, two Spotify ids, two daily
 * series), or both have an id at one distributor and the ids differ (the single and the album
 * release at iMusician, two TuneCore song ids: one ISRC, each release with its own series).
 * Merged, their series (same source, store, metric and day) would collide and one would be
 * lost; they stay two tracks, grouped by their ISRC as one recording.
 */
export function distinctSongs(a: Pick<Track, 'spotifyTrackIds' | 'distributorIds'>, b: Pick<Track, 'spotifyTrackIds' | 'distributorIds'>): boolean {
  if (a.spotifyTrackIds.length > 0 && b.spotifyTrackIds.length > 0 && !a.spotifyTrackIds.some((id) => b.spotifyTrackIds.includes(id))) return true;
  for (const [distributor, id] of Object.entries(a.distributorIds)) {
    const other = Object.hasOwn(b.distributorIds, distributor) ? b.distributorIds[distributor] : undefined;
    if (other !== undefined && other !== id) return true;
  }
  return false;
}

/**
 * How many earlier groups sharing a key or an ISRC a track is checked against before it stays
 * a group of its own: a recording has a handful of releases, and a hostile file with thousands
 * of tracks under one ISRC must not cost a quadratic number of checks.
 */
const MAX_GROUPS_PER_KEY_CHECKED = 64;

/**
 * A group's Spotify ids and distributor ids: every one of all its members. A group never holds
 * two ids at one distributor (distinctGroups keeps such records apart).
 */
interface GroupIdentity {
  spotify: Set<string>;
  distributors: Map<string, string>;
}

/** distinctSongs for groups: sets of ids, so the answer does not depend on which member came first. */
function distinctGroups(a: GroupIdentity, b: GroupIdentity): boolean {
  if (a.spotify.size > 0 && b.spotify.size > 0 && ![...a.spotify].some((id) => b.spotify.has(id))) return true;
  for (const [distributor, id] of a.distributors) {
    const other = b.distributors.get(distributor);
    if (other !== undefined && other !== id) return true;
  }
  return false;
}

/** Union-find over track indices; each root remembers its group's ISRC and ids. */
class TrackGroups {
  private readonly parent: number[];
  private readonly isrc: (string | null)[];
  private readonly identity: GroupIdentity[];

  constructor(tracks: readonly Track[]) {
    this.parent = tracks.map((_, index) => index);
    this.isrc = tracks.map((track) => track.isrc);
    this.identity = tracks.map((track) => ({ spotify: new Set(track.spotifyTrackIds), distributors: new Map(Object.entries(track.distributorIds)) }));
  }

  root(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[index] !== root) {
      const next = this.parent[index]!;
      this.parent[index] = root;
      index = next;
    }
    return root;
  }

  /**
   * Joins two groups unless that would give one group two ISRCs or two different songs
   * (distinctSongs). Returns whether they are one group now.
   */
  union(a: number, b: number): boolean {
    const rootA = this.root(a);
    const rootB = this.root(b);
    if (rootA === rootB) return true;
    const isrcA = this.isrc[rootA]!;
    const isrcB = this.isrc[rootB]!;
    if (isrcA !== null && isrcB !== null && isrcA !== isrcB) return false;
    if (distinctGroups(this.identity[rootA]!, this.identity[rootB]!)) return false;
    const [keep, drop] = rootA < rootB ? [rootA, rootB] : [rootB, rootA];
    this.parent[drop] = keep;
    this.isrc[keep] = isrcA ?? isrcB;
    for (const id of this.identity[drop]!.spotify) this.identity[keep]!.spotify.add(id);
    for (const [distributor, id] of this.identity[drop]!.distributors) this.identity[keep]!.distributors.set(distributor, id);
    return true;
  }
}

/**
 * Groups tracks that are one song. Returns groups of indices into `tracks`.
 *
 * The outcome depends only on the tracks' contents: tracks are visited in the order of their
 * content keys, then (1) exact duplicates (same id and content, e.g. one file imported twice)
 * join, (2) for every match key in sorted order, the tracks holding it join, (3) tracks with
 * the same ISRC join. In (2) and (3) each track joins the first group holding the key (in that
 * order) that it may join: never one with another ISRC, never a different song (distinctSongs:
 * Spotify ids and none shared, or two ids at one distributor; two such records sharing another
 * id stay two tracks).
 * So an ISRC-less track whose Spotify id appears on two different ISRCs joins the one met
 * first in that order, and a single and its album version stay two tracks.
 */
export function clusterTracks(tracks: readonly Track[]): number[][] {
  const contentKeys = tracks.map((track) => trackContentKey(track));
  const order = tracks.map((_, index) => index).sort((a, b) => byCodeUnits(contentKeys[a]!, contentKeys[b]!) || a - b);
  const groups = new TrackGroups(tracks);

  const bucket = (keysOf: (track: Track, index: number) => string[]) => {
    const buckets = new Map<string, number[]>();
    for (const index of order) {
      for (const key of keysOf(tracks[index]!, index)) {
        const members = buckets.get(key);
        if (members) members.push(index);
        else buckets.set(key, [index]);
      }
    }
    return buckets;
  };
  // Each member of a bucket joins the first group of the bucket (in content order) it may join.
  const joinAll = (buckets: Map<string, number[]>) => {
    for (const key of [...buckets.keys()].sort(byCodeUnits)) {
      // At most MAX_GROUPS_PER_KEY_CHECKED groups per key are kept to join: linear work.
      const groupsHere: number[] = [];
      for (const member of buckets.get(key)!) {
        const root = groups.root(member);
        if (groupsHere.some((other) => groups.root(other) === root)) continue;
        const joined = groupsHere.some((other) => groups.union(other, member));
        if (!joined && groupsHere.length < MAX_GROUPS_PER_KEY_CHECKED) groupsHere.push(member);
      }
    }
  };

  joinAll(bucket((_, index) => [contentKeys[index]!]));
  joinAll(bucket((track) => matchKeys(track)));
  joinAll(bucket((track) => (track.isrc === null ? [] : [track.isrc])));

  const byRoot = new Map<number, number[]>();
  for (const index of order) {
    const root = groups.root(index);
    const members = byRoot.get(root);
    if (members) members.push(index);
    else byRoot.set(root, [index]);
  }
  return [...byRoot.values()];
}

/**
 * One record for a group of tracks that are the same recording (rules in the file comment).
 * `trust` ranks members where they disagree: lower wins (0 for everything in a plain merge).
 * The result's id is `id`.
 */
export function mergeTrackRecords(members: readonly Track[], id: string, trust: (track: Track) => number = () => 0): Track {
  let isrc: string | null = null;
  const spotifyTrackIds = new Set<string>();
  const distributorIds = new Map<string, { id: string; trust: number }>();
  let best: Track | undefined;
  let bestRank: [number, number, number, string, string] | undefined;

  for (const member of members) {
    const memberTrust = trust(member);
    isrc ??= member.isrc;
    for (const spotifyId of member.spotifyTrackIds) spotifyTrackIds.add(spotifyId);
    for (const [distributor, distributorId] of Object.entries(member.distributorIds)) {
      const current = distributorIds.get(distributor);
      if (!current || memberTrust < current.trust || (memberTrust === current.trust && distributorId < current.id)) {
        distributorIds.set(distributor, { id: distributorId, trust: memberTrust });
      }
    }
    const rank: [number, number, number, string, string] = [
      member.title === '' ? 1 : 0,
      member.artists.length === 0 ? 1 : 0,
      memberTrust,
      member.title,
      JSON.stringify(member.artists),
    ];
    if (!bestRank || compareRanks(rank, bestRank) < 0) {
      best = member;
      bestRank = rank;
    }
  }

  return {
    id,
    isrc,
    title: best?.title ?? '',
    artists: [...(best?.artists ?? [])],
    spotifyTrackIds: [...spotifyTrackIds].sort(byCodeUnits),
    // fromEntries defines own properties, so even odd keys stay plain data.
    distributorIds: Object.fromEntries(
      [...distributorIds.entries()].sort((a, b) => byCodeUnits(a[0], b[0])).map(([distributor, entry]) => [distributor, entry.id]),
    ),
  };
}

function compareRanks(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}

/**
 * Plans how `incoming` tracks (from a reading or an imported file) join the `existing` ones
 * (the store). Existing tracks keep their ids and are never merged with each other (the plan
 * cannot move observations between stored tracks). Incoming tracks are first grouped among
 * themselves (clusterTracks); each group then joins one existing track (pickExisting). A group that joins nothing is a new track with id `newId(mergedTrack)` (the
 * merged record, whose id is still the group's smallest incoming id).
 * Groups are placed in the order of their content, each seeing what earlier groups added.
 * Incoming ids must be unique within `incoming`. An incoming track with no ISRC, Spotify id or
 * distributor id matches nothing and is new every time: callers should not store such tracks.
 */
export function planTrackMerge(existing: readonly Track[], incoming: readonly Track[], newId: (track: Track) => string): TrackMergePlan {
  // What the store will hold for each existing track touched by the plan, in progress.
  const current = new Map<string, Track>();
  const originals = new Map(existing.map((track) => [track.id, track]));
  const absorbed = new Map<string, Track[]>();
  const byIsrc = new Map<string, string[]>();
  const byKey = new Map<string, string[]>();
  const index = (track: Track) => {
    if (track.isrc !== null) addTo(byIsrc, track.isrc, track.id);
    for (const key of matchKeys(track)) addTo(byKey, key, track.id);
  };
  for (const track of existing) {
    current.set(track.id, track);
    index(track);
  }

  const idFor = new Map<string, string>();
  const changed: Track[] = [];
  const groups = clusterTracks(incoming)
    .map((members) => members.map((i) => incoming[i]!))
    .map((members) => ({ members, merged: mergeTrackRecords(members, smallest(members.map((t) => t.id))) }))
    .sort((a, b) => byCodeUnits(trackContentKey(a.merged), trackContentKey(b.merged)));

  const place = (members: readonly Track[], merged: Track, target: Track | undefined) => {
    let resultId: string;
    if (target) {
      resultId = target.id;
      const joined = [...(absorbed.get(target.id) ?? []), ...members];
      absorbed.set(target.id, joined);
      const original = originals.get(target.id)!;
      const grown = mergeTrackRecords([original, ...joined], original.id, (track) => (track === original ? 0 : 1));
      current.set(target.id, grown);
      index(grown);
    } else {
      resultId = newId(merged);
      // New tracks are not indexed: incoming tracks that could join them are in their group.
      changed.push({ ...merged, id: resultId });
    }
    for (const member of members) idFor.set(member.id, resultId);
  };

  for (const { members, merged } of groups) {
    const target = pickExisting(merged, current, byIsrc, byKey);
    place(members, merged, target);
  }

  for (const id of absorbed.keys()) {
    const grown = current.get(id)!;
    if (trackContentKey(grown) !== trackContentKey(originals.get(id)!)) changed.push(grown);
  }
  return { idFor, changed };
}

/**
 * The stored track an incoming record joins: one sharing a Spotify or distributor id whose
 * ISRC does not conflict (several: the one sharing the most ids, then the smallest id), else
 * one with its ISRC that is not a different song (distinctSongs; several: the smallest id).
 * A stored track that is a different song (another Spotify id) is never taken, even when it
 * shares an id: two Spotify songs never meet in one track.
 */
function pickExisting(merged: Track, current: Map<string, Track>, byIsrc: Map<string, string[]>, byKey: Map<string, string[]>): Track | undefined {
  // Candidate id → how many of the record's ids it shares.
  const candidates = new Map<string, number>();
  for (const key of matchKeys(merged)) {
    for (const id of byKey.get(key) ?? []) {
      const candidate = current.get(id)!;
      // The index keeps old entries; only the candidate's present record counts.
      if (!matchKeys(candidate).includes(key)) continue;
      if (merged.isrc !== null && candidate.isrc !== null && candidate.isrc !== merged.isrc) continue;
      if (distinctSongs(candidate, merged)) continue;
      candidates.set(id, (candidates.get(id) ?? 0) + 1);
    }
  }
  if (candidates.size > 0) {
    const most = Math.max(...candidates.values());
    return current.get(smallest([...candidates].filter(([, shared]) => shared === most).map(([id]) => id)));
  }
  if (merged.isrc === null) return undefined;
  const sameSong = (byIsrc.get(merged.isrc) ?? []).filter((id) => {
    const candidate = current.get(id)!;
    return candidate.isrc === merged.isrc && !distinctSongs(candidate, merged);
  });
  return sameSong.length === 0 ? undefined : current.get(smallest(sameSong));
}

function addTo(map: Map<string, string[]>, key: string, value: string): void {
  const values = map.get(key);
  if (!values) map.set(key, [value]);
  else if (!values.includes(value)) values.push(value);
}

function smallest(values: readonly string[]): string {
  let min = values[0]!;
  for (const value of values) if (value < min) min = value;
  return min;
}
