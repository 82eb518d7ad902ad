/**
 * Eligibility applies per unique recording, the ISRC (docs/domain.md): a single and its album
 * version with the same ISRC count together; a live or acoustic version has its own ISRC.
 * Tracks without a known ISRC cannot be grouped safely, so each stands alone.
 */
import type { Day } from '../model/day';
import type { Track } from '../model/schema';
import type { DayValues } from '../columns/series';

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

/** isSameSeries over day columns (NaN: no value that day). */
function isSameDaySeries(a: DayValues, b: DayValues): boolean {
  const from = Math.max(a.start, b.start);
  const to = Math.min(a.start + a.values.length, b.start + b.values.length);
  let shared = 0;
  let streams = 0;
  for (let n = from; n < to; n++) {
    const value = a.values[n - a.start]!;
    const other = b.values[n - b.start]!;
    if (Number.isNaN(value) || Number.isNaN(other)) continue;
    if (other !== value) return false;
    shared += 1;
    streams += value;
  }
  return shared >= SAME_SERIES_MIN_SHARED_DAYS && streams > 0;
}

interface CombinedDayValues {
  /** Daily streams of the recording (its tracks' values summed per day); null without any. */
  daily: DayValues | null;
  counted: string[];
  duplicates: Array<[string, string]>;
}

/** combineDaily over day columns: a repeated series counts once. */
export function combineDayValues(trackIds: readonly string[], seriesOf: (trackId: string) => DayValues | null | undefined): CombinedDayValues {
  const counted: string[] = [];
  const duplicates: Array<[string, string]> = [];
  for (const trackId of trackIds) {
    const series = seriesOf(trackId);
    if (!series || series.values.length === 0) continue;
    const twin = counted.find((other) => isSameDaySeries(seriesOf(other)!, series));
    if (twin !== undefined) duplicates.push([twin, trackId]);
    else counted.push(trackId);
  }
  if (counted.length === 0) return { daily: null, counted, duplicates };
  if (counted.length === 1) return { daily: seriesOf(counted[0]!)!, counted, duplicates };
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const trackId of counted) {
    const series = seriesOf(trackId)!;
    start = Math.min(start, series.start);
    end = Math.max(end, series.start + series.values.length);
  }
  const values = new Float64Array(end - start).fill(Number.NaN);
  for (const trackId of counted) {
    const series = seriesOf(trackId)!;
    for (let i = 0; i < series.values.length; i++) {
      const value = series.values[i]!;
      if (Number.isNaN(value)) continue;
      const at = series.start + i - start;
      values[at] = Number.isNaN(values[at]!) ? value : values[at]! + value;
    }
  }
  return { daily: { start, values }, counted, duplicates };
}
