/**
 * The background's answers to each message, over the store. Thin on purpose: the rules live
 * in core/store (what a write does) and core/messaging (who may ask). The router has already
 * checked the sender's kind and validated the payload.
 *
 * Each file here answers one group of messages; this is the one place that puts them
 * together. A new feature's messages: one file exporting `xHandlers(context)` (a
 * HandlerGroup, its writes wrapped in `context.write`) and one line below. The type checker
 * refuses a map that misses a message of core/messaging/protocol.ts.
 */
import type { Handlers } from '../../../core/messaging/router';
import { openStore, type Store } from '../../../core/store';
import type { HandlerContext, HistoryPageOpener } from './context';
import { healthyStoreOpener, storeHealth, writeTracker } from './store-health';
import { viewCaches } from './caches';
import { readingHandlers } from './readings';
import { overlayHandlers } from './overlay';
import { trackHandlers } from './tracks';
import { historyHandlers } from './history';
import { settingsHandlers } from './settings';
import { diagnosticsHandlers } from './diagnostics';

export { OVERVIEW_REFRESH_DELAY_MS } from './caches';
export { storeOpener, storeHealth } from './store-health';
export type { HistoryPageOpener } from './context';

export interface HandlerOptions {
  /**
   * Compute the overview in the background as soon as the data changed (after
   * OVERVIEW_REFRESH_DELAY_MS without another change), so the popup finds it ready.
   */
  precomputeOverview?: boolean;
}

export function createHandlers(
  openStoreFn: () => Promise<Store> = () => openStore(),
  now: () => Date = () => new Date(),
  openHistoryPage: HistoryPageOpener = async () => undefined,
  options: HandlerOptions = {},
): Handlers {
  const health = storeHealth();
  const store = healthyStoreOpener(openStoreFn, health);
  const context: HandlerContext = {
    store,
    now,
    openHistoryPage,
    health,
    views: viewCaches(store, now, options.precomputeOverview === true),
    write: writeTracker(health),
  };
  return {
    ...readingHandlers(context),
    ...overlayHandlers(context),
    ...trackHandlers(context),
    ...historyHandlers(context),
    ...settingsHandlers(context),
    ...diagnosticsHandlers(context),
  };
}
