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

/** Keys from `first` to `last`, both included, and every longer key that starts with `last`. */
export function boundRange(first: string[], last: string[]): IDBKeyRange {
  return keyRange().bound(first, [...last, []]);
}
