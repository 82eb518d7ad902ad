/**
 * Strict readers for the values inside dashboards' data responses. Spotify for Artists
 * (core/sources/spotify/README.md) sends counts as strings (sometimes numbers) and days as
 * "YYYY-MM-DD"; iMusician's reader uses the same rules. Anything else is refused (null), never
 * coerced: "1.2K", "12.5", "-3" or "" must not become 0 or NaN.
 */
import { isDay, type Day } from '../../model/day';

// Digits, optionally with a zero fraction: "12.0" is the whole number 12 (a gateway or a
// serialiser that writes every number as a float); "12.5" is not a count.
const DIGITS = /^(\d{1,16})(?:\.0{1,6})?$/;

/** A count: a safe integer ≥ 0, given as a number or a string of digits ("12", "12.0"). Otherwise null. */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  const digits = DIGITS.exec(value)?.[1];
  if (digits === undefined) return null;
  const count = Number(digits);
  return Number.isSafeInteger(count) ? count : null;
}

/**
 * A count inside a recognised response, where an absent field means 0: S4A's backend is gRPC
 * behind a JSON gateway, which leaves zero values out, and S4A's own code reads a missing
 * count as 0 (core/sources/spotify/README.md, "Zero counts are left out"). Only `undefined` (the field is not
 * there) is 0; `null`, "" or "1.2K" are still refused.
 */
export function parseCountOrAbsent(value: unknown): number | null {
  return value === undefined ? 0 : parseCount(value);
}

// Midnight with any offset (or none) names that calendar day: "2026-03-01T00:00:00+01:00" is
// the start of 1 March where the dashboard counts, whatever UTC makes of it. Any other time of
// day would need a time zone guess, so it is refused.
const MIDNIGHT = /^(\d{4}-\d{2}-\d{2})T00:00(?::00(?:\.0{1,6})?)?(?:Z|[+-](?:0\d|1[0-4]):?[0-5]\d)?$/;

/** A calendar day "YYYY-MM-DD" (or that day at 00:00, in UTC or with an offset). Otherwise null. */
export function parseApiDay(value: unknown): Day | null {
  if (typeof value !== 'string') return null;
  if (isDay(value)) return value;
  const midnight = MIDNIGHT.exec(value);
  return midnight && isDay(midnight[1]) ? midnight[1]! : null;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * S4A's latest-date value, which its own code reads through a UTC start-of-day: a plain day, or
 * an instant whose UTC day is the day ("2026-03-29T00:00:00Z", "2026-03-29T13:05:00.000Z"). A
 * time without a zone is taken as UTC, as the page's code does. Otherwise null.
 */
export function parseLatestDay(value: unknown): Day | null {
  if (typeof value !== 'string') return null;
  if (isDay(value)) return value;
  const instant = INSTANT.exec(value);
  if (!instant || !isDay(instant[1])) return null;
  if (!instant[2] || instant[2] === 'Z') return instant[1]!;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (!Number.isFinite(ms)) return null;
  const day = new Date(ms).toISOString().slice(0, 10);
  return isDay(day) ? day : null;
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
 * schema serves both spellings core/sources/spotify/README.md reports. When both spellings of a key are
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
