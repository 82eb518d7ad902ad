export { openStore, MAX_STORED_READINGS, type Store, type StoreOptions, type StoreState } from './store';
export { StoreError } from './errors';
export { MigrationError, openDatabase } from './open';
export { MIGRATIONS, type Migration } from './migrations';
export { ReadingError } from './reading-batch';
export { settingsPatchSchema, type SettingsPatch } from './settings';
export { identityKeysOf } from './identity';
