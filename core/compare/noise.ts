/**
 * Counting statistics. Stream counts behave like Poisson counts: with n streams, chance alone
 * moves a count by about √n (docs/domain.md "Small numbers"). A difference within a few √n of what the
 * usual ratio predicts says nothing; neither does any difference when both counts are tiny.
 */

/** Below this many streams on both sides no ratio means anything (1/√20 ≈ 22 % noise). */
export const LOW_VOLUME_STREAMS = 20;

/** How many √n a difference must exceed before it counts as more than chance. */
export const NOISE_SIGMAS = 4;

/** The chance-level spread of a count expected to be about `expected`. */
export function countingNoise(expected: number): number {
  return Math.sqrt(Math.max(expected, 1));
}

/** True when `observed` is within NOISE_SIGMAS·√expected of `expected`. */
export function withinNoise(observed: number, expected: number): boolean {
  return Math.abs(observed - expected) <= NOISE_SIGMAS * countingNoise(expected);
}

/** True when both counts are too small for their ratio to carry information. */
export function isLowVolume(spotify: number, distributor: number): boolean {
  return Math.max(spotify, distributor) < LOW_VOLUME_STREAMS;
}

/** The two counts agree: equal, or within 1 % of each other (rounding on either dashboard). */
export function isMatch(spotify: number, distributor: number): boolean {
  return Math.abs(spotify - distributor) <= Math.floor(0.01 * Math.max(spotify, distributor));
}
