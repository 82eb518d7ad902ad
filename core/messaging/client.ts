/**
 * The sending side: typed requests, replies unwrapped. The transport is passed in
 * (browser.runtime.sendMessage in the extension) so this module stays free of browser globals.
 */
import type { MessageType, Reply, RequestOf, ResponseOf } from './protocol';

type Transport = (message: unknown) => Promise<unknown>;

class MessageError extends Error {
  override name = 'MessageError';
}

export function createClient(transport: Transport) {
  return async function send<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    const reply = (await transport({ type, payload })) as Reply<K> | undefined;
    if (!reply || typeof reply !== 'object') throw new MessageError(`${type}: no answer from the background`);
    if (!reply.ok) throw new MessageError(reply.error);
    return reply.data;
  };
}
