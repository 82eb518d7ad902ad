/**
 * iMusician's store names are the dashboards' shared vocabulary (core/sources/generic/stores.ts):
 * a store has one id whether a sales report, iMusician's trends or a taught dashboard named it.
 */
export { dashboardStoreId as imusicianStoreId, isAllStoresName, isKnownStoreName } from '../generic/stores';
