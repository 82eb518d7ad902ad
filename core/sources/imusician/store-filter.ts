/** The store a request filters on: shared by every dashboard reader (core/sources/generic/store-filter.ts). */
export { storeFilterOf } from '../generic/store-filter';
