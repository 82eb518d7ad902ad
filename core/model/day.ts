/**
 * UTC calendar days ("YYYY-MM-DD") and months ("YYYY-MM"). Both dashboards cut days in UTC
 * (docs/domain.md), so every day here is a UTC calendar day; nothing depends on the machine's
 * zone.
 *
 * The calendar ends at 9999-12-31: four-digit strings order like the days they name only up
 * to there. Arithmetic stays inside years 0000–9999 (addDays and addMonths saturate at the
 * ends; no real window reaches them), and no loop here steps by comparing strings: each runs a
 * count derived from its bounds, so a day in year 9999 cannot make one run forever.
 */

export type Day = string;
export type Month = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
export const MS_PER_DAY = 86_400_000;
/** The last day a four-digit year can name. */
export const LAST_DAY: Day = '9999-12-31';
const LAST_MONTH_INDEX = 9999 * 12 + 11;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month - 1]!;
}

/** Date.UTC, also for years 0–99 (which Date.UTC reads as 1900–1999). */
function utcMs(year: number, monthIndex: number, date: number): number {
  if (year >= 100) return Date.UTC(year, monthIndex, date);
  const at = new Date(0);
  at.setUTCFullYear(year, monthIndex, date);
  return at.getTime();
}

const FIRST_MS = utcMs(0, 0, 1);
const LAST_MS = Date.UTC(9999, 11, 31);

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
  return utcMs(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** Milliseconds at 23:59:59.999Z of the day (the "end of that day" of docs/contracts.md §2). */
export function dayEndMs(day: Day): number {
  return dayStartMs(day) + MS_PER_DAY - 1;
}

export function dayFromMs(ms: number): Day {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `count` days later (earlier when negative), saturating at 0000-01-01 and 9999-12-31. */
export function addDays(day: Day, count: number): Day {
  return dayFromMs(Math.min(LAST_MS, Math.max(FIRST_MS, dayStartMs(day) + count * MS_PER_DAY)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((dayStartMs(to) - dayStartMs(from)) / MS_PER_DAY);
}

/** Every day from `first` to `last`, both included; empty when `last` is before `first`. */
export function dayRange(first: Day, last: Day): Day[] {
  const days: Day[] = [];
  const start = dayStartMs(first);
  const count = daysBetween(first, last);
  for (let i = 0; i <= count; i++) days.push(dayFromMs(start + i * MS_PER_DAY));
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

/** The month `count` months later (earlier when negative), saturating at 0000-01 and 9999-12. */
export function addMonths(month: Month, count: number): Month {
  const index = Math.min(LAST_MONTH_INDEX, Math.max(0, Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count));
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (positive when `to` is later). */
export function monthsBetween(from: Month, to: Month): number {
  const index = (month: Month) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(to) - index(from);
}

/** Every month from `first` to `last`, both included; empty when `last` is before `first`. */
export function monthRange(first: Month, last: Month): Month[] {
  const months: Month[] = [];
  const count = monthsBetween(first, last);
  for (let i = 0; i <= count; i++) months.push(addMonths(first, i));
  return months;
}

/**
 * The calendar months of the 12-month window that ends with (and includes) `month`, oldest
 * first: Spotify evaluates a month on the previous 12 months including the month itself.
 */
export function trailingMonths(month: Month, length = 12): Month[] {
  return monthRange(addMonths(month, -(length - 1)), month);
}

export function daysInMonthOf(month: Month): number {
  return daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

const AS_OF_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * Parses an `--as-of` value: an ISO time, or a bare day meaning the end of that day. A time
 * without a zone is UTC (as every day here is), never the machine's local time. Returns epoch
 * milliseconds, or null when it is neither.
 */
export function parseAsOf(value: string): number | null {
  if (isDay(value)) return dayEndMs(value);
  const match = AS_OF_TIME.exec(value);
  // Date.parse would roll "2025-02-30T…" or "T25:00" over: insist on a real day and time first.
  if (!match || !isDay(match[1]) || Number(match[2]) > 23 || Number(match[3]) > 59 || Number(match[4] ?? 0) > 59) return null;
  const ms = Date.parse(match[5] === undefined ? `${value}Z` : value);
  return Number.isNaN(ms) ? null : ms;
}
