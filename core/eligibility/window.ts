/**
 * The trailing 12-calendar-month evaluation: a month is eligible when the streams of the 12
 * months ending with it (itself included) reach the threshold. Spotify's worked examples:
 * 1,000+ in the first month → eligible at once; 750 then 500 → the second month is eligible.
 */
import { addMonths, monthRange, type Month } from '../model/day';
import { ELIGIBILITY_THRESHOLD, WINDOW_MONTHS } from './rules';
import { monthText } from '../columns/calendar';
import { monthTotal, type MonthTotals } from './monthly';

export interface EligibilityMonth {
  month: Month;
  /** Streams in the month (up to the asOf day for the asOf month). */
  streams: number;
  /** Streams in the 12 calendar months ending with this one. */
  trailing12m: number;
  eligible: boolean;
}

/** Sum of the window ending with `month`; months without an entry count 0. */
function trailingTotal(monthStreams: ReadonlyMap<Month, number>, month: Month): number {
  let total = 0;
  for (let offset = 0; offset < WINDOW_MONTHS; offset += 1) total += monthStreams.get(addMonths(month, -offset)) ?? 0;
  return total;
}

/** One row per calendar month from `first` to `last`, both included. */
export function evaluateMonths(
  monthStreams: ReadonlyMap<Month, number>,
  first: Month,
  last: Month,
  threshold = ELIGIBILITY_THRESHOLD,
): EligibilityMonth[] {
  const months = monthRange(first, last);
  const rows: EligibilityMonth[] = [];
  // Sliding window: start with the window of `first` (which may reach back before it), then
  // add the new month and drop the one 12 months back at each step.
  let trailing = trailingTotal(monthStreams, first) - (monthStreams.get(first) ?? 0);
  for (const month of months) {
    const streams = monthStreams.get(month) ?? 0;
    trailing += streams;
    if (month !== first) trailing -= monthStreams.get(addMonths(month, -WINDOW_MONTHS)) ?? 0;
    rows.push({ month, streams, trailing12m: trailing, eligible: trailing >= threshold });
  }
  return rows;
}

/** First month of the unbroken run of eligible months that ends with the last row; null when the last row is not eligible. */
export function firstEligibleMonthOf(rows: readonly EligibilityMonth[]): Month | null {
  let first: Month | null = null;
  for (let index = rows.length - 1; index >= 0 && rows[index]!.eligible; index -= 1) first = rows[index]!.month;
  return first;
}

/** True when the recording was eligible before the current run and lost it in between. */
export function isEligibleAgain(rows: readonly EligibilityMonth[]): boolean {
  let index = rows.length - 1;
  if (index < 0 || !rows[index]!.eligible) return false;
  while (index >= 0 && rows[index]!.eligible) index -= 1;
  return rows.slice(0, Math.max(index, 0)).some((row) => row.eligible);
}

/** evaluateMonths over month totals, for month indexes `first`…`last`. */
export function evaluateMonthTotals(months: MonthTotals | null, first: number, last: number, threshold = ELIGIBILITY_THRESHOLD): EligibilityMonth[] {
  const rows: EligibilityMonth[] = [];
  let trailing = 0;
  for (let offset = 1; offset < WINDOW_MONTHS; offset += 1) trailing += monthTotal(months, first - offset);
  for (let month = first; month <= last; month++) {
    const streams = monthTotal(months, month);
    trailing += streams;
    if (month !== first) trailing -= monthTotal(months, month - WINDOW_MONTHS);
    rows.push({ month: monthText(month), streams, trailing12m: trailing, eligible: trailing >= threshold });
  }
  return rows;
}
