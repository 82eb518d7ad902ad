/**
 * Reading a history file (docs/contracts.md §1). Everything is checked before anything is returned, and
 * the first problem is reported with its place in the file, e.g.
 * `observations[1043].day: "2025-02-30" is not a calendar day (YYYY-MM-DD)`.
 *
 * Safety: JSON.parse turns a "__proto__" key into an ordinary own property, and the schemas
 * copy only known fields into fresh objects, so a hostile file cannot reach any prototype.
 * Still, a "__proto__" key on the root, a track, its distributorIds or an observation is
 * refused outright: no honest writer produces one (reliability requirement 6).
 *
 * Speed: zod (jitless, as the extension's CSP requires) needs about 3 µs per observation, some
 * 6 s for 2 million. Well-formed observations therefore pass a hand-written check first that
 * accepts exactly what the schema accepts in canonical form; anything else goes to the schema,
 * which normalises it (e.g. "+02:00" instants) or names the problem.
 */
import type { z } from '../zod';
import type { History } from '../model/history';
import { moneyRecordSchema, type MoneyRecord } from '../model/money';
import { isDay, lastDayOfMonth, monthOf } from '../model/day';
import { INSTANT_PATTERN, METRICS, SOURCE_ID_PATTERN, countedBeforeRead, instantSchema, observationSchema, trackSchema, type Metric, type Observation, type Track } from '../model/schema';
import { HISTORY_FORMAT, HISTORY_VERSION, MAX_HISTORY_BYTES, MAX_HISTORY_OBSERVATIONS, MAX_HISTORY_TRACKS } from './history-file';
import { InputFileError } from './input-error';
import { locateJsonError } from './json-error';

/** A refused history file. `message` is one line: `<where>: <problem>`. */
export class HistoryFileError extends InputFileError {
  override name = 'HistoryFileError';
}

/** A value as it would appear in the file, shortened. */
function shown(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

export function parseHistoryFile(text: string): History {
  if (text.length > MAX_HISTORY_BYTES) {
    throw new HistoryFileError('file', `larger than the ${MAX_HISTORY_BYTES / 1024 / 1024} MB a history file may have`);
  }
  const root = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw new HistoryFileError('file', `the JSON is ${Array.isArray(root) ? 'a list' : shown(root)}, not a Crosscount history object`);
  }
  const file = root as Record<string, unknown>;
  refuseProtoKey(file, '');
  checkHeader(file);
  const tracks = parseTracks(file.tracks);
  const trackIds = new Set(tracks.map((track) => track.id));
  const observations = parseObservations(file.observations, trackIds);
  // Optional (docs/contracts.md §3): files written before money existed have no such key.
  if (file.money === undefined) return { tracks, observations };
  return { tracks, observations, money: parseMoney(file.money, trackIds) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const located = locateJsonError(text);
    if (!located) throw new HistoryFileError('file', `not JSON: ${(error as Error).message}`);
    throw new HistoryFileError(`line ${located.line} column ${located.column}`, `not JSON: ${located.problem}`);
  }
}

export function checkHeader(file: Record<string, unknown>): void {
  if (!Object.hasOwn(file, 'format')) {
    throw new HistoryFileError('format', `missing: not a Crosscount history file (expected "format": "${HISTORY_FORMAT}")`);
  }
  if (file.format !== HISTORY_FORMAT) {
    throw new HistoryFileError('format', `${shown(file.format)} is not "${HISTORY_FORMAT}": not a Crosscount history file`);
  }
  const version = file.version;
  if (!Object.hasOwn(file, 'version')) throw new HistoryFileError('version', 'missing');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw new HistoryFileError('version', `${shown(version)} is not a format version (this Crosscount reads version ${HISTORY_VERSION})`);
  }
  if (version > HISTORY_VERSION) {
    throw new HistoryFileError('version', `${version} is newer than this Crosscount understands (${HISTORY_VERSION}); update Crosscount to read it`);
  }
  if (!Object.hasOwn(file, 'exportedAt')) throw new HistoryFileError('exportedAt', 'missing');
  const exportedAt = instantSchema.safeParse(file.exportedAt);
  if (!exportedAt.success) throw new HistoryFileError('exportedAt', exportedAt.error.issues[0]!.message);
}

function checkList(value: unknown, name: string, max: number): unknown[] {
  if (value === undefined) throw new HistoryFileError(name, 'missing');
  if (!Array.isArray(value)) throw new HistoryFileError(name, `expected a list, found ${shown(value)}`);
  if (value.length > max) throw new HistoryFileError(name, `${value.length} entries is more than the ${max} a history file may hold`);
  return value;
}

