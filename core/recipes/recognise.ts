/**
 * The generalised recogniser: the structural walk every dashboard shares
 * (core/sources/generic/walk.ts, the one iMusician's reader uses) run over any dashboard's
 * response, each series it finds turned into a candidate the artist may confirm, with the
 * recipe draft that would read the same series again. Nothing is stored from a candidate.
 * Bounded like the walk (depth, nodes, points); what is refused says why (REFUSAL_REASONS).
 */
import { idOf, isPlainObject, MAX_TITLE, type TrackIdentity, fieldsOf } from '../sources/generic/identity';
import { COUNT_KEYS, DATE_KEYS, ISRC_KEYS, LABEL_KEYS, RELEASE_ID_KEYS, RELEASE_OBJECT_KEYS, STORE_KEYS, TRACK_ID_KEYS, TRACK_OBJECT_KEYS, TRACK_TITLE_KEYS, normaliseKey } from '../sources/generic/keys';
import { dashboardStoreId } from '../sources/generic/stores';
import { walkResponse, type FoundSeries } from '../sources/generic/walk';
import { normaliseIsrc } from '../model/isrc';
import { englishMessage } from '../i18n/english';
import { shortHash } from '../sources/reports/identity';
import { parseCount } from '../sources/shared/values';
import { patternOf } from './address';
import { cadenceOf, dayFormatOf, dayIn } from './days';
import { chainOf, type PathMatch } from './json-path';
import {
  RECIPE_VERSION,
  WILDCARD,
  type Candidate,
  type CandidatePoint,
  type DayFormat,
  type HttpMethod,
  type IdentityPaths,
  type PointShape,
  type Recognition,
  type RecipeDraft,
  type RecipeStore,
  type Refusal,
  type RefusalReason,
  type RelativePath,
} from './types';

const MAX_CANDIDATES = 50;
const MAX_REFUSALS = 30;
/** How far up from a series its identity or store may sit. */
const MAX_UP = 6;

function reasonOfWord(word: string): RefusalReason {
  if (/download/.test(word)) return 'downloads-only';
  if (/revenue|earning|royalt|income|payout|amount|money|price|currency/.test(word)) return 'revenue';
  if (/countr|territor|region|market/.test(word)) return 'countries';
  return 'not-streams';
}

function reasonOfProblem(problem: string): RefusalReason {
  if (/ambiguous/.test(problem)) return 'ambiguous';
  if (/points in one list/.test(problem)) return 'too-large';
  if (/store/.test(problem)) return 'store-unclear';
  if (/label only/.test(problem)) return 'no-identity';
  return 'bad-values';
}

function splitNote(note: string, separator: RegExp): { where: string; detail: string } {
  const match = separator.exec(note);
  if (!match) return { where: note, detail: note };
  return { where: note.slice(0, match.index), detail: note.slice(0, 300) };
}

/** A path as its generalised pattern: every list index becomes `'*'` (all tracks, all datasets). */
function generalised(path: ReadonlyArray<string | number>): Array<string | number> {
  return path.map((key) => (typeof key === 'number' ? WILDCARD : key));
}

interface FieldHit {
  readonly path: string[];
  readonly value: unknown;
}

/** Own fields of an object whose normalised key is in `keys`, and the same one level down under `nested` keys. */
function fieldHits(object: Record<string, unknown>, keys: ReadonlySet<string>, nested: ReadonlySet<string>, nestedKeys: ReadonlySet<string> = keys): FieldHit[] {
  const hits: FieldHit[] = [];
  for (const raw of Object.keys(object)) {
    if (raw === '__proto__') continue;
    const key = normaliseKey(raw);
    if (keys.has(key)) hits.push({ path: [raw], value: object[raw] });
  }
  for (const raw of Object.keys(object)) {
    if (raw === '__proto__' || !nested.has(normaliseKey(raw))) continue;
    const inner = object[raw];
    if (!isPlainObject(inner)) continue;
    for (const innerRaw of Object.keys(inner)) if (innerRaw !== '__proto__' && nestedKeys.has(normaliseKey(innerRaw))) hits.push({ path: [raw, innerRaw], value: inner[innerRaw] });
  }
  return hits;
}

