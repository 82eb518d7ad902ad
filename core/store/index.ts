export { openStore, MAX_STORED_READINGS, type Store, type StoreOptions } from './store';
export { StoreError } from './errors';
export { MigrationError, openDatabase } from './open';
export { MIGRATIONS, type Migration } from './migrations';


export { identityKeysOf } from './identity';
