/**
 * A browser's site access for the screens' tests: the origins granted, `request` answered as
 * the artist would (yes or no), every call recorded, and the background's view of the same
 * grants (`DashboardAccess`), so the page and the handlers agree as in the browser.
 */
import { vi } from 'vitest';
import { HOST_PERMISSIONS } from '../../../core/sites';
import type { SiteAccessApi } from '../../../components/site-access';
import type { DashboardAccess } from '../../../entrypoints/background/handlers/dashboards';

type Listener = (permissions: { origins?: string[] }) => void;

/** `scriptsFailure`: the browser refuses to register the dashboards' scripts with these words. */
export function fakeSiteAccess(options: { answer?: boolean; granted?: readonly string[]; scriptsFailure?: string } = {}) {
  const granted = new Set<string>([...HOST_PERMISSIONS, ...(options.granted ?? [])]);
  const added = new Set<Listener>();
  const removed = new Set<Listener>();
  const synced: string[][] = [];
  const api = {
    contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => granted.has(origin))),
    request: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      if (options.answer === false) return false;
      for (const origin of origins) granted.add(origin);
      for (const listener of added) listener({ origins });
      return true;
    }),
    remove: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      for (const origin of origins) granted.delete(origin);
      for (const listener of removed) listener({ origins });
      return true;
    }),
    onAdded: { addListener: (listener: Listener) => added.add(listener), removeListener: (listener: Listener) => added.delete(listener) },
    onRemoved: { addListener: (listener: Listener) => removed.add(listener), removeListener: (listener: Listener) => removed.delete(listener) },
  } satisfies SiteAccessApi;
  const background: DashboardAccess = {
    granted: async (origin) => granted.has(origin),
    sync: async (store) => void synced.push((await store.listTaughtSites()).map((site) => site.id)),
    lastFailure: async () => options.scriptsFailure ?? null,
  };
  return { api, background, granted, synced };
}
