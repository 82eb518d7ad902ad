/**
 * One logical write, one IndexedDB transaction: the body runs inside it and nothing but
 * IndexedDB requests may be awaited there (awaiting anything else would commit it early). A
 * body that throws aborts the transaction, so a failed or cut-off write leaves no half of itself.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { toStoreError } from './errors';
import type { CrosscountDB } from './schema';

export type Db = IDBPDatabase<CrosscountDB>;
export type Name = StoreNames<CrosscountDB>;
export type Tx<Mode extends IDBTransactionMode> = IDBPTransaction<CrosscountDB, Name[], Mode>;
export type WriteTx = Tx<'readwrite'>;

export type Transact = <T, Mode extends IDBTransactionMode>(
  what: string,
  names: Name[],
  mode: Mode,
  durability: IDBTransactionDurability,
  body: (tx: Tx<Mode>) => Promise<T>,
) => Promise<T>;

/** Runs bodies in transactions of the database `usable()` returns (it throws when closed). */
export function transactor(usable: () => Db): Transact {
  return async function transact<T, Mode extends IDBTransactionMode>(
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
  };
}
