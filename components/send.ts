/**
 * The message client as the screens take it: a function, passed in, so component tests run
 * against fake or real handlers without a browser (the entry points pass lib/messages' `send`).
 */
import type { MessageType, RequestOf, ResponseOf } from '../core/messaging/protocol';

export type Send = <K extends MessageType>(type: K, payload: RequestOf<K>) => Promise<ResponseOf<K>>;

/** A failure's message for the screen: what the background said, without an "Error:" prefix. */
export function failureText(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
