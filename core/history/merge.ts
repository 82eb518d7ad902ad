/**
 * Merging histories (docs/contracts.md §1): a union in which tracks that are one recording become one
 * track (match.ts) and every series keeps only its real revisions (revisions.ts).
 *
 * The result is canonical: it depends only on the contents of the inputs, not on their order
 * (merge(a, b) equals merge(b, a); merge(a, a) equals normaliseHistory(a)).
 *
 * Track ids are file-local, so two files can use "t-1" for different songs. Ids are chosen so:
 * - a merged group keeps the smallest id among its members (code-unit order);
 * - when several groups would keep the same id, the group whose merged record comes first in
 *   content order (isrc, Spotify ids, distributor ids, title, artists) keeps it; the others
 *   get `<id>-2`, `<id>-3`, … (the first not used by any other track), in the same order.
 *
 * Re-merging a merged file with a third one gives the same result as merging all three at once
 * when no ids collide across the files and no track without an ISRC points at two ISRCs; when
 * ids collide the renamed ids (the `-2` suffixes) can differ. Revisions are compacted
 * (re-reading an unchanged value adds nothing), so if a value went 5 → 7 → 5 and a file kept
 * only the first 5, merging can only restore the later 5 from a file that still has it.
 */
import type { History } from '../model/history';
import type { Observation, Track } from '../model/schema';
import { compactRevisions, compareRevisions } from '../model/revisions';
import { mergeMoney } from './merge-money';
import { mergeProvenance } from './provenance';
import { byCodeUnits, clusterTracks, mergeTrackRecords, trackContentKey } from './match';

const MAX_ID_LENGTH = 100;

export function mergeHistories(...histories: History[]): History {
  const allTracks: Track[] = [];
  const origin: number[] = [];
  histories.forEach((history, historyIndex) => {
    for (const track of history.tracks) {
      allTracks.push(track);
      origin.push(historyIndex);
    }
  });

  const groups = clusterTracks(allTracks).map((members) => {
    const tracks = members.map((index) => allTracks[index]!);
    const smallestId = tracks.map((track) => track.id).reduce((min, id) => (id < min ? id : min));
    const merged = mergeTrackRecords(tracks, smallestId);
    return { members, merged, contentKey: trackContentKey(merged, false) };
  });
  assignIds(groups);

  // For each input, its track ids → the ids they have in the result.
  const idMaps = histories.map(() => new Map<string, string>());
  const tracks: Track[] = [];
  for (const group of groups) {
    tracks.push(group.merged);
    for (const index of group.members) idMaps[origin[index]!]!.set(allTracks[index]!.id, group.merged.id);
  }
  tracks.sort((a, b) => byCodeUnits(a.id, b.id));

  const observations = mergeObservations(histories, idMaps);
  // Money only when there is some: a history without it stays exactly what it was before money existed.
  const money = histories.some((history) => history.money !== undefined && history.money.length > 0) ? mergeMoney(histories, idMaps) : [];
  const result: History = money.length > 0 ? { tracks, observations, money } : { tracks, observations };
  // Provenance names readings (source and time), not tracks: no id to map, and never part of a series.
  const provenance = mergeProvenance(
    histories.flatMap((history) => history.provenance ?? []),
    observations,
  );
  if (provenance.length > 0) result.provenance = provenance;
  return result;
}

/** The canonical form of one history: its own tracks matched, ids kept, series compacted. */
export function normaliseHistory(history: History): History {
  return mergeHistories(history);
}

/** Resolves id collisions between groups (rule in the file comment). Sets `merged.id`. */
function assignIds(groups: { merged: Track; contentKey: string }[]): void {
  groups.sort((a, b) => byCodeUnits(a.merged.id, b.merged.id) || byCodeUnits(a.contentKey, b.contentKey));
  const preferred = groups.map((group) => group.merged.id);
  const taken = new Set(preferred);
  for (let i = 1; i < groups.length; i++) {
    if (preferred[i] !== preferred[i - 1]) continue;
    const base = preferred[i]!.slice(0, MAX_ID_LENGTH - 8);
    let suffix = 2;
    while (taken.has(`${base}-${suffix}`)) suffix++;
    groups[i]!.merged.id = `${base}-${suffix}`;
    taken.add(groups[i]!.merged.id);
  }
}

/**
 * Every observation under its result track id, each series sorted and compacted, all sorted
 * by (track, source, store, metric, day, observedAt, value).
 *
 * One sort of the whole list, then compactRevisions on each series' run: sorted inputs (files
 * written by writeHistoryFile) are runs that the sort merges in linear time, where grouping 2
 * million observations in a Map by seriesKey costs seconds. Objects are reused when their
 * track id is unchanged, for the same reason.
 */
function mergeObservations(histories: readonly History[], idMaps: readonly Map<string, string>[]): Observation[] {
  const remapped: Observation[] = [];
  histories.forEach((history, historyIndex) => {
    const idMap = idMaps[historyIndex]!;
    for (const obs of history.observations) {
      const track = idMap.get(obs.track);
      if (track === undefined) throw new Error(`observation refers to track "${obs.track}", which its history does not have`);
      remapped.push(
        track === obs.track
          ? obs
          : { track, source: obs.source, store: obs.store, metric: obs.metric, day: obs.day, value: obs.value, observedAt: obs.observedAt },
      );
    }
  });
  remapped.sort(compareObservations);

  const observations: Observation[] = [];
  let start = 0;
  for (let i = 1; i <= remapped.length; i++) {
    if (i < remapped.length && compareSeries(remapped[i - 1]!, remapped[i]!) === 0) continue;
    if (i - start === 1) observations.push(remapped[start]!);
    else for (const obs of compactRevisions(remapped.slice(start, i))) observations.push(obs);
    start = i;
  }
  return observations;
}

function compareSeries(a: Observation, b: Observation): number {
  return (
    byCodeUnits(a.track, b.track) ||
    byCodeUnits(a.source, b.source) ||
    byCodeUnits(a.store, b.store) ||
    byCodeUnits(a.metric, b.metric) ||
    byCodeUnits(a.day, b.day)
  );
}

/** The order of observations in a normalised history; within a series, compareRevisions. */
function compareObservations(a: Observation, b: Observation): number {
  return compareSeries(a, b) || compareRevisions(a, b);
}
