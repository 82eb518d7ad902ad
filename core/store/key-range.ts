/**
 * Key ranges. IDBKeyRange comes from the environment that provides IndexedDB (the browser, or
 * fake-indexeddb/auto in Node); it is looked up when used, so importing the store never
 * touches a browser global.
 */
function keyRange(): typeof IDBKeyRange {
  const range = (globalThis as { IDBKeyRange?: typeof IDBKeyRange }).IDBKeyRange;
  if (!range) throw new Error('IndexedDB is not available here (no IDBKeyRange)');
  return range;
}

/** Every compound key that starts with `prefix`: arrays sort after every string in IndexedDB. */
export function prefixRange(...prefix: string[]): IDBKeyRange {
  return keyRange().bound(prefix, [...prefix, []]);
}

/** Keys from `first` to `last`, both included (keys of the same length, e.g. bucket keys). */
export function closedRange(first: string[], last: string[]): IDBKeyRange {
  return keyRange().bound(first, last);
}

/** Every key after `key` (paging through a store in key order). */
export function rangeAfter(key: IDBValidKey): IDBKeyRange {
  return keyRange().lowerBound(key, true);
}
