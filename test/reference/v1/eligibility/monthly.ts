/** Calendar-month stream totals from daily S4A values: eligibility is evaluated per month. */
import { monthOf, type Day, type Month } from '../../../../core/model/day';

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
