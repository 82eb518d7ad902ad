/**
 * The database's health as the background sees it: the store opened once and reopened when
 * needed, and what `ui:status` says after an open or a write the browser refused.
 */
import { StoreError, type Store } from '../../../core/store';
import type { StoreStatus } from '../../../core/messaging/protocol';
import type { Sender } from '../../../core/messaging/router';

/**
 * The store is opened on the first message, once, and reopened when opening failed or the
 * connection was closed since (a stopped worker starts here again anyway).
 */
export function storeOpener(openStoreFn: () => Promise<Store>): () => Promise<Store> {
  let opening: Promise<Store> | null = null;
  const reopen = (stale: Promise<Store> | null): Promise<Store> => {
    // Only the first caller to see a stale promise replaces it; the others share the new one.
    if (opening === stale) opening = openStoreFn();
    return opening!;
  };
  return () => {
    const current = opening;
    if (!current) return reopen(null);
    return current.then(
      (store) => (store.state === 'open' ? store : reopen(current)),
      () => reopen(current),
    );
  };
}

/**
 * The browser's refusals that mean the database itself is unusable (no space, history
 * switched off, storage cleared, a failed or newer layout), as opposed to one bad request.
 */
const STORAGE_FAILURES = new Set(['QuotaExceededError', 'InvalidStateError', 'UnknownError', 'terminated', 'VersionError', 'migration']);

export function isStorageFailure(error: unknown): boolean {
  return error instanceof StoreError && error.code !== null && STORAGE_FAILURES.has(error.code);
}

/**
 * What the background knows about the database's health, for `ui:status`. An open that
 * fails, or a write the browser refuses, marks it failed; the next successful open clears an
 * open failure, and only a successful write clears a write failure (reads still work when
 * the disk is full).
 */
export function storeHealth() {
  let failure: { during: 'open' | 'write'; message: string; code: string | null } | null = null;
  return {
    openFailed(error: unknown): void {
      failure = { during: 'open', message: error instanceof Error ? error.message : String(error), code: error instanceof StoreError ? error.code : null };
    },
    opened(): void {
      if (failure?.during === 'open') failure = null;
    },
    writeFailed(error: unknown): void {
      if (isStorageFailure(error)) failure = { during: 'write', message: (error as Error).message, code: (error as StoreError).code };
    },
    wrote(): void {
      failure = null;
    },
    get failing(): boolean {
      return failure !== null;
    },
    status(): StoreStatus {
      return failure ? { store: 'failed', message: failure.message, code: failure.code, readingPaused: true } : { store: 'ok', message: null, code: null, readingPaused: false };
    },
  };
}

export type StoreHealth = ReturnType<typeof storeHealth>;

/** Opens the store through storeOpener, telling the health how each open went. */
export function healthyStoreOpener(openStoreFn: () => Promise<Store>, health: StoreHealth): () => Promise<Store> {
  return storeOpener(async () => {
    try {
      const opened = await openStoreFn();
      health.opened();
      return opened;
    } catch (error) {
      health.openFailed(error);
      throw error;
    }
  });
}

/**
 * Wraps a handler that writes: a write the browser refuses marks the health failed, one that
 * succeeds (and was not paused) clears it, so one write succeeding shows the database takes
 * writes again.
 */
export function writeTracker(health: StoreHealth) {
  return <P, R>(handler: (payload: P, sender: Sender) => Promise<R>) =>
    async (payload: P, sender: Sender): Promise<R> => {
      let result: R;
      try {
        result = await handler(payload, sender);
      } catch (error) {
        health.writeFailed(error);
        throw error;
      }
      if (!(result && typeof result === 'object' && 'paused' in result && result.paused === true)) health.wrote();
      return result;
    };
}
