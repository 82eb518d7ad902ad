/** What every group of handlers is given: the store, the clock, the health and the kept views. */
import type { Store } from '../../../core/store';
import type { Handlers, Sender } from '../../../core/messaging/router';
import type { MessageType } from '../../../core/messaging/protocol';
import type { StoreHealth } from './store-health';
import type { ViewCaches } from './caches';

/** Opens the history page in a new tab at an address fragment (the background passes the browser's way). */
export type HistoryPageOpener = (fragment: string) => Promise<unknown>;

export interface HandlerContext {
  /** The open store (opened on first use, reopened when closed: ./store-health.ts). */
  store: () => Promise<Store>;
  now: () => Date;
  openHistoryPage: HistoryPageOpener;
  health: StoreHealth;
  views: ViewCaches;
  /** Marks a handler as one that writes, so its outcome keeps the health up to date. */
  write: <P, R>(handler: (payload: P, sender: Sender) => Promise<R>) => (payload: P, sender: Sender) => Promise<R>;
}

/** The handlers for some of the messages; ./index.ts puts every group together. */
export type HandlerGroup<K extends MessageType> = Pick<Handlers, K>;