function titleText(value: unknown): string | null {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE) || null : null;
}

/** The nearest place (from the series node up) holding a field whose value is `wanted`. */
function locate(match: PathMatch, keys: ReadonlySet<string>, nested: ReadonlySet<string>, same: (value: unknown) => boolean, nestedKeys: ReadonlySet<string> = keys): RelativePath | null {
  for (let up = 0; up < Math.min(MAX_UP, match.chain.length); up++) {
    const node = match.chain[match.chain.length - 1 - up];
    if (!isPlainObject(node)) continue;
    const hit = fieldHits(node, keys, nested, nestedKeys).find((candidate) => same(candidate.value));
    if (hit) return { up, path: hit.path };
  }
  return null;
}

const TITLE_KEYS: ReadonlySet<string> = new Set([...TRACK_TITLE_KEYS, 'title', 'name', 'label']);
const TRACK_ID_OR_ID: ReadonlySet<string> = new Set([...TRACK_ID_KEYS, 'id']);
const NONE: ReadonlySet<string> = new Set();

function identityPaths(match: PathMatch, identity: TrackIdentity): IdentityPaths | null {
  const paths: { isrc?: RelativePath; title?: RelativePath; trackId?: RelativePath; releaseId?: RelativePath } = {};
  if (identity.isrc) {
    const at = locate(match, ISRC_KEYS, TRACK_OBJECT_KEYS, (value) => typeof value === 'string' && normaliseIsrc(value) === identity.isrc);
    if (!at) return null;
    paths.isrc = at;
  }
  if (identity.trackId) {
    const at = locate(match, TRACK_ID_OR_ID, TRACK_OBJECT_KEYS, (value) => idOf(value) === identity.trackId);
    if (at) paths.trackId = at;
    else if (!identity.isrc) return null;
  }
  if (identity.title) {
    const at = locate(match, TITLE_KEYS, TRACK_OBJECT_KEYS, (value) => titleText(value) === identity.title);
    if (at) paths.title = at;
    else if (!identity.isrc) return null;
  }
  if (identity.releaseId && !identity.isrc && !identity.trackId) {
    const same = (value: unknown) => idOf(value) === identity.releaseId;
    const at = locate(match, RELEASE_ID_KEYS, NONE, same) ?? locate(match, NONE, RELEASE_OBJECT_KEYS, same, new Set(['id', ...RELEASE_ID_KEYS]));
    if (!at) return null;
    paths.releaseId = at;
  }
  return paths;
}

function storeName(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const fields = fieldsOf(value);
  return fields.get('name') ?? fields.get('label') ?? fields.get('title');
}

/** Where the body names the store of this series: an ancestor's key, or a store field near it. */
function storePlace(match: PathMatch, store: string): RecipeStore | null {
  for (let up = 0; up < Math.min(MAX_UP, match.chain.length); up++) {
    const key = match.keys[match.keys.length - 1 - up];
    if (typeof key === 'string' && dashboardStoreId(key) === store) return { kind: 'key', up };
    const node = match.chain[match.chain.length - 1 - up];
    if (!isPlainObject(node)) continue;
    for (const raw of Object.keys(node)) {
      if (raw === '__proto__') continue;
      const normalised = normaliseKey(raw);
      if (!STORE_KEYS.has(normalised) && !LABEL_KEYS.has(normalised) && normalised !== 'title') continue;
      const value = node[raw];
      if (dashboardStoreId(storeName(value)) !== store) continue;
      if (isPlainObject(value)) {
        const inner = Object.keys(value).find((innerRaw) => ['name', 'label', 'title'].includes(normaliseKey(innerRaw)));
        if (inner) return { kind: 'path', at: { up, path: [raw, inner] } };
      } else return { kind: 'path', at: { up, path: [raw] } };
    }
  }
  return null;
}

