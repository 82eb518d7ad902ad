/**
 * Days and counts as a recipe reads them: the day in the one format the recipe names
 * (core/sources/generic/days.ts decides which values are real calendar days), the count a whole
 * number ≥ 0 (core/sources/spotify/values.ts, `parseCount`).
 */
import { isDottedDay, isEpochMs, parseDashboardDay } from '../sources/generic/days';
import { parseApiDay } from '../sources/shared/values';
import type { Day } from '../model/day';
import type { Cadence, CandidatePoint, DayFormat } from './types';

export function dayFormatOf(value: unknown): DayFormat | null {
  if (isEpochMs(value)) return 'epoch-ms';
  if (isDottedDay(value)) return 'dotted';
  if (typeof value === 'string' && parseApiDay(value) !== null) return 'iso';
  return null;
}

/** The calendar day a value names in this format, or null (never another format's reading). */
export function dayIn(format: DayFormat, value: unknown): Day | null {
  if (dayFormatOf(value) !== format) return null;
  return parseDashboardDay(value);
}

const DAY_MS = 86_400_000;

export function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * What a sorted run of days is: daily (the smallest gap one day), weekly (every gap a whole
 * number of weeks), or neither (monthly, irregular). One point alone counts as daily.
 */
export function cadenceOf(points: readonly CandidatePoint[]): Cadence | null {
  if (points.length < 2) return 'daily';
  const gaps: number[] = [];
  for (let i = 1; i < points.length; i++) gaps.push(daysBetween(points[i - 1]!.day, points[i]!.day));
  if (Math.min(...gaps) === 1) return 'daily';
  if (gaps.every((gap) => gap > 0 && gap % 7 === 0)) return 'weekly';
  return null;
}
