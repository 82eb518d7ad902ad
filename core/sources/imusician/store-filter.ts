/** The store a request filters on: shared by every dashboard reader (core/sources/generic/store-filter.ts). */
export { storeFilterOf, type StoreFilter } from '../generic/store-filter';
