/** Typed construction of a core message: the compiler checks the key and its placeholders. */
import type { MessageKey, MessageParamsByKey } from './keys';
import type { Message, MessageParams } from './message';

/** A typed message: its key and the parameters its English text names. */
export function message<K extends MessageKey>(key: K, ...params: MessageParamsByKey[K] extends undefined ? [] : [MessageParamsByKey[K]]): Message {
  const given = params[0] as MessageParams | undefined;
  return given ? { key, params: given } : { key };
}
