/**
 * Test helpers for the screens: a `send` over the real background handlers and a real store
 * (fake-indexeddb), views built with the real core, and the demo year of history.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { routeMessage } from '../../../core/messaging/router';
import type { MessageType, RequestOf, ResponseOf } from '../../../core/messaging/protocol';
import { openStore, type Store } from '../../../core/store';
import type { History } from '../../../core/model/history';
import { buildOverview } from '../../../core/views/build';
import type { Overview } from '../../../core/views/types';
import { createHandlers, type HandlerOptions } from '../../../entrypoints/background/handlers';
import type { Send } from '../../../components/send';
import { demoHistory } from '../../fixtures/ui/demo-history';

export const TODAY = '2026-04-20';
export const NOW = new Date(`${TODAY}T12:00:00.000Z`);
export const now = () => NOW;

/** The demo year as of TODAY. */
export function demo(): History {
  return demoHistory(TODAY, NOW);
}

export function demoOverview(history: History = demo()): Overview {
  return buildOverview(history, { asOf: NOW.toISOString(), settleDays: 5, assumedListenerMinimum: null }, { spotify: '2026-04-20T10:00:00.000Z', imusician: null });
}

/** A `send` answered by the real handlers over a fresh in-memory store; `store` for setup. */
export async function realBackground(options: HandlerOptions = {}): Promise<{ send: Send; store: Store; calls: string[] }> {
  const store = await openStore({ factory: new IDBFactory() });
  const handlers = createHandlers(async () => store, now, undefined, options);
  const calls: string[] = [];
  const send = (async <K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> => {
    calls.push(type);
    const reply = await routeMessage({ type, payload }, { kind: 'extension' }, handlers);
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as ResponseOf<K>;
  }) as Send;
  return { send, store, calls };
}

/** A `send` whose every message waits for ever (the loading state). */
export const pendingSend = (() => new Promise(() => {})) as unknown as Send;

/** A `send` that fails every message with the background's words. */
export const failingSend = (message: string) => (() => Promise.reject(new Error(message))) as unknown as Send;
