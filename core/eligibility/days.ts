/**
 * Day stepping without Date objects. The model's addDays goes through Date and toISOString,
 * which is most of the cost when a catalogue's years of days are walked one by one (coverage
 * checks, the projection walk); these give the same strings by arithmetic.
 */
import type { Day } from '../model/day';

const CUMULATIVE = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonthNumber(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : CUMULATIVE[month - 1]!;
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));

/**
 * The calendar day after `day`: "2024-02-28" → "2024-02-29", "2024-12-31" → "2025-01-01";
 * 9999-12-31 stays itself. Loops over days count their steps, never compare to an end.
 */
export function nextDay(day: Day): Day {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const date = Number(day.slice(8, 10));
  if (date < daysInMonthNumber(year, month)) return `${day.slice(0, 8)}${pad2(date + 1)}`;
  if (month < 12) return `${day.slice(0, 5)}${pad2(month + 1)}-01`;
  // The calendar ends with year 9999 (core/model/day.ts): the last day has no next one.
  if (year >= 9999) return day;
  return `${String(year + 1).padStart(4, '0')}-01-01`;
}

/** The calendar day before `day`. */
export function previousDay(day: Day): Day {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const date = Number(day.slice(8, 10));
  if (date > 1) return `${day.slice(0, 8)}${pad2(date - 1)}`;
  if (month > 1) return `${day.slice(0, 5)}${pad2(month - 1)}-${pad2(daysInMonthNumber(year, month - 1))}`;
  if (year <= 0) return day;
  return `${String(year - 1).padStart(4, '0')}-12-31`;
}
