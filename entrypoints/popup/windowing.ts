/**
 * A simple windowed list: items of known heights laid out one under the other, and the range
 * that a scroll position shows. The popup renders only that range, so opening it with 1,000
 * recordings builds a dozen rows, not a thousand.
 */

interface Layout {
  /** Top of each item, in pixels from the top of the list. */
  offsets: number[];
  totalHeight: number;
}

export function layout(heights: readonly number[]): Layout {
  const offsets: number[] = [];
  let top = 0;
  for (const height of heights) {
    offsets.push(top);
    top += height;
  }
  return { offsets, totalHeight: top };
}

/**
 * Indexes [first, last) of the items that intersect [scrollTop, scrollTop + viewport), widened by
 * `overscan` items each side so a fast scroll does not show blank space.
 */
export function visibleRange(list: Layout, heights: readonly number[], scrollTop: number, viewport: number, overscan = 3): [number, number] {
  const count = list.offsets.length;
  if (count === 0) return [0, 0];
  // The first item whose bottom is below scrollTop (binary search: offsets are sorted).
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list.offsets[middle]! + heights[middle]! <= scrollTop) low = middle + 1;
    else high = middle;
  }
  let last = low;
  const bottom = scrollTop + viewport;
  while (last < count && list.offsets[last]! < bottom) last++;
  return [Math.max(0, low - overscan), Math.min(count, Math.max(last, low + 1) + overscan)];
}
