import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layout, visibleRange } from '../../../entrypoints/popup/windowing';

describe('layout', () => {
  it('stacks items', () => {
    expect(layout([34, 80, 80])).toEqual({ offsets: [0, 34, 114], totalHeight: 194 });
    expect(layout([])).toEqual({ offsets: [], totalHeight: 0 });
  });
});

describe('visibleRange', () => {
  const heights = [34, ...Array.from({ length: 20 }, () => 80)];
  const list = layout(heights);
  it.each([
    [0, 400, 0, [0, 6]],
    [0, 400, 3, [0, 6 + 3]],
    [114, 160, 0, [2, 4]],
    [113, 160, 0, [1, 4]],
    [10_000, 400, 2, [18, 21]],
  ])('scrollTop %s, viewport %s, overscan %s → %j', (scrollTop, viewport, overscan, expected) => {
    expect(visibleRange(list, heights, scrollTop, viewport, overscan)).toEqual(expected);
  });

  it('is empty for an empty list', () => {
    expect(visibleRange(layout([]), [], 0, 400)).toEqual([0, 0]);
  });

  it('always covers every item that intersects the viewport', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 300 }), fc.nat(60_000), fc.integer({ min: 1, max: 800 }), (sizes, scroll, viewport) => {
        const positions = layout(sizes);
        const scrollTop = Math.min(scroll, Math.max(0, positions.totalHeight - 1));
        const [first, last] = visibleRange(positions, sizes, scrollTop, viewport, 0);
        sizes.forEach((size, index) => {
          const top = positions.offsets[index]!;
          const intersects = top < scrollTop + viewport && top + size > scrollTop;
          if (intersects) expect(index >= first && index < last).toBe(true);
        });
        expect(last).toBeGreaterThan(first);
      }),
    );
  });
});
