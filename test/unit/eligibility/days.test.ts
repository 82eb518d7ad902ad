import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextDay, previousDay } from '../../../core/eligibility/days';
import { addDays, dayFromMs } from '../../../core/model/day';

describe('nextDay / previousDay', () => {
  it.each([
    ['2025-03-09', '2025-03-10'],
    ['2025-01-31', '2025-02-01'],
    ['2025-02-28', '2025-03-01'],
    ['2024-02-28', '2024-02-29'],
    ['2024-02-29', '2024-03-01'],
    ['2000-02-28', '2000-02-29'],
    ['2100-02-28', '2100-03-01'],
    ['2024-12-31', '2025-01-01'],
  ])('%s → %s and back', (day, next) => {
    expect(nextDay(day)).toBe(next);
    expect(previousDay(next)).toBe(day);
  });

  it('agree with addDays on any day', () => {
    const anyDay = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2200, 0, 1) }).map((ms) => dayFromMs(ms));
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(nextDay(day)).toBe(addDays(day, 1));
        expect(previousDay(day)).toBe(addDays(day, -1));
      }),
    );
  });
});
