/**
 * The bounded search through a response body for daily series. Each object on the way may
 * give what the series below it share: a track identity, a store, a release id; the nearest
 * one wins. Depth, nodes and points are capped, so a hostile body costs little and never
 * recurses without end. Nothing here decides what is stored: it lists the series found, the
 * structures refused (with where), and the series left out as "not streams".
 */
import { identityOf, isPlainObject, releaseIdOf, type TrackIdentity, fieldsOf } from './identity';
import { isStoreContainerKey, isTrackContextKey, METRIC_KEYS, normaliseKey, notStreamsWord } from './keys';
import { readDateMap, readPointList, type PointListOutcome } from './points';
import { storeFieldOf } from './store-field';
import { dashboardStoreId, isAllStoresName, isKnownStoreName } from './stores';
import type { StoreFilter } from './store-filter';
import { ALL_STORES } from '../../model/ids';

export interface FoundSeries {
  identity: TrackIdentity;
  store: string;
  points: Array<{ day: unknown; value: unknown }>;
  /** Where in the body, for diagnostics: "data.trends.tracks[0].series". */
  where: string;
  /** The same place as keys and indexes (the series node: a point list, a date map, a chart dataset). */
  path: Array<string | number>;
  chart: boolean;
  /** The store came from the body (a field, a breakdown key, a row), not from the address or the default. */
  storeNamed: boolean;
  /** Some point rows named their own track or store field (several series share one list; per-store count columns do not count). */
  rowOwn: boolean;
}

export interface WalkOutcome {
  series: FoundSeries[];
  /** Structures refused, each "where: why". */
  problems: string[];
  /** Day/count lists of something other than daily streams (downloads, a country …). */
  notStreams: string[];
  /** Day/count lists without any track identity around them. */
  withoutIdentity: string[];
  /** The search stopped early (node, depth or point budget). */
  truncated: boolean;
}

const MAX_DEPTH = 8;
const MAX_NODES = 20_000;
const MAX_POINTS = 40_000;
const MAX_KEYS = 1000;
const MAX_ITEMS = 5000;
const MAX_NOTES = 20;

interface Scope {
  identity: TrackIdentity | null;
  /** The store the body names for this part (field, breakdown key, store-list item). */
  store: string | null;
  releaseId: string | null;
  /** Normalised key of this node in its parent (for array items: the array's key). */
  key: string;
  /** Why this part is not daily streams, when an enclosing key or field says so. */
  notStreams: string | null;
  /** Why any series found here must be refused (a store list item without a store …). */
  refuse: string | null;
  where: string;
  path: Array<string | number>;
}

const DATE_KEY = /^\d{4}-\d{2}/;
const COUNTRY_FIELDS = ['country', 'countrycode', 'territory', 'region', 'market'];

function pathPart(where: string, key: string): string {
  const safe = /^[A-Za-z_$][\w$-]{0,40}$/.test(key) ? key : JSON.stringify(key.slice(0, 30));
  return (where === '' ? safe : `${where}.${safe}`).slice(-120);
}

