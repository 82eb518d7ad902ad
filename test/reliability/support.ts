/**
 * The real path for reliability tests: the background's handlers behind the router (sender
 * checks, payload validation) over a real store on fake-indexeddb, with the data an artist
 * has after a month (one S4A reading, one iMusician reading).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { routeMessage, type Sender } from '../../core/messaging/router';
import type { MessageType, Reply } from '../../core/messaging/protocol';
import { openStore, type Store } from '../../core/store';
import { SITES } from '../../core/sites';
import type { History } from '../../core/model/history';
import { createHandlers } from '../../entrypoints/background/handlers';
import { imusicianReading, s4aReading } from '../unit/store/fixtures';

export const extensionPage: Sender = { kind: 'extension' };
export const s4aTab: Sender = { kind: 'content', site: SITES.find((site) => site.id === 'spotify')!, tabId: 7, incognito: false };
export const imusicianTab: Sender = { kind: 'content', site: SITES.find((site) => site.id === 'imusician')!, tabId: 8, incognito: false };

export interface World {
  store: Store;
  send(type: MessageType, payload: unknown, sender?: Sender): Promise<Reply<MessageType>>;
  snapshot(): Promise<{ history: History; readings: number }>;
}

/** A store holding a month of readings, behind the real handlers. */
export async function worldWithData(factory: IDBFactory = new IDBFactory()): Promise<World> {
  const store = await openStore({ factory });
  await store.ingestReading(s4aReading(), { refused: null });
  await store.ingestReading(imusicianReading(), { refused: null });
  const handlers = createHandlers(async () => store);
  return {
    store,
    send: (type, payload, sender = extensionPage) => routeMessage({ type, payload }, sender, handlers),
    async snapshot() {
      return { history: await store.getHistory(), readings: (await store.listReadings(1000)).length };
    },
  };
}
