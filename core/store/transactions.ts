/**
 * The store's connection and its transactions. Every logical write is one transaction, and
 * nothing but IndexedDB requests is awaited inside one (awaiting anything else would commit
 * it early): a write that fails or is cut off (the service worker stopped) leaves no half of
 * itself behind. Each caller names its durability: 'strict' for what the artist did and waits
 * for (an import, a link, a deletion, a recipe), 'default' for readings (a page sends a
 * reading again until it is stored), settings and reads.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { StoreError, toStoreError } from './errors';
import { MIGRATIONS, type Migration } from './migrations';
import { openDatabase } from './open';
import { DEFAULT_DB_NAME, type CrosscountDB } from './schema';

type Db = IDBPDatabase<CrosscountDB>;
export type Name = StoreNames<CrosscountDB>;
export type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<CrosscountDB, Name[], Mode>;
export type WriteTx = Tx<'readwrite'>;

export type StoreState = 'open' | 'closed' | 'terminated';

export interface StoreOptions {
  /** Where IndexedDB comes from: the browser's `indexedDB` by default, a fake one in tests. */
  factory?: IDBFactory;
  name?: string;
  /** The layout steps; tests inject a shortened or failing list. */
  migrations?: readonly Migration[];
}

/**
 * Runs `body` in one transaction over `names`; `what` names it in the error the artist sees.
 * A body that throws aborts the transaction; its result is returned only once it committed.
 */
export type Transact = <T, Mode extends IDBTransactionMode>(
  what: string,
  names: Name[],
  mode: Mode,
  durability: IDBTransactionDurability,
  body: (tx: Tx<Mode>) => Promise<T>,
) => Promise<T>;

export interface Connection {
  /** `closed` after close() or when a newer version asked us to; `terminated` when the browser closed it. */
  readonly state: StoreState;
  transact: Transact;
  close(): void;
}

export async function openConnection(options: StoreOptions = {}): Promise<Connection> {
  let state: StoreState = 'open';
  let db: Db;
  try {
    db = (await openDatabase({
      factory: options.factory,
      name: options.name ?? DEFAULT_DB_NAME,
      migrations: options.migrations ?? MIGRATIONS,
      callbacks: {
        // A newer version (an updated extension in another context) waits for us: let it in.
        blocking: () => {
          state = 'closed';
          db.close();
        },
        terminated: () => {
          state = 'terminated';
        },
      },
    })) as unknown as Db;
  } catch (error) {
    throw toStoreError(error, 'Opening the Crosscount database');
  }

  function usable(): Db {
    if (state === 'terminated') {
      throw new StoreError('The browser closed the Crosscount database (storage cleared or a disk error); reload the page to reopen it', 'terminated');
    }
    if (state === 'closed') throw new StoreError('The Crosscount database is closed (an update is being installed); try again', 'closed');
    return db;
  }

  async function transact<T, Mode extends IDBTransactionMode>(
    what: string,
    names: Name[],
    mode: Mode,
    durability: IDBTransactionDurability,
    body: (tx: Tx<Mode>) => Promise<T>,
  ): Promise<T> {
    let tx: Tx<Mode>;
    try {
      tx = usable().transaction(names, mode, { durability });
    } catch (error) {
      throw toStoreError(error, what);
    }
    const done = tx.done;
    done.catch(() => {
      // Observed below; this only keeps an abort from being reported as unhandled.
    });
    let result: T;
    try {
      result = await body(tx);
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already finished or aborted by the failed request.
      }
      throw toStoreError(error, what);
    }
    try {
      await done;
    } catch (error) {
      throw toStoreError(tx.error ?? error, what);
    }
    return result;
  }

  return {
    get state() {
      return state;
    },
    transact,
    close() {
      if (state === 'open') state = 'closed';
      db.close();
    },
  };
}
