/**
 * Reading with a confirmed recipe: exactly what it points to, every point checked. A recipe that
 * no longer matches the response (a path gone, a value that is not a count, a day that is not a
 * day in its format, the identity or store gone, a weekly series whose days are not 7 apart)
 * reads nothing at all and says why: nothing is guessed and nothing partial is stored.
 */
import { idOf, isPlainObject, MAX_TITLE } from '../sources/generic/identity';
import { dashboardStoreId } from '../sources/generic/stores';
import { normaliseIsrc } from '../model/isrc';
import { parseCount } from '../sources/shared/values';
import { recipeMatchesResponse } from './address';
import { dayIn, daysBetween } from './days';
import { keyAbove, relativeValue, resolvePath, valueAt, type PathMatch } from './json-path';
import { WILDCARD, type CandidateIdentity, type CandidatePoint, type NoMatchReason, type Recipe, type RecipeReading, type RecipeSeries } from './types';

const MAX_POINTS = 40_000;
const MAX_SERIES_POINTS = 10_000;

class NoMatch extends Error {
  constructor(
    readonly reason: NoMatchReason,
    readonly where: string,
  ) {
    super(reason);
  }
}

function whereOf(keys: ReadonlyArray<string | number>): string {
  return (
    keys
      // A wildcard is written as a list index, "data.tracks[*].daily", as describeRecipe does.
      .map((key, index) => (typeof key === 'number' || key === WILDCARD ? `[${key}]` : `${index === 0 ? '' : '.'}${/^[A-Za-z_$][\w$-]{0,40}$/.test(key) ? key : JSON.stringify(key.slice(0, 30))}`))
      .join('')
      .slice(-120) || '(root)'
  );
}

function identityOfMatch(recipe: Recipe, match: PathMatch, where: string): CandidateIdentity {
  const paths = recipe.identity;
  const raw = (path: typeof paths.isrc) => (path ? relativeValue(match, path) : undefined);
  const isrcValue = raw(paths.isrc);
  const isrc = typeof isrcValue === 'string' ? normaliseIsrc(isrcValue) : null;
  const titleValue = raw(paths.title);
  const title = typeof titleValue === 'string' ? titleValue.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE) : '';
  const trackId = paths.trackId ? idOf(raw(paths.trackId)) : null;
  const releaseId = paths.releaseId ? idOf(raw(paths.releaseId)) : null;
  // Every path the recipe names must still lead to its kind of value.
  if ((paths.isrc && !isrc) || (paths.title && title === '') || (paths.trackId && !trackId) || (paths.releaseId && !releaseId)) throw new NoMatch('identity-missing', where);
  if (!isrc && !(trackId && title) && !(releaseId && title)) throw new NoMatch('identity-missing', where);
  return { isrc, title, trackId, releaseId };
}

function storeOfMatch(recipe: Recipe, match: PathMatch, where: string): string {
  const store = recipe.store;
  if (store.kind === 'fixed') return store.store;
  let name: unknown;
  if (store.kind === 'key') name = keyAbove(match, store.up);
  else name = relativeValue(match, store.at);
  const id = typeof name === 'string' ? dashboardStoreId(name) : null;
  if (!id) throw new NoMatch('store-missing', where);
  return id;
}

