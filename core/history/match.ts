/**
 * Track matching (CONTRACTS §1 "Merging"): tracks merge on ISRC when both have one,
 * otherwise on a shared Spotify track id or distributor id.
 *
 * TODO(issue 2, history-file helper): implement.
 */
import type { Track } from '../model/schema';

export interface TrackMergePlan {
  /** For every incoming track id, the id it has in the result. */
  idFor: Map<string, string>;
  /** Tracks to write: incoming tracks that are new, and existing tracks whose identity grew. */
  changed: Track[];
}

export function planTrackMerge(_existing: readonly Track[], _incoming: readonly Track[], _newId: (track: Track) => string): TrackMergePlan {
  throw new Error('planTrackMerge is not implemented yet');
}
