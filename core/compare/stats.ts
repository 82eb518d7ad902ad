/** Small robust statistics on numeric samples. */

/**
 * Median of the first `length` entries of `values` (reordered in place). NaN when empty.
 * Selection, not a sort: the usual ratio and the shift detection take a dozen medians per
 * track and source, and a catalogue has thousands of those.
 */
export function medianInPlace(values: Float64Array, length = values.length): number {
  if (length === 0) return Number.NaN;
  const mid = length >> 1;
  const upper = selectInPlace(values, length, mid);
  if (length % 2 === 1) return upper;
  // After selection every entry before `mid` is ≤ the one at `mid`: the lower middle is their largest.
  let lower = values[0]!;
  for (let i = 1; i < mid; i++) if (values[i]! > lower) lower = values[i]!;
  return (lower + upper) / 2;
}

/** The k-th smallest (0-based) of the first `length` entries, partitioning them around it. */
function selectInPlace(values: Float64Array, length: number, k: number): number {
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k]!;
  }
  return values[k]!;
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
