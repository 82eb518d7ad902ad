import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eligibility } from '../../../core/eligibility';
import { evaluateMonths } from '../../../core/eligibility/window';
import { addMonths, lastDayOfMonth, monthRange, trailingMonths, type Month } from '../../../core/model/day';
import { history, months, track } from './fixtures';

const FIRST: Month = '2023-01';
const MONTH_COUNT = 36;
const LAST = addMonths(FIRST, MONTH_COUNT - 1);
const ALL_MONTHS = monthRange(FIRST, LAST);

// Monthly totals shaped like small recordings: mostly tens to hundreds, sometimes a big month.
const monthTotal = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 200 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 1500 }) });
const monthTotals = fc.array(monthTotal, { minLength: MONTH_COUNT, maxLength: MONTH_COUNT });
const toMap = (totals: readonly number[]) => new Map(totals.map((total, index) => [ALL_MONTHS[index]!, total]));

describe('eligibility properties', () => {
  it("a month's eligibility depends only on the 12 months of its window", () => {
    fc.assert(
      fc.property(monthTotals, monthTotals, fc.integer({ min: 0, max: MONTH_COUNT - 1 }), (totals, other, index) => {
        const month = ALL_MONTHS[index]!;
        const window = new Set(trailingMonths(month));
        // Every month outside the window replaced by something else.
        const changed = totals.map((total, i) => (window.has(ALL_MONTHS[i]!) ? total : other[i]!));
        const before = evaluateMonths(toMap(totals), FIRST, LAST)[index];
        const after = evaluateMonths(toMap(changed), FIRST, LAST)[index];
        expect(after).toEqual(before);
      }),
    );
  });

  it('adding streams never turns an eligible month ineligible', () => {
    fc.assert(
      fc.property(monthTotals, fc.array(fc.integer({ min: 0, max: 300 }), { minLength: MONTH_COUNT, maxLength: MONTH_COUNT }), (totals, added) => {
        const before = evaluateMonths(toMap(totals), FIRST, LAST);
        const after = evaluateMonths(toMap(totals.map((total, i) => total + added[i]!)), FIRST, LAST);
        before.forEach((row, i) => {
          if (row.eligible) expect(after[i]!.eligible).toBe(true);
        });
      }),
    );
  });

  it('the same holds end to end, from daily S4A observations', () => {
    fc.assert(
      fc.property(
        fc.array(monthTotal, { minLength: 24, maxLength: 24 }),
        fc.array(monthTotal, { minLength: 24, maxLength: 24 }),
        fc.integer({ min: 12, max: 23 }),
        (totals, other, asOfIndex) => {
          const asOfMonth = addMonths(FIRST, asOfIndex);
          const oldest = addMonths(asOfMonth, -11);
          const evaluate = (list: number[]) =>
            eligibility(history([track('t-1', 'CHXXX2400001')], months('t-1', FIRST, list)), { asOfDay: lastDayOfMonth(asOfMonth) }).tracks[0]!;
          const base = evaluate(totals);
          // Outside the window: months before the oldest, and any month after asOf.
          const outside = evaluate(totals.map((total, i) => (addMonths(FIRST, i) < oldest || i > asOfIndex ? other[i]! : total)));
          expect([outside.trailing12mStreams, outside.eligible]).toEqual([base.trailing12mStreams, base.eligible]);
          // More streams everywhere.
          const more = evaluate(totals.map((total, i) => total + other[i]!));
          if (base.eligible) expect(more.eligible).toBe(true);
          expect(more.trailing12mStreams).toBeGreaterThanOrEqual(base.trailing12mStreams);
        },
      ),
      { numRuns: 40 },
    );
  });
});
