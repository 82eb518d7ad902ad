/** A fake `browser.permissions`: a set of granted origins, listeners, and a scripted answer to `request`. */
import type { PermissionsApi } from '../../../core/permissions';

type Listener = (permissions: { origins?: string[] }) => void;

export function fakePermissions(granted: readonly string[], answer: (origins: string[]) => boolean | Error = () => true) {
  const held = new Set(granted);
  const added = new Set<Listener>();
  const removed = new Set<Listener>();
  const requests: string[][] = [];
  const api: PermissionsApi = {
    async contains({ origins = [] }) {
      return origins.every((origin) => held.has(origin));
    },
    async request({ origins = [] }) {
      requests.push(origins);
      const result = answer(origins);
      if (result instanceof Error) throw result;
      if (result) {
        origins.forEach((origin) => held.add(origin));
        added.forEach((listener) => listener({ origins }));
      }
      return result;
    },
    onAdded: { addListener: (listener) => void added.add(listener), removeListener: (listener) => void added.delete(listener) },
    onRemoved: { addListener: (listener) => void removed.add(listener), removeListener: (listener) => void removed.delete(listener) },
  };
  return {
    api,
    requests,
    listenerCount: () => added.size + removed.size,
    /** As when the artist takes access back from the browser's menu. */
    revoke(origin: string) {
      held.delete(origin);
      removed.forEach((listener) => listener({ origins: [origin] }));
    },
  };
}
