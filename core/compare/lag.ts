/**
 * Day-boundary shifts (docs/domain.md "Day boundaries"): a distributor that cuts days in another time
 * zone, or dates a count by the day it arrived, shows S4A's curve moved by a day or more.
 *
 * For each offset k the distributor's day d is paired with S4A's day d − k and the spread of the
 * log ratios is measured (robustly). Under the true pairing the ratio is steady (only filtering
 * and noise move it); under a wrong one it also carries the day-to-day swings of the audience.
 * A shift is reported only when it is clearly better than no shift: conservative, because a
 * false shift would mis-pair every day of the track.
 */
import { BASELINE_MAX_DAYS } from './baseline';
import { LOW_VOLUME_STREAMS } from './noise';
import { dayValue as valueOn, type DayValues } from '../columns/series';
import { medianAbsoluteDeviation, medianInPlace } from './stats';

const MAX_LAG_DAYS = 3;
/** Paired settled days needed at every offset before a shift is considered. */
const LAG_MIN_DAYS = 14;
/** A shift must cut the spread of the ratio at least in half… */
const LAG_MIN_IMPROVEMENT = 0.5;
/** …and the unshifted spread must be more than noise-sized to need explaining (log units). */
const LAG_MIN_UNSHIFTED_SPREAD = 0.01;

/** Robust spread of log(distributor[d] / spotify[d − k]) over the chosen days, or null. */
function spreadAtOffset(spotify: DayValues, distributor: DayValues, days: Int32Array, dayCount: number, k: number, scratch: Float64Array): number | null {
  let count = 0;
  for (let i = 0; i < dayCount; i++) {
    const n = days[i]!;
    const s = valueOn(spotify, n - k);
    if (s === null || s < LOW_VOLUME_STREAMS) continue;
    scratch[count++] = Math.log(valueOn(distributor, n)! / s);
  }
  if (count < LAG_MIN_DAYS) return null;
  const center = medianInPlace(scratch, count);
  return medianAbsoluteDeviation(scratch, count, center);
}

/**
 * The lag k (distributor day d matches S4A day d − k) over settled days up to `lastSettled`,
 * or 0 when no shift is clearly better.
 */
export function detectLag(spotify: DayValues | null, distributor: DayValues, lastSettled: number): number {
  if (!spotify) return 0;
  // The most recent settled distributor days with a positive count (a 0 has no log ratio and
  // is an incident or a delay, not a shape).
  const days = new Int32Array(BASELINE_MAX_DAYS);
  let dayCount = 0;
  const last = Math.min(lastSettled, distributor.start + distributor.values.length - 1);
  for (let n = last; n >= distributor.start && dayCount < days.length; n--) {
    const d = distributor.values[n - distributor.start]!;
    if (d > 0) days[dayCount++] = n;
  }
  if (dayCount < LAG_MIN_DAYS) return 0;
  const scratch = new Float64Array(dayCount);
  const unshifted = spreadAtOffset(spotify, distributor, days, dayCount, 0, scratch);
  if (unshifted === null || unshifted < LAG_MIN_UNSHIFTED_SPREAD) return 0;
  let best = 0;
  let bestSpread = unshifted;
  for (let k = -MAX_LAG_DAYS; k <= MAX_LAG_DAYS; k++) {
    if (k === 0) continue;
    const spread = spreadAtOffset(spotify, distributor, days, dayCount, k, scratch);
    if (spread !== null && spread < bestSpread) {
      best = k;
      bestSpread = spread;
    }
  }
  return best !== 0 && bestSpread <= LAG_MIN_IMPROVEMENT * unshifted ? best : 0;
}
