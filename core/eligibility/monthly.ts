/** Calendar-month stream totals from daily S4A values: eligibility is evaluated per month. */
import { firstDayOfMonthIndex, monthIndexOfDay } from '../columns/calendar';
import type { DayValues } from '../columns/series';

/** Streams per calendar month of day columns: `totals[k]` is month index `first + k`. */
export interface MonthTotals {
  first: number;
  totals: Float64Array;
}

/** Month totals of day columns (every day in them counts; they hold days ≤ asOf only). */
export function monthTotalsOf(daily: DayValues): MonthTotals {
  const { values } = daily;
  const firstMonth = monthIndexOfDay(daily.start);
  const lastMonth = monthIndexOfDay(daily.start + values.length - 1);
  const totals = new Float64Array(lastMonth - firstMonth + 1);
  let to = 0;
  for (let month = firstMonth; month <= lastMonth; month++) {
    const from = to;
    to = Math.min(values.length, firstDayOfMonthIndex(month + 1) - daily.start);
    let sum = 0;
    for (let i = from; i < to; i++) {
      const value = values[i]!;
      if (value === value) sum += value; // NaN (no reading) is the only value unequal to itself
    }
    totals[month - firstMonth] = sum;
  }
  return { first: firstMonth, totals };
}

/** The streams of month index `month` (0 outside the totals). */
export function monthTotal(months: MonthTotals | null, month: number): number {
  if (!months) return 0;
  const k = month - months.first;
  return k >= 0 && k < months.totals.length ? months.totals[k]! : 0;
}
