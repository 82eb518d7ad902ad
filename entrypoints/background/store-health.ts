/**
 * The background's hold on the database: opened on the first message and reopened when it
 * failed or was closed, and its health for `ui:status` (a failing database pauses reading).
 */
import { StoreError, type Store } from '../../core/store';
import type { MessageType, StoreStatus } from '../../core/messaging/protocol';
import type { Handlers } from '../../core/messaging/router';

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

/** The messages that write: one of them succeeding shows the database takes writes again. */
export const WRITES: ReadonlySet<MessageType> = new Set<MessageType>(['cs:reading', 'cs:setOverlayCollapsed', 'ui:importHistory', 'ui:deleteAll', 'ui:setSettings', 'ui:linkTrack', 'ui:unlinkTrack']);

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

/**
 * Every write's answer keeps the health up to date: a write the browser refuses marks it
 * failed, one that succeeds clears it (a `paused` reply stored nothing, so it clears nothing).
 */
export function trackWrites(handlers: Handlers, health: ReturnType<typeof storeHealth>): Handlers {
  const tracked = { ...handlers };
  for (const type of Object.keys(handlers) as MessageType[]) {
    if (!WRITES.has(type)) continue;
    const handler = handlers[type] as (payload: unknown, sender: Parameters<Handlers[MessageType]>[1]) => Promise<unknown>;
    (tracked as Record<MessageType, unknown>)[type] = async (payload: unknown, sender: Parameters<Handlers[MessageType]>[1]) => {
      let result: unknown;
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
  return tracked;
}
