/**
 * Days as an iMusician-like app may send them (docs/domain.md, "iMusician dashboard": none
 * confirmed): "2026-03-01", that day at midnight with or without an offset
 * ("2026-03-01T00:00:00+01:00" is the start of 1 March where the dashboard counts), the
 * Swiss/German "01.03.2026", or epoch milliseconds at midnight UTC. An epoch at any other time
 * of day (local midnight east of UTC is the evening before, in UTC) would need a time zone
 * guess, so it is refused, as is anything else.
 */
import { isDay, type Day } from '../../model/day';
import { parseApiDay } from '../shared/values';

const DOTTED = /^(\d{2})\.(\d{2})\.(\d{4})$/;
/** 2000-01-01 … 2100-01-01 in epoch milliseconds: a number in that range reads as a time. */
const EPOCH_MS_MIN = 946_684_800_000;
const EPOCH_MS_MAX = 4_102_444_800_000;
const DAY_MS = 86_400_000;

export function isEpochMs(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= EPOCH_MS_MIN && value < EPOCH_MS_MAX;
}

export function isDottedDay(value: unknown): value is string {
  return typeof value === 'string' && DOTTED.test(value);
}

export function parseDashboardDay(value: unknown): Day | null {
  if (isEpochMs(value)) return value % DAY_MS === 0 ? new Date(value).toISOString().slice(0, 10) : null;
  if (isDottedDay(value)) {
    const [, day, month, year] = DOTTED.exec(value)!;
    const text = `${year}-${month}-${day}`;
    return isDay(text) ? text : null;
  }
  return parseApiDay(value);
}
