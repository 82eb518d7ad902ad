/** Calendar-month stream totals from daily S4A values: eligibility is evaluated per month. */
import { firstDayOfMonthIndex, monthIndexOfDay } from '../columns/calendar';
import type { DayValues } from '../columns/series';
import { monthOf, type Day, type Month } from '../model/day';

/** Streams per calendar month, summing days ≤ `lastDay`. Months without data are absent. */
export function monthlyTotals(daily: ReadonlyMap<Day, number>, lastDay: Day): Map<Month, number> {
  const totals = new Map<Month, number>();
  for (const [day, value] of daily) {
    if (day > lastDay) continue;
    const month = monthOf(day);
    totals.set(month, (totals.get(month) ?? 0) + value);
  }
  return totals;
}

/** The earliest day of a series, or null when it is empty. */
export function firstDayOf(daily: ReadonlyMap<Day, number>): Day | null {
  let first: Day | null = null;
  for (const day of daily.keys()) if (first === null || day < first) first = day;
  return first;
}

/** The latest day of a series, or null when it is empty. */
export function lastDayOf(daily: ReadonlyMap<Day, number>): Day | null {
  let last: Day | null = null;
  for (const day of daily.keys()) if (last === null || day > last) last = day;
  return last;
}

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
