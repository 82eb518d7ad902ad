/**
 * UTC calendar days ("YYYY-MM-DD") and months ("YYYY-MM"). Both dashboards cut days in UTC
 * (DOMAIN.md), so every day here is a UTC calendar day; nothing depends on the machine's zone.
 */

export type Day = string;
export type Month = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
export const MS_PER_DAY = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar day: "2024-02-29" yes, "2025-02-30" and "2025-2-3" no. */
export function isDay(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1970 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isMonth(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = MONTH_PATTERN.exec(value);
  return !!match && Number(match[1]) >= 1970 && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** Milliseconds at 00:00:00.000Z of the day. */
export function dayStartMs(day: Day): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** Milliseconds at 23:59:59.999Z of the day (the "end of that day" of CONTRACTS §2). */
export function dayEndMs(day: Day): number {
  return dayStartMs(day) + MS_PER_DAY - 1;
}

export function dayFromMs(ms: number): Day {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: Day, count: number): Day {
  return dayFromMs(dayStartMs(day) + count * MS_PER_DAY);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((dayStartMs(to) - dayStartMs(from)) / MS_PER_DAY);
}

/** Every day from `first` to `last`, both included; empty when `last` is before `first`. */
export function dayRange(first: Day, last: Day): Day[] {
  const days: Day[] = [];
  for (let ms = dayStartMs(first), end = dayStartMs(last); ms <= end; ms += MS_PER_DAY) {
    days.push(dayFromMs(ms));
  }
  return days;
}

export function monthOf(day: Day): Month {
  return day.slice(0, 7);
}

export function firstDayOfMonth(month: Month): Day {
  return `${month}-01`;
}

export function lastDayOfMonth(month: Month): Day {
  const year = Number(month.slice(0, 4));
  const monthNumber = Number(month.slice(5, 7));
  return `${month}-${String(daysInMonth(year, monthNumber)).padStart(2, '0')}`;
}

export function addMonths(month: Month, count: number): Month {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (positive when `to` is later). */
export function monthsBetween(from: Month, to: Month): number {
  const index = (month: Month) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(to) - index(from);
}

/** Every month from `first` to `last`, both included. */
export function monthRange(first: Month, last: Month): Month[] {
  const months: Month[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

/**
 * The calendar months of the 12-month window that ends with (and includes) `month`, oldest
 * first: Spotify evaluates a month on the previous 12 months including the month itself.
 */
export function trailingMonths(month: Month, length = 12): Month[] {
  return monthRange(addMonths(month, -(length - 1)), month);
}

/** The days of a window of `length` days ending with `last` (for `streams_28d` etc.). */
export function windowDays(last: Day, length: number): Day[] {
  return dayRange(addDays(last, -(length - 1)), last);
}

export function daysInMonthOf(month: Month): number {
  return daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

/**
 * Parses an `--as-of` value: an ISO time, or a bare day meaning the end of that day.
 * Returns epoch milliseconds, or null when it is neither.
 */
export function parseAsOf(value: string): number | null {
  if (isDay(value)) return dayEndMs(value);
  // Date.parse would roll "2025-02-30T…" over to March: insist on a real calendar day first.
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || !isDay(value.slice(0, 10))) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
