/**
 * The store a request filters on, from its address (`?store=spotify`, `?dsp=spotify`,
 * `?filter[shop]=Apple Music`, `?stores=spotify,deezer`). A series the body does not label
 * gets this store; without a filter it is the total across stores ("all").
 */
import { normaliseKey } from './keys';
import { dashboardStoreId } from './stores';

export type StoreFilter =
  /** No store parameter (or an empty one): unlabelled series are totals across stores. */
  | { kind: 'none' }
  | { kind: 'store'; store: string }
  /** A filter we cannot turn into one store (several stores, an internal number …). */
  | { kind: 'unclear'; problem: string };

/** The parameter names of a store filter; a built-in recipe names its own (core/recipes/types.ts `storeFilter`, the same words for iMusician). */
export const STORE_FILTER_WORDS: readonly string[] = ['store', 'stores', 'shop', 'shops', 'dsp', 'dsps', 'platform', 'platforms', 'service', 'services'];

function isStoreParameter(name: string, words: readonly string[]): boolean {
  // "storeId", "dsp_ids", "shopName" are store parameters too ("filter[store]" ends in "store").
  const key = normaliseKey(name).replace(/(ids?|names?)$/, '');
  return words.some((word) => key === word || key.endsWith(word));
}

export function storeFilterOf(url: string, words: readonly string[] = STORE_FILTER_WORDS): StoreFilter {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'none' };
  }
  const values: string[] = [];
  for (const [name, value] of parsed.searchParams) {
    if (!isStoreParameter(name, words)) continue;
    for (const part of value.split(/[,|;]/)) if (part.trim() !== '') values.push(part.trim());
  }
  if (values.length === 0) return { kind: 'none' };
  const stores = new Set<string>();
  for (const value of values) {
    const store = dashboardStoreId(value);
    if (store === null) return { kind: 'unclear', problem: `the request filters stores by ${JSON.stringify(value.slice(0, 40))}, which names no store` };
    stores.add(store);
  }
  if (stores.size > 1) return { kind: 'unclear', problem: `the request filters on several stores (${[...stores].slice(0, 5).join(', ')}): neither one store nor all` };
  return { kind: 'store', store: [...stores][0]! };
}