export function parseTracks(value: unknown): Track[] {
  const raw = checkList(value, 'tracks', MAX_HISTORY_TRACKS);
  const tracks: Track[] = [];
  const firstIndex = new Map<string, number>();
  for (let i = 0; i < raw.length; i++) {
    refuseProtoKey(raw[i], `tracks[${i}]`);
    refuseProtoKey((raw[i] as { distributorIds?: unknown } | null)?.distributorIds, `tracks[${i}].distributorIds`);
    const track = validate(trackSchema, raw[i], `tracks[${i}]`);
    const earlier = firstIndex.get(track.id);
    if (earlier !== undefined) throw new HistoryFileError(`tracks[${i}].id`, `${shown(track.id)} is used twice (also tracks[${earlier}].id)`);
    firstIndex.set(track.id, i);
    tracks.push(track);
  }
  return tracks;
}

function parseObservations(value: unknown, trackIds: ReadonlySet<string>): Observation[] {
  const raw = checkList(value, 'observations', MAX_HISTORY_OBSERVATIONS);
  const observations: Observation[] = new Array(raw.length);
  const shared = new TextPool();
  for (let i = 0; i < raw.length; i++) {
    observations[i] = parseObservation(raw[i], i, trackIds, shared);
    // The parsed entry is not needed any more: let it go now rather than with the whole list,
    // so a 2-million-observation file never holds both forms of every observation at once.
    raw[i] = undefined;
  }
  return observations;
}

/** observations[index] of a file, checked (HistoryFileError naming it when it is wrong). */
export function parseObservation(raw: unknown, index: number, trackIds: ReadonlySet<string>, shared: TextPool): Observation {
  refuseProtoKey(raw, `observations[${index}]`);
  const obs = quickObservation(raw, shared) ?? validate(observationSchema, raw, `observations[${index}]`);
  if (!trackIds.has(obs.track)) throw new HistoryFileError(`observations[${index}].track`, `${shown(obs.track)} is not a track in this file`);
  return obs;
}

/**
 * One string object per distinct text. JSON.parse makes a new string for every value, and a
 * history repeats a few thousand days, reading times and ids millions of times.
 */
export class TextPool {
  private readonly texts = new Map<string, string>();

  get(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    // A pathological file with millions of distinct texts must not grow the pool without end.
    if (this.texts.size < MAX_POOLED_TEXTS) this.texts.set(text, text);
    return text;
  }
}

const MAX_POOLED_TEXTS = 1_000_000;

export function parseMoney(value: unknown, trackIds: ReadonlySet<string>): MoneyRecord[] {
  const raw = checkList(value, 'money', MAX_HISTORY_OBSERVATIONS);
  const money: MoneyRecord[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    refuseProtoKey(raw[i], `money[${i}]`);
    const record = validate(moneyRecordSchema, raw[i], `money[${i}]`);
    if (!trackIds.has(record.track)) throw new HistoryFileError(`money[${i}].track`, `${shown(record.track)} is not a track in this file`);
    money[i] = record;
  }
  return money;
}

function refuseProtoKey(value: unknown, location: string): void {
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
    throw new HistoryFileError(location === '' ? '__proto__' : `${location}.__proto__`, 'not allowed as a key (it could change how objects behave)');
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown, location: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
  const missing = issue.code === 'invalid_type' && valueAt(value, issue.path) === undefined;
  throw new HistoryFileError(`${location}${path}`, missing ? 'missing' : issue.message);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const METRIC_SET: ReadonlySet<string> = new Set(METRICS);

/**
 * The observation when `raw` is one in canonical form that the schema would accept unchanged;
 * undefined otherwise (the schema then decides). Builds a fresh object: unknown keys are
 * dropped, as the schema drops them.
 */
function quickObservation(raw: unknown, shared: TextPool): Observation | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { track, source, store, metric, day, value, observedAt } = raw as Record<string, unknown>;
  if (
    typeof track !== 'string' ||
    track.length === 0 ||
    track.length > 100 ||
    typeof source !== 'string' ||
    !SOURCE_ID_PATTERN.test(source) ||
    typeof store !== 'string' ||
    !SOURCE_ID_PATTERN.test(store) ||
    typeof metric !== 'string' ||
    !METRIC_SET.has(metric) ||
    !isDay(day) ||
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < 0 ||
    !isCanonicalInstant(observedAt)
  ) {
    return undefined;
  }
  if (metric === 'streams_month' && day !== lastDayOfMonth(monthOf(day as string))) return undefined;
  const observation = {
    track: shared.get(track),
    source: shared.get(source),
    store: shared.get(store),
    metric: metric as Metric,
    day: shared.get(day as string),
    value,
    observedAt: shared.get(observedAt as string),
  };
  return countedBeforeRead(observation) ? observation : undefined;
}

/** True when toISOString would give `value` back: canonical form, real day, real time. */
function isCanonicalInstant(value: unknown): boolean {
  if (typeof value !== 'string' || !INSTANT_PATTERN.test(value) || !isDay(value.slice(0, 10))) return false;
  // "YYYY-MM-DDTHH:MM:SS.mmmZ": hours < 24, minutes and seconds < 60.
  return value.slice(11, 13) < '24' && value.slice(14, 16) < '60' && value.slice(17, 19) < '60';
}
