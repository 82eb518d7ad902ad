/**
 * The store an object names about itself: `{store: "Spotify"}`, `{shop: {name: "Deezer"}}`,
 * or a `name`/`label`/`title` that is a store we know (`{name: "Apple Music", data: […]}`).
 */
import type { Message } from '../../i18n/message';
import { message } from '../../i18n/typed';
import { fieldsOf, isPlainObject } from './identity';
import { LABEL_KEYS, STORE_KEYS } from './keys';
import { dashboardStoreId, isKnownStoreName } from './stores';

type StoreField = { store: string } | { problem: Message } | null;

function storeName(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const fields = fieldsOf(value);
  return fields.get('name') ?? fields.get('label') ?? fields.get('title');
}

/**
 * `inStoreList`: the object is an item of a list of stores (`stores: [{name, data}]`), where
 * a name is the store's even when it is not one we know ("24/7 MusicShop").
 */
export function storeFieldOf(object: Record<string, unknown>, inStoreList = false): StoreField {
  const fields = fieldsOf(object);
  for (const key of STORE_KEYS) {
    if (!fields.has(key)) continue;
    const name = storeName(fields.get(key));
    const store = dashboardStoreId(name);
    if (store) return { store };
    // The store's name is the data's own words, kept as they are.
    return { problem: message('readerStoreUnknown', { store: JSON.stringify(typeof name === 'string' ? name.slice(0, 40) : (name ?? null)) }) };
  }
  for (const key of [...LABEL_KEYS, 'title']) {
    const value = fields.get(key);
    if (typeof value !== 'string') continue;
    if (isKnownStoreName(value)) return { store: dashboardStoreId(value)! };
    const store = inStoreList ? dashboardStoreId(value) : null;
    if (store) return { store };
  }
  return null;
}
