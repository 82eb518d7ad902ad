/**
 * Lists of day/count pairs, recognised by structure:
 * - rows: `[{date: "2026-03-01", streams: 203}, …]` (date/day/x/period + count/streams/value/
 *   y/quantity/total …), a row may also name its track or store;
 * - tuples: `[["2026-03-01", 203], …]`;
 * - a date map: `{"2026-03-01": 203, …}`.
 * A key counts as the day (count) key only when some row holds a date-like (number-like) value
 * under it. Two candidate day keys or two candidate count keys are ambiguous and refused, never
 * guessed. Values are not checked here (seriesToObservations refuses bad days and counts).
 */
import type { Message } from '../../i18n/message';
import { message } from '../../i18n/typed';
import { identityOf, identityRef, isPlainObject, type TrackIdentity } from './identity';
import { COUNT_KEYS, DATE_KEYS, NOT_STREAM_ROW_KEYS, normaliseKey } from './keys';
import { storeFieldOf } from './store-field';
import { isDottedDay, isEpochMs } from './days';
import { dashboardStoreId, isAllStoresName, isKnownStoreName } from './stores';

export interface PointRow {
  day: unknown;
  value: unknown;
  /** The row's own track, when rows of several tracks share one list. */
  identity: TrackIdentity | null;
  /** The row's own store id, when rows of several stores share one list. */
  store: string | null;
  /** The store came from a per-store count column (`{date, Spotify: 198}`), not from a store field. */
  column?: true;
}

export type PointListOutcome =
  | { kind: 'points'; rows: PointRow[] }
  | { kind: 'refused'; problem: Message }
  /** Day/count rows of something else (revenue, a country's share …): never stored. */
  | { kind: 'not-streams'; word: string }
  | null;

const MAX_POINTS_PER_LIST = 10_000;
const DATE_LIKE = /^\d{4}-\d{2}(?:-\d{2})?(?:$|T)/;

/** A day as a string ("2026-03-01…", "01.03.2026") or epoch milliseconds (days.ts decides which are real days). */
function dateLike(value: unknown): boolean {
  return (typeof value === 'string' && DATE_LIKE.test(value)) || isDottedDay(value) || isEpochMs(value);
}

/** Count keys that say "streams" in their name. */
const STREAM_COUNT_KEYS: ReadonlySet<string> = new Set(['streams', 'streamcount', 'streamscount']);
/** Row fields that only sit beside the streams (other counts, money): harmless once a streams key is chosen. */
const BESIDE_STREAMS: ReadonlySet<string> = new Set(['downloads', 'revenue', 'amount', 'earnings', 'currency']);

function numberLike(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'string' && /^\s*-?\d/.test(value));
}

function tooMany(length: number): PointListOutcome {
  return { kind: 'refused', problem: message('readerTooManyPoints', { count: length, max: MAX_POINTS_PER_LIST }) };
}

function tuples(list: readonly unknown[]): PointListOutcome {
  if (!list.every((item) => Array.isArray(item) && item.length === 2 && dateLike(item[0]))) return null;
  return { kind: 'points', rows: list.map((item) => ({ day: (item as unknown[])[0], value: (item as unknown[])[1], identity: null, store: null })) };
}

/** Normalised key → the raw key spellings seen for it (first spelling per row is used). */
function candidates(rows: ReadonlyArray<Record<string, unknown>>, keys: ReadonlySet<string>, looksRight: (value: unknown) => boolean): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const row of rows) {
    for (const raw of Object.keys(row)) {
      const key = normaliseKey(raw);
      if (!keys.has(key) || !looksRight(row[raw])) continue;
      const spellings = found.get(key) ?? [];
      if (!spellings.includes(raw)) spellings.push(raw);
      found.set(key, spellings);
    }
  }
  return found;
}

function valueUnder(row: Record<string, unknown>, spellings: readonly string[]): unknown {
  for (const raw of spellings) if (Object.hasOwn(row, raw)) return row[raw];
  return undefined;
}