function rawPoints(recipe: Recipe, match: PathMatch, where: string): Array<{ day: unknown; value: unknown }> {
  const node = match.node;
  const shape = recipe.points;
  switch (shape.kind) {
    case 'rows': {
      if (!Array.isArray(node)) throw new NoMatch('path-missing', where);
      const points = node.map((row) => {
        if (!isPlainObject(row)) throw new NoMatch('path-missing', where);
        return { day: valueAt(row, shape.day), value: valueAt(row, shape.value) };
      });
      // A row without the count (a store that did not report that day) has nothing to read;
      // a list where no row has it no longer matches.
      const present = points.filter((point) => point.value !== undefined && point.value !== null);
      if (points.length > 0 && present.length === 0) throw new NoMatch('path-missing', where);
      return present;
    }
    case 'pairs':
      if (!Array.isArray(node)) throw new NoMatch('path-missing', where);
      return node.map((pair) => {
        if (!Array.isArray(pair) || pair.length !== 2) throw new NoMatch('path-missing', where);
        return { day: pair[shape.day], value: pair[shape.value] };
      });
    case 'map':
      if (!isPlainObject(node)) throw new NoMatch('path-missing', where);
      return Object.keys(node)
        .filter((key) => key !== '__proto__')
        .map((key) => ({ day: key, value: node[key] }));
    case 'parallel': {
      const days = relativeValue(match, shape.days);
      const values = valueAt(node, shape.values);
      if (!Array.isArray(days) || !Array.isArray(values) || days.length !== values.length) throw new NoMatch('path-missing', where);
      return days.map((day, index) => ({ day, value: values[index] }));
    }
  }
}

function checked(recipe: Recipe, raw: ReadonlyArray<{ day: unknown; value: unknown }>, where: string): CandidatePoint[] {
  if (raw.length > MAX_SERIES_POINTS) throw new NoMatch('too-large', where);
  const byDay = new Map<string, number>();
  for (const point of raw) {
    const day = dayIn(recipe.dayFormat, point.day);
    if (day === null) throw new NoMatch('not-a-date', where);
    const count = parseCount(point.value);
    if (count === null) throw new NoMatch('not-a-count', where);
    const seen = byDay.get(day);
    if (seen !== undefined && seen !== count) throw new NoMatch('conflict', where);
    byDay.set(day, count);
  }
  const points = [...byDay.entries()].map(([day, count]) => ({ day, count })).sort((a, b) => (a.day < b.day ? -1 : 1));
  if (recipe.cadence === 'weekly') {
    for (let i = 1; i < points.length; i++) if (daysBetween(points[i - 1]!.day, points[i]!.day) % 7 !== 0) throw new NoMatch('not-a-date', where);
  }
  return points;
}

export function applyRecipe(recipe: Recipe, url: string, body: unknown, method: string = recipe.response.method): RecipeReading {
  if (!recipeMatchesResponse(recipe, url, method)) return { kind: 'no-match', reason: 'address', where: '(address)' };
  if (body === null || typeof body !== 'object') return { kind: 'no-match', reason: 'not-json', where: '(root)' };
  try {
    const resolved = resolvePath(body, recipe.series);
    if (resolved.truncated) throw new NoMatch('too-large', '(root)');
    if (resolved.matches.length === 0) throw new NoMatch('path-missing', whereOf(recipe.series));
    const series: RecipeSeries[] = [];
    const seen = new Map<string, number>();
    let total = 0;
    for (const match of resolved.matches) {
      const where = whereOf(match.keys);
      const points = checked(recipe, rawPoints(recipe, match, where), where);
      const identity = identityOfMatch(recipe, match, where);
      const store = storeOfMatch(recipe, match, where);
      total += points.length;
      if (total > MAX_POINTS) throw new NoMatch('too-large', where);
      const ref = `${identity.isrc ?? ''}|${identity.trackId ?? ''}|${identity.releaseId ?? ''}|${identity.title}|${store}`;
      for (const point of points) {
        const key = `${ref}|${point.day}`;
        const before = seen.get(key);
        if (before !== undefined && before !== point.count) throw new NoMatch('conflict', where);
        seen.set(key, point.count);
      }
      series.push({ identity, store, cadence: recipe.cadence, points, where });
    }
    return { kind: 'read', series };
  } catch (error) {
    if (error instanceof NoMatch) return { kind: 'no-match', reason: error.reason, where: error.where };
    // Defence in depth: nothing above should throw anything else, but a page can send anything.
    return { kind: 'no-match', reason: 'path-missing', where: '(root)' };
  }
}