/** `unlabelled`: the store of a series neither the body nor the filter names (the total across stores unless a recipe says). */
export function walkResponse(body: unknown, filter: StoreFilter, unlabelled: string = ALL_STORES): WalkOutcome {
  const out: WalkOutcome = { series: [], problems: [], notStreams: [], withoutIdentity: [], truncated: false };
  let nodes = 0;
  let points = 0;
  const note = (list: string[], text: string) => {
    if (list.length < MAX_NOTES && !list.includes(text)) list.push(text);
  };

  function storeFor(scope: Scope, rowStore: string | null, where: string): string | null {
    const store = rowStore ?? scope.store;
    if (store) return store;
    if (filter.kind === 'store') return filter.store;
    if (filter.kind === 'none') return unlabelled;
    note(out.problems, `${where}: ${filter.problem}`);
    return null;
  }

  function emit(outcome: Exclude<PointListOutcome, null>, scope: Scope, chart = false): void {
    const where = scope.where || '(root)';
    if (outcome.kind === 'refused') return note(out.problems, `${where}: ${outcome.problem}`);
    if (outcome.kind === 'not-streams') return note(out.notStreams, `${where} (${outcome.word})`);
    if (scope.notStreams) return note(out.notStreams, `${where} (${scope.notStreams})`);
    if (scope.refuse) return note(out.problems, `${where}: ${scope.refuse}`);
    const groups = new Map<string, FoundSeries>();
    for (const row of outcome.rows) {
      const identity = row.identity ?? scope.identity;
      if (!identity) {
        note(out.withoutIdentity, where);
        continue;
      }
      const store = storeFor(scope, row.store, where);
      if (!store) continue;
      const storeNamed = (row.store ?? scope.store) !== null;
      if (points >= MAX_POINTS) {
        out.truncated = true;
        return;
      }
      points++;
      const group = `${identity.isrc ?? ''}|${identity.trackId ?? ''}|${identity.releaseId ?? ''}|${identity.title}|${store}`;
      let series = groups.get(group);
      if (!series) {
        series = { identity, store, points: [], where, path: scope.path, chart, storeNamed, rowOwn: false };
        groups.set(group, series);
        out.series.push(series);
      }
      if (row.identity || (row.store && !row.column)) series.rowOwn = true;
      series.points.push({ day: row.day, value: row.value });
    }
  }

  function chartSeries(object: Record<string, unknown>, scope: Scope): boolean {
    const fields = fieldsOf(object);
    const labels = fields.get('labels');
    const datasets = fields.get('datasets');
    if (!Array.isArray(labels) || !Array.isArray(datasets) || labels.length === 0) return false;
    if (!labels.every((label) => typeof label === 'string' && DATE_KEY.test(label))) return false;
    const datasetsKey = Object.keys(object).find((key) => normaliseKey(key) === 'datasets') ?? 'datasets';
    datasets.slice(0, MAX_ITEMS).forEach((dataset, index) => {
      const where = `${pathPart(scope.where, 'datasets')}[${index}]`;
      const path = [...scope.path, datasetsKey, index];
      if (!isPlainObject(dataset)) return;
      const dsFields = fieldsOf(dataset);
      const data = dsFields.get('data');
      const label = typeof dsFields.get('label') === 'string' ? (dsFields.get('label') as string).trim().slice(0, 500) : '';
      if (!Array.isArray(data)) return note(out.problems, `${where}: no data list`);
      if (data.length !== labels.length) return note(out.problems, `${where}: ${data.length} values for ${labels.length} days`);
      const own = identityOf(dataset, { trackContext: false, releaseId: scope.releaseId });
      const rows = data.map((value, i) => ({ day: labels[i], value, identity: null, store: null }));
      if (own) {
        const identity = own.title === '' && label !== '' ? { ...own, title: label } : own;
        return emit({ kind: 'points', rows }, { ...scope, identity, where, path }, true);
      }
      if (scope.identity && (isKnownStoreName(label) || isAllStoresName(label))) {
        return emit({ kind: 'points', rows }, { ...scope, store: dashboardStoreId(label), where, path }, true);
      }
      note(out.problems, `${where}: chart series ${JSON.stringify(label.slice(0, 40))} names its track by a label only (no ISRC or track id)`);
    });
    return true;
  }

  function visit(node: unknown, scope: Scope, depth: number, inStoreList = false): void {
    if (depth > MAX_DEPTH || nodes >= MAX_NODES) {
      if (Array.isArray(node) || isPlainObject(node)) out.truncated = true;
      return;
    }
    nodes++;
    if (Array.isArray(node)) {
      const list = readPointList(node);
      if (list) return emit(list, scope);
      const itemsAreStores = isStoreContainerKey(scope.key);
      node.slice(0, MAX_ITEMS).forEach((item, index) => visit(item, { ...scope, where: `${scope.where}[${index}]`, path: [...scope.path, index] }, depth + 1, itemsAreStores));
      if (node.length > MAX_ITEMS) out.truncated = true;
      return;
    }
    if (isPlainObject(node)) visitObject(node, scope, depth, inStoreList);
  }

  function visitObject(object: Record<string, unknown>, outer: Scope, depth: number, inStoreList: boolean): void {
    const fields = fieldsOf(object);
    const scope: Scope = { ...outer };
    for (const key of METRIC_KEYS) {
      const value = fields.get(key);
      const word = typeof value === 'string' ? notStreamsWord(value) : null;
      if (word) scope.notStreams ??= word;
    }
    for (const key of COUNTRY_FIELDS) if (typeof fields.get(key) === 'string') scope.notStreams ??= key;
    const identity = identityOf(object, { trackContext: isTrackContextKey(outer.key), releaseId: outer.releaseId });
    if (identity) scope.identity = identity;
    scope.releaseId = releaseIdOf(object) ?? outer.releaseId;
    const store = storeFieldOf(object, inStoreList);
    if (store && 'problem' in store) return note(out.problems, `${outer.where || '(root)'}: ${store.problem}`);
    if (store) scope.store = store.store;
    else if (inStoreList) scope.refuse ??= 'an item of a store list names no store';
    if (chartSeries(object, scope)) return;
    const dateMap = readDateMap(object);
    if (dateMap) return emit(dateMap, scope);

    const keys = Object.keys(object);
    // A store breakdown keyed by name: under a store-ish key, with at least one store we know
    // among its keys (`stores: {items: […]}` is a wrapper, not a store called "items").
    const storeKeys = !inStoreList && isStoreContainerKey(outer.key) && keys.some((key) => isKnownStoreName(key) || isAllStoresName(key));
    if (keys.length > MAX_KEYS) out.truncated = true;
    for (const raw of keys.slice(0, MAX_KEYS)) {
      if (raw === '__proto__') continue;
      const child = object[raw];
      if (!Array.isArray(child) && !isPlainObject(child)) continue;
      const key = normaliseKey(raw);
      const childScope: Scope = { ...scope, key, where: pathPart(outer.where, raw), path: [...outer.path, raw] };
      // A key naming a store: any key of a store breakdown, or a store we know anywhere.
      if ((storeKeys && !DATE_KEY.test(raw)) || isKnownStoreName(raw)) {
        const keyStore = dashboardStoreId(raw);
        if (keyStore) childScope.store = keyStore;
        else if (storeKeys) {
          note(out.problems, `${childScope.where}: store ${JSON.stringify(raw.slice(0, 40))} names no store`);
          continue;
        }
      } else {
        const word = notStreamsWord(key);
        if (word) childScope.notStreams ??= word;
      }
      visit(child, childScope, depth + 1);
    }
  }

  visit(body, { identity: null, store: null, releaseId: null, key: '', notStreams: null, refuse: null, where: '', path: [] }, 0);
  return out;
}
