/**
 * Which strings a sample keeps as they are, outside titles: what carries no person. Dates
 * (a day is not personal), counts written as digits, ISRCs, store names and a small list of
 * structural words ("streams", "daily", "EUR" …). Every other string becomes a type marker
 * with its length: enough to learn a shape, nothing of its content.
 */
import { normaliseIsrc } from '../../model/isrc';
import { isAllStoresName, isKnownStoreName } from '../imusician/stores';

const DATE_OR_TIME = /^\d{4}-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?$/;
/** Up to 8 digits (a phone or account number is longer), optionally with a short fraction. */
const SHORT_NUMBER = /^-?\d{1,8}(?:[.,]\d{1,4})?$/;

const WORDS: ReadonlySet<string> = new Set([
  'stream', 'streams', 'download', 'downloads', 'sale', 'sales', 'revenue', 'trend', 'trends', 'analytics',
  'day', 'days', 'daily', 'week', 'weekly', 'month', 'monthly', 'year', 'yearly', 'total', 'all', 'sum', 'count',
  'track', 'tracks', 'release', 'releases', 'album', 'single', 'ep', 'store', 'stores', 'shop', 'shops',
  'ok', 'success', 'error', 'pending', 'provisional', 'final', 'true', 'false', 'null', 'none', 'asc', 'desc',
  'eur', 'chf', 'usd', 'gbp', 'line', 'bar', 'chart', 'series', 'data', 'streams_count', 'quantity',
]);

export function isDateText(text: string): boolean {
  return DATE_OR_TIME.test(text);
}

export function isKeptValue(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 60) return trimmed === '';
  return (
    isDateText(trimmed) ||
    SHORT_NUMBER.test(trimmed) ||
    normaliseIsrc(trimmed) !== null ||
    isKnownStoreName(trimmed) ||
    isAllStoresName(trimmed) ||
    WORDS.has(trimmed.toLowerCase())
  );
}

/** "<text, 12 chars>" */
export function textMarker(text: string): string {
  return `<text, ${[...text].length} chars>`;
}
