/**
 * Opening the database: idb's openDB, but over an injected IDBFactory (so Node tests pass a
 * fake-indexeddb factory per test) and running the numbered migrations in the upgrade.
 */
import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { StoreError } from './errors';
import { checkMigrations, type Migration } from './migrations';

interface OpenCallbacks {
  /** An older connection elsewhere keeps this upgrade waiting. */
  blocked?(): void;
  /** A newer version wants to open: close, or it waits for us forever. */
  blocking?(): void;
  /** The browser closed the connection (storage cleared, disk error). */
  terminated?(): void;
}

/** An upgrade step failed; the version-change transaction aborted, so nothing changed. */
export class MigrationError extends StoreError {
  override name = 'MigrationError';
}

function defaultFactory(): IDBFactory {
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) throw new Error('IndexedDB is not available in this context');
  return factory;
}

export async function openDatabase(options: {
  factory?: IDBFactory;
  name: string;
  migrations: readonly Migration[];
  callbacks?: OpenCallbacks;
}): Promise<IDBPDatabase<unknown>> {
  const version = checkMigrations(options.migrations);
  const factory = options.factory ?? defaultFactory();
  const request = factory.open(options.name, version);
  // A holder, not a `let`: it is set inside the event listener.
  const failure: { migration: { version: number; error: unknown } | null } = { migration: null };

  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result);
    const tx = wrap(request.transaction!) as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
    // The outcome is seen through the open request; this only keeps an abort from being reported as unhandled.
    tx.done.catch(() => {});
    const pending = options.migrations.filter((migration) => migration.version > event.oldVersion);
    const fail = (migration: Migration, error: unknown) => {
      failure.migration = { version: migration.version, error };
      try {
        tx.abort();
      } catch {
        // Already aborted by the failed request itself.
      }
    };
    // Synchronous steps run back to back inside this event; an asynchronous step is awaited
    // through its IndexedDB requests only, which keeps the transaction alive.
    const runFrom = (index: number): void => {
      for (let i = index; i < pending.length; i++) {
        const migration = pending[i]!;
        let result: void | Promise<void>;
        try {
          result = migration.migrate(db, tx);
        } catch (error) {
          fail(migration, error);
          return;
        }
        if (result && typeof result.then === 'function') {
          result.then(
            () => runFrom(i + 1),
            (error: unknown) => fail(migration, error),
          );
          return;
        }
      }
    };
    runFrom(0);
  });
  if (options.callbacks?.blocked) request.addEventListener('blocked', () => options.callbacks?.blocked?.());

  let db: IDBPDatabase<unknown>;
  try {
    db = (await wrap(request)) as IDBPDatabase<unknown>;
  } catch (error) {
    if (failure.migration) {
      const { version: failedVersion, error: cause } = failure.migration;
      throw new MigrationError(
        `Upgrading the Crosscount database to version ${failedVersion} failed (${cause instanceof Error ? cause.message : String(cause)}); it was left as it was`,
        'migration',
        { cause },
      );
    }
    throw error;
  }
  if (options.callbacks?.terminated) db.addEventListener('close', () => options.callbacks?.terminated?.());
  if (options.callbacks?.blocking) db.addEventListener('versionchange', () => options.callbacks?.blocking?.());
  return db;
}
