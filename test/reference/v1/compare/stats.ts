/** Small robust statistics on numeric samples. */

/** Median of the first `length` entries of `values` (sorted in place). NaN when empty. */
export function medianInPlace(values: Float64Array, length = values.length): number {
  if (length === 0) return Number.NaN;
  const sorted = values.subarray(0, length).sort();
  const mid = length >> 1;
  return length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function median(values: readonly number[]): number {
  return medianInPlace(Float64Array.from(values));
}

/** Median absolute deviation from `center`. */
export function medianAbsoluteDeviation(values: Float64Array, length: number, center: number): number {
  const deviations = new Float64Array(length);
  for (let i = 0; i < length; i++) deviations[i] = Math.abs(values[i]! - center);
  return medianInPlace(deviations);
}

/** MAD × 1.4826 estimates the standard deviation of normally spread data, ignoring outliers. */
export const MAD_TO_SIGMA = 1.4826;

/** Nearest-rank quantile (q in 0..1) of a sample; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}
