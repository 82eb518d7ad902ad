/**
 * The background's answers to each message, over the store. Thin on purpose: the rules live
 * in core/store (what a write does) and core/messaging (who may ask). The router has already
 * checked the sender's kind and validated the payload.
 */
import { HistoryFileError, parseHistoryFile } from '../../core/history/parse';
import type { Handlers } from '../../core/messaging/router';
import { openStore, readingRefusal, type Store } from '../../core/store';

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

export function createHandlers(openStoreFn: () => Promise<Store> = () => openStore()): Handlers {
  const store = storeOpener(openStoreFn);
  return {
    async 'cs:reading'(reading, sender) {
      const opened = await store();
      const refused = readingRefusal(reading, sender, await opened.getSettings());
      const { added, unchanged } = await opened.ingestReading(reading, { refused });
      return { readingId: reading.id, added, unchanged, stored: refused === null, note: refused };
    },
    async 'ui:getHistory'() {
      return (await store()).getHistory();
    },
    async 'ui:getReadings'({ limit }) {
      return { readings: await (await store()).listReadings(limit) };
    },
    async 'ui:importHistory'({ fileName, text }) {
      // Parsed before the store is touched: a refused file changes nothing.
      let history;
      try {
        history = parseHistoryFile(text);
      } catch (error) {
        if (error instanceof HistoryFileError && fileName) throw new Error(`${fileName}: ${error.message}`, { cause: error });
        throw error;
      }
      return (await store()).importHistory(history);
    },
    async 'ui:deleteAll'() {
      await (await store()).deleteAll();
      return { deleted: true };
    },
    async 'ui:getSettings'() {
      return (await store()).getSettings();
    },
    async 'ui:setSettings'(patch) {
      return (await store()).setSettings(patch);
    },
  };
}
