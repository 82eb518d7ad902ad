// TODO(issue 2, store helper): the handlers over core/store.
import type { Handlers } from '../../core/messaging/router';

export function createHandlers(): Handlers {
  throw new Error('not implemented');
}
