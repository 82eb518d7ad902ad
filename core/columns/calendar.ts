/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC) and month indexes
 * (year × 12 + month − 1), without Date objects or string slicing: the columnar core walks
 * years of days per recording, and the day and month strings of the output are made once each
 * and shared.
 */
import type { Day, Month } from '../model/day';

/** Day number of a "YYYY-MM-DD" day (the caller has checked it is one). */
export function dayNumberOf(day: Day): number {
  return daysFromCivil(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
}

/** Day number of year, month (1–12), day of month (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, date: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + date - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** [year, month 1–12, day of month] of a day number. */
function civilFromDays(n: number): [number, number, number] {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const date = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, date];
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));
const pad4 = (value: number) => String(value).padStart(4, '0');

const dayTexts = new Map<number, Day>();
const monthTexts = new Map<number, Month>();

/** "YYYY-MM-DD" of a day number; made once per day and shared. */
export function dayText(n: number): Day {
  let text = dayTexts.get(n);
  if (text === undefined) {
    const [year, month, date] = civilFromDays(n);
    text = `${pad4(year)}-${pad2(month)}-${pad2(date)}`;
    dayTexts.set(n, text);
  }
  return text;
}

function monthIndexOf(year: number, month: number): number {
  return year * 12 + month - 1;
}

/** Month index of a "YYYY-MM" month (or of the month of a "YYYY-MM-DD" day). */
export function monthIndexOfText(month: Month | Day): number {
  return monthIndexOf(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

export function monthIndexOfDay(n: number): number {
  const [year, month] = civilFromDays(n);
  return monthIndexOf(year, month);
}

/** "YYYY-MM" of a month index; made once per month and shared. */
export function monthText(index: number): Month {
  let text = monthTexts.get(index);
  if (text === undefined) {
    text = `${pad4(Math.floor(index / 12))}-${pad2((index % 12) + 1)}`;
    monthTexts.set(index, text);
  }
  return text;
}

/** Day number of the first day of a month index. */
export function firstDayOfMonthIndex(index: number): number {
  return daysFromCivil(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** Day number of the last day of a month index. */
export function lastDayOfMonthIndex(index: number): number {
  return firstDayOfMonthIndex(index + 1) - 1;
}

/**
 * Walks day numbers forward and knows each day's month index, with one division per month
 * instead of one per day.
 */
export class MonthCursor {
  /** Month index of the current day. */
  month: number;
  /** First day number of the next month. */
  private nextMonthStart: number;

  constructor(n: number) {
    this.month = monthIndexOfDay(n);
    this.nextMonthStart = firstDayOfMonthIndex(this.month + 1);
  }

  /** Moves to day `n` (≥ the previous day); returns the month index of `n`. */
  at(n: number): number {
    while (n >= this.nextMonthStart) {
      this.month += 1;
      this.nextMonthStart = firstDayOfMonthIndex(this.month + 1);
    }
    return this.month;
  }
}
