/**
 * Eligibility applies per unique recording, the ISRC (docs/domain.md): a single and its album
 * version with the same ISRC count together; a live or acoustic version has its own ISRC.
 * Tracks without a known ISRC cannot be grouped safely, so each stands alone.
 */
import type { Day } from '../../../../core/model/day';
import type { Track } from '../../../../core/model/schema';

export interface Recording {
  isrc: string | null;
  title: string;
  /** The tracks counted together, in the history's order. */
  trackIds: string[];
}

/** Recordings in the order their first track appears in the history. */
export function groupByRecording(tracks: readonly Track[]): Recording[] {
  const recordings: Recording[] = [];
  const byIsrc = new Map<string, Recording>();
  for (const track of tracks) {
    if (track.isrc === null) {
      recordings.push({ isrc: null, title: track.title, trackIds: [track.id] });
      continue;
    }
    const existing = byIsrc.get(track.isrc);
    if (existing) {
      if (!existing.trackIds.includes(track.id)) existing.trackIds.push(track.id);
      continue;
    }
    const recording: Recording = { isrc: track.isrc, title: track.title, trackIds: [track.id] };
    byIsrc.set(track.isrc, recording);
    recordings.push(recording);
  }
  return recordings;
}

/** Shared days needed before two identical series are taken for one recording read twice. */
const SAME_SERIES_MIN_SHARED_DAYS = 7;

/**
 * True when two tracks' daily S4A streams agree on every day both have, over at least a week
 * with some streams. Our inference: S4A shows one recording's stats under each of its track
 * ids, so a single and album version read separately can be the same numbers twice; summing
 * them would double the recording's total.
 */
export function isSameSeries(a: ReadonlyMap<Day, number>, b: ReadonlyMap<Day, number>): boolean {
  let shared = 0;
  let streams = 0;
  for (const [day, value] of a) {
    const other = b.get(day);
    if (other === undefined) continue;
    if (other !== value) return false;
    shared += 1;
    streams += value;
  }
  return shared >= SAME_SERIES_MIN_SHARED_DAYS && streams > 0;
}

export interface CombinedDaily {
  /** Daily streams of the recording: its tracks' values summed per day. */
  daily: ReadonlyMap<Day, number>;
  /** Track ids whose series were counted (duplicates of an earlier track left out). */
  counted: string[];
  /** Pairs [kept, left out] of tracks that showed the same series. */
  duplicates: Array<[string, string]>;
}

/** Sums the daily series of a recording's tracks, counting a repeated series once. */
export function combineDaily(trackIds: readonly string[], seriesOf: (trackId: string) => ReadonlyMap<Day, number> | undefined): CombinedDaily {
  const counted: string[] = [];
  const duplicates: Array<[string, string]> = [];
  for (const trackId of trackIds) {
    const series = seriesOf(trackId);
    if (!series || series.size === 0) continue;
    const twin = counted.find((other) => isSameSeries(seriesOf(other)!, series));
    if (twin !== undefined) duplicates.push([twin, trackId]);
    else counted.push(trackId);
  }
  // Most recordings have one track: its series is the recording's, no copy needed.
  if (counted.length === 1) return { daily: seriesOf(counted[0]!)!, counted, duplicates };
  const daily = new Map<Day, number>();
  for (const trackId of counted) {
    for (const [day, value] of seriesOf(trackId)!) daily.set(day, (daily.get(day) ?? 0) + value);
  }
  return { daily, counted, duplicates };
}