function rawKey(row: Record<string, unknown>, keys: ReadonlySet<string>, looksRight: (value: unknown) => boolean): string | null {
  for (const raw of Object.keys(row)) if (raw !== '__proto__' && keys.has(normaliseKey(raw)) && looksRight(row[raw])) return raw;
  return null;
}

/** How the series node holds its points, or why a recipe cannot say it. */
function pointShapeOf(match: PathMatch, series: FoundSeries): { shape: PointShape; columnStore: boolean } | { refuse: string } {
  const node = match.node;
  if (series.chart) {
    const values = isPlainObject(node) ? Object.keys(node).find((raw) => normaliseKey(raw) === 'data') : undefined;
    const owner = match.chain[match.chain.length - 3];
    const labels = isPlainObject(owner) ? Object.keys(owner).find((raw) => normaliseKey(raw) === 'labels') : undefined;
    if (!values || !labels) return { refuse: 'chart without a data list' };
    return { shape: { kind: 'parallel', days: { up: 2, path: [labels] }, values: [values] }, columnStore: false };
  }
  if (isPlainObject(node)) return { shape: { kind: 'map' }, columnStore: false };
  if (!Array.isArray(node) || node.length === 0) return { refuse: 'not a list of points' };
  const first = node[0];
  if (Array.isArray(first)) {
    const dayIndex = dayFormatOf(first[0]) !== null ? 0 : 1;
    return { shape: { kind: 'pairs', day: dayIndex as 0 | 1, value: (1 - dayIndex) as 0 | 1 }, columnStore: false };
  }
  const rows = node.filter(isPlainObject);
  const dayRow = rows.find((row) => rawKey(row, DATE_KEYS, (value) => dayFormatOf(value) !== null));
  const day = dayRow ? rawKey(dayRow, DATE_KEYS, (value) => dayFormatOf(value) !== null) : null;
  if (!day) return { refuse: 'no day field' };
  const countRow = rows.find((row) => rawKey(row, COUNT_KEYS, (value) => parseCount(value) !== null));
  const count = countRow ? rawKey(countRow, COUNT_KEYS, (value) => parseCount(value) !== null) : null;
  if (count) return { shape: { kind: 'rows', day: [day], value: [count] }, columnStore: false };
  // One count per store in each row (`{date, Spotify: 198}`): this series' store is its column.
  for (const row of rows) {
    const column = Object.keys(row).find((raw) => raw !== '__proto__' && raw !== day && dashboardStoreId(raw) === series.store);
    if (column) return { shape: { kind: 'rows', day: [day], value: [column] }, columnStore: true };
  }
  return { refuse: 'no count field' };
}

function checkedPoints(series: FoundSeries): { points: CandidatePoint[]; format: DayFormat } | { refuse: string } {
  let format: DayFormat | null = null;
  const byDay = new Map<string, number>();
  for (const [index, point] of series.points.entries()) {
    const pointFormat = dayFormatOf(point.day);
    if (pointFormat === null || (format !== null && pointFormat !== format)) return { refuse: `point ${index}: not a calendar day in one format` };
    format = pointFormat;
    const day = dayIn(pointFormat, point.day);
    if (day === null) return { refuse: `point ${index}: not a calendar day` };
    const count = parseCount(point.value);
    if (count === null) return { refuse: `point ${index} (${day}): not a whole number ≥ 0` };
    const seen = byDay.get(day);
    if (seen !== undefined && seen !== count) return { refuse: `${day} appears twice with different values` };
    byDay.set(day, count);
  }
  const points = [...byDay.entries()].map(([day, count]) => ({ day, count })).sort((a, b) => (a.day < b.day ? -1 : 1));
  return { points, format: format ?? 'iso' };
}

