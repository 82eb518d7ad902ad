import type { IDBPDatabase, IDBPTransaction } from 'idb';

/**
 * One numbered step of the database layout. Migrations run in order inside the version-change
 * transaction, so a step that throws aborts the whole upgrade and the database stays at its
 * old version with its data. They see the database untyped: the layout differs per version.
 * Only IndexedDB work may be awaited inside `migrate` (anything else commits the transaction).
 */
export interface Migration {
  version: number;
  description: string;
  migrate(db: IDBPDatabase<unknown>, tx: IDBPTransaction<unknown, string[], 'versionchange'>): void | Promise<void>;
}