function objectRows(list: readonly unknown[]): PointListOutcome {
  if (!list.every(isPlainObject)) return null;
  const rows = list as ReadonlyArray<Record<string, unknown>>;
  const dateKeys = candidates(rows, DATE_KEYS, dateLike);
  const countKeys = candidates(rows, COUNT_KEYS, numberLike);
  if (dateKeys.size === 0) return null;
  if (dateKeys.size > 1) return { kind: 'refused', problem: message('readerAmbiguousDayKey', { keys: [...dateKeys.keys()].join(', ') }) };
  if (countKeys.size === 0) return perStoreColumns(rows, [...dateKeys.values()][0]!);
  // `{date, streams, total}` stays ambiguous: a total may be streams too (of every store).
  if (countKeys.size > 1) return { kind: 'refused', problem: message('readerAmbiguousCountKey', { keys: [...countKeys.keys()].join(', ') }) };
  // Streams beside counts of something else (`{date, streams, downloads}`): the streams are readable.
  const namedStreams = STREAM_COUNT_KEYS.has([...countKeys.keys()][0]!);
  for (const row of rows) {
    for (const raw of Object.keys(row)) {
      const key = normaliseKey(raw);
      if (namedStreams && BESIDE_STREAMS.has(key)) continue;
      if (NOT_STREAM_ROW_KEYS.has(key)) return { kind: 'not-streams', word: key };
    }
  }
  const [dateSpellings] = [...dateKeys.values()];
  const [countSpellings] = [...countKeys.values()];
  const points: PointRow[] = [];
  for (const row of rows) {
    const store = storeFieldOf(row);
    if (store && 'problem' in store) return { kind: 'refused', problem: message('readerRowStore', { problem: { text: store.problem } }) };
    points.push({
      day: valueUnder(row, dateSpellings!),
      value: valueUnder(row, countSpellings!),
      identity: identityOf(row, { trackContext: false, releaseId: null }),
      store: store?.store ?? null,
    });
  }
  return looksLikeTrackList(points) ? null : { kind: 'points', rows: points };
}

/**
 * `[{date, "Spotify": 198, "Apple Music": 19}, …]`: one count per store in each row, the stores
 * named by the display names we know. Null when the rows carry no such columns.
 */
function perStoreColumns(rows: ReadonlyArray<Record<string, unknown>>, dateSpellings: readonly string[]): PointListOutcome {
  const storeColumns = new Set<string>();
  for (const row of rows) {
    for (const raw of Object.keys(row)) if ((isKnownStoreName(raw) || isAllStoresName(raw)) && numberLike(row[raw])) storeColumns.add(raw);
  }
  if (storeColumns.size === 0) return null;
  const points: PointRow[] = [];
  for (const row of rows) {
    const day = valueUnder(row, dateSpellings);
    for (const column of storeColumns) {
      // A row without a store's column has no count for it: the store simply did not report.
      if (!Object.hasOwn(row, column)) continue;
      points.push({ day, value: row[column], identity: null, store: dashboardStoreId(column), column: true });
    }
  }
  return { kind: 'points', rows: points };
}

/**
 * `[{isrc, title, date, streams}, …]` with each track once and different days is a track list
 * (a release date and a total per track), not daily counts: several tracks on one day (a
 * daily table) share the day, and a multi-day table names each track several times.
 */
function looksLikeTrackList(points: readonly PointRow[]): boolean {
  const refs = new Map<string, number>();
  for (const point of points) if (point.identity) refs.set(identityRef(point.identity), (refs.get(identityRef(point.identity)) ?? 0) + 1);
  if (refs.size < 2 || [...refs.values()].some((count) => count > 1)) return false;
  return new Set(points.map((point) => String(point.day))).size > 1;
}

/** An array that is a list of day/count pairs, or null when it is something else. */
export function readPointList(list: readonly unknown[]): PointListOutcome {
  if (list.length === 0) return null;
  const outcome = tuples(list) ?? objectRows(list);
  if (outcome?.kind === 'points' && outcome.rows.length > MAX_POINTS_PER_LIST) return tooMany(outcome.rows.length);
  return outcome;
}

/** An object whose keys are all days (or date-like): `{"2026-03-01": 203, …}`. */
export function readDateMap(object: Record<string, unknown>): PointListOutcome {
  const keys = Object.keys(object);
  if (keys.length === 0 || !keys.every(dateLike)) return null;
  if (keys.length > MAX_POINTS_PER_LIST) return tooMany(keys.length);
  // Values must be counts; a map of days to objects is walked into instead.
  if (!keys.every((key) => !isPlainObject(object[key]) && !Array.isArray(object[key]))) return null;
  return { kind: 'points', rows: keys.map((key) => ({ day: key, value: object[key], identity: null, store: null })) };
}