export interface RecogniseOptions {
  /** The request's method (the observer knows it); GET when not given. */
  readonly method?: HttpMethod;
}

export function recognise(url: string, body: unknown, options: RecogniseOptions = {}): Recognition {
  const refusals: Refusal[] = [];
  const refuse = (where: string, reason: RefusalReason, detail: string) => {
    if (refusals.length < MAX_REFUSALS && !refusals.some((one) => one.where === where && one.reason === reason)) refusals.push({ where: where || '(root)', reason, detail: detail.slice(0, 300) });
  };
  const response = patternOf(url);
  if (!response || body === null || typeof body !== 'object') return { candidates: [], refusals, truncated: false };
  let walk;
  try {
    walk = walkResponse(body, { kind: 'none' });
  } catch {
    return { candidates: [], refusals: [{ where: '(root)', reason: 'bad-values', detail: 'the search failed on this body' }], truncated: false };
  }
  for (const note of walk.notStreams) {
    const { where } = splitNote(note, / \(/);
    refuse(where, reasonOfWord(/\(([^)]*)\)$/.exec(note)?.[1] ?? note), `not daily streams: ${note}`);
  }
  for (const where of walk.withoutIdentity) refuse(where, 'no-identity', `${where}: day/count pairs without a track identity`);
  for (const { where, problem } of walk.problems) {
    // The refusal's detail is for support, in English (the same words the catalog gives the artist).
    const text = `${where}: ${englishMessage(problem)}`;
    refuse(where, reasonOfProblem(text), text);
  }
  if (walk.truncated) refuse('(root)', 'too-large', 'the search stopped early: body too large or too deeply nested');

  const candidates: Candidate[] = [];
  for (const series of walk.series) {
    if (candidates.length >= MAX_CANDIDATES) break;
    if (series.rowOwn) {
      refuse(series.where, 'ambiguous', `${series.where}: rows of several tracks or stores share one list (not teachable as one series)`);
      continue;
    }
    const checked = checkedPoints(series);
    if ('refuse' in checked) {
      refuse(series.where, 'bad-values', `${series.where}: ${checked.refuse}`);
      continue;
    }
    const cadence = cadenceOf(checked.points);
    if (!cadence) {
      refuse(series.where, 'not-daily', `${series.where}: days are neither daily nor weekly`);
      continue;
    }
    const match = chainOf(body, series.path);
    if (!match) continue;
    const shape = pointShapeOf(match, series);
    if ('refuse' in shape) {
      refuse(series.where, 'ambiguous', `${series.where}: ${shape.refuse}`);
      continue;
    }
    const identity = identityPaths(match, series.identity);
    if (!identity) {
      refuse(series.where, 'no-identity', `${series.where}: the track identity could not be placed`);
      continue;
    }
    const store = !series.storeNamed ? null : shape.columnStore ? ({ kind: 'fixed', store: series.store } as const) : storePlace(match, series.store);
    if (series.storeNamed && !store) {
      refuse(series.where, 'store-unclear', `${series.where}: the store could not be placed`);
      continue;
    }
    const recipe: RecipeDraft = {
      version: RECIPE_VERSION,
      response: { ...response, method: options.method ?? 'GET' },
      series: generalised(series.path),
      points: shape.shape,
      dayFormat: checked.format,
      identity,
      store,
      cadence,
    };
    candidates.push({
      id: `c-${shortHash(`${series.where}|${series.store}|${series.identity.isrc ?? ''}|${series.identity.title}`)}`,
      identity: { isrc: series.identity.isrc, title: series.identity.title, trackId: series.identity.trackId, releaseId: series.identity.releaseId },
      store: series.storeNamed ? series.store : null,
      cadence,
      points: checked.points,
      where: series.where,
      recipe,
    });
  }
  return { candidates, refusals, truncated: walk.truncated };
}
