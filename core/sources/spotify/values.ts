/**
 * Strict readers for the values inside Spotify for Artists data responses. The research note
 * says counts arrive as strings (sometimes numbers) and days as "YYYY-MM-DD". Anything else is
 * refused (null), never coerced: "1.2K", "12.5", "-3" or "" must not become 0 or NaN.
 */
import { isDay, type Day } from '../../model/day';

const DIGITS = /^\d{1,16}$/;

/** A count: a safe integer ≥ 0, given as a number or a string of digits. Otherwise null. */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== 'string' || !DIGITS.test(value)) return null;
  const count = Number(value);
  return Number.isSafeInteger(count) ? count : null;
}

// A midnight-UTC timestamp names the same calendar day; any other time of day would need a
// time zone guess, so it is refused.
const MIDNIGHT_UTC = /^(\d{4}-\d{2}-\d{2})T00:00(?::00(?:\.0{1,3})?)?(?:Z|\+00:00)$/;

/** A calendar day "YYYY-MM-DD" (or that day at 00:00 UTC). Otherwise null. */
export function parseApiDay(value: unknown): Day | null {
  if (typeof value !== 'string') return null;
  if (isDay(value)) return value;
  const midnight = MIDNIGHT_UTC.exec(value);
  return midnight && isDay(midnight[1]) ? midnight[1]! : null;
}

/** A short, safe rendering of an unexpected value for a one-line diagnostic. */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value);
  } catch {
    text = typeof value;
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const SNAKE_KEY = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
const MAX_DEPTH = 12;

/**
 * Deep copy of a JSON value with lower-case snake_case keys turned into camelCase, so one
 * schema serves both spellings the research note reports. When both spellings of a key are
 * present the camelCase one wins. Upper-case keys (stream-source names like "USER_PLAYLIST")
 * and `__proto__` are left alone / dropped; depth is capped so a hostile body cannot recurse
 * without end.
 */
export function camelKeys(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((item) => camelKeys(item, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) {
    if (key === '__proto__') continue;
    const camel = SNAKE_KEY.test(key) ? key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()) : key;
    if (camel !== key && Object.hasOwn(value, camel)) continue;
    result[camel] = camelKeys((value as Record<string, unknown>)[key], depth + 1);
  }
  return result;
}
