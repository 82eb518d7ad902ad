/**
 * The track's usual ratio (distributor ÷ S4A) and the band around it that counts as "usual".
 *
 * Median and median absolute deviation, so a few bad days (an incident, a late day) move
 * neither: up to half of the days could be wrong before the median follows them. Only settled
 * days with enough streams take part (below that, counting noise swamps the ratio), and only
 * the most recent ones, so that the ratio follows a slow drift in the artist's audience.
 */
import { MAD_TO_SIGMA, medianAbsoluteDeviation, medianInPlace } from './stats';

/** Spotify streams a day (or month) needs before its ratio counts toward the usual ratio. */
export const BASELINE_MIN_STREAMS = 25;
/** Fewer qualifying days than this and there is no usual ratio yet. */
export const BASELINE_MIN_DAYS = 5;
/** The usual ratio looks at most this many recent qualifying days. */
export const BASELINE_MAX_DAYS = 120;
/** A ratio within ±20 % of the usual one is never called unusual, however steady the track. */
const BAND_MIN_RELATIVE = 0.2;
/** Otherwise, "far outside" means more than this many robust standard deviations away. */
const BAND_SIGMAS = 4;

export interface Baseline {
  ratio: number;
  /** Lowest and highest ratio still counted as usual. */
  low: number;
  high: number;
  /** How many days (or months) the ratio was computed from. */
  days: number;
}

/** The usual ratio from `count` ratios, or null when there are fewer than `minDays`. */
export function baselineFromRatios(ratios: Float64Array, count: number, minDays = BASELINE_MIN_DAYS): Baseline | null {
  if (count < minDays) return null;
  const ratio = medianInPlace(ratios, count);
  const spread = MAD_TO_SIGMA * medianAbsoluteDeviation(ratios, count, ratio);
  const halfWidth = Math.max(BAND_SIGMAS * spread, BAND_MIN_RELATIVE * ratio);
  return { ratio, low: Math.max(0, ratio - halfWidth), high: ratio + halfWidth, days: count };
}

export function isUsualRatio(baseline: Baseline, ratio: number): boolean {
  return ratio >= baseline.low && ratio <= baseline.high;
}
