/**
 * The content scripts of the dashboards the artist added (docs/architecture.md "Added
 * dashboards"): the observer (main world, document_start) and the reader (isolated world) are
 * registered on every added dashboard whose site access the browser grants, and unregistered
 * everywhere else: a dashboard removed, or access taken back. Only registrations with
 * REGISTRATION_PREFIX are ever touched. Runs on every start, when access changes
 * (`permissions.onAdded` / `onRemoved`) and when the added dashboards change
 * (`syncDashboardScripts`, called by whoever changes them).
 *
 * The same answer decides who may send messages from such a page: a content script on an
 * added dashboard is a sender only while that dashboard is added and its access granted
 * (`grantedTaughtSites`, read by the sender check in ./senders.ts).
 */
import { browser } from 'wxt/browser';
import { originPattern, planRegistrations, type ScriptRegistration, type TaughtSite } from '../../core/taught-sites';
import type { Store } from '../../core/store';

/** The parts of `browser.scripting` used here (Chrome and Firefox MV3 name them alike). */
export interface ScriptingApi {
  getRegisteredContentScripts(): Promise<readonly { id: string; matches?: readonly string[] }[]>;
  registerContentScripts(scripts: ScriptRegistration[]): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
}

/** The part of `browser.permissions` used here. */
export interface OriginPermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

export interface DashboardScriptsApis {
  scripting: ScriptingApi;
  permissions: OriginPermissionsApi;
}

export interface SyncResult {
  /** The added dashboards whose scripts now run (access granted). */
  granted: TaughtSite[];
  registered: string[];
  unregistered: string[];
}

/** The added dashboards whose site access the browser grants now (one origin at a time). */
export async function grantedAmong(permissions: OriginPermissionsApi, sites: readonly TaughtSite[]): Promise<TaughtSite[]> {
  const granted = await Promise.all(sites.map((site) => permissions.contains({ origins: [originPattern(site.host)] }).catch(() => false)));
  return sites.filter((_, index) => granted[index]);
}

/**
 * One sync at a time (a permission event and the history page's "add" can come together: two
 * syncs registering the same id would make the second fail), each reading the state afresh.
 * `sites` reads the added dashboards (the store's `listTaughtSites`).
 */
export function createDashboardScripts(apis: DashboardScriptsApis) {
  let queue: Promise<unknown> = Promise.resolve();
  /** The last answer to "which added dashboards have access", for the sender check; null: ask again. */
  let granted: Promise<TaughtSite[]> | null = null;
  /** Why the last sync failed (the browser's words), until one succeeds: the history page says so. */
  let failure: string | null = null;

  async function run(sites: () => Promise<readonly TaughtSite[]>): Promise<SyncResult> {
    const added = await sites();
    const withAccess = await grantedAmong(apis.permissions, added);
    const allowed = new Set(withAccess.map((site) => originPattern(site.host)));
    const registered = await apis.scripting.getRegisteredContentScripts();
    const plan = planRegistrations(registered, added, (origin) => allowed.has(origin));
    if (plan.unregister.length > 0) await apis.scripting.unregisterContentScripts({ ids: plan.unregister });
    if (plan.register.length > 0) await apis.scripting.registerContentScripts(plan.register);
    return { granted: withAccess, registered: plan.register.map((each) => each.id), unregistered: plan.unregister };
  }

  const remember = (answer: Promise<TaughtSite[]>): Promise<TaughtSite[]> => {
    granted = answer;
    // A failed answer is not kept: the next sender check asks again.
    answer.catch(() => {
      if (granted === answer) granted = null;
    });
    return answer;
  };

  return {
    /** Brings the registrations in line with the added dashboards and the access granted now. */
    sync(sites: () => Promise<readonly TaughtSite[]>): Promise<SyncResult> {
      const result = queue.then(() => run(sites));
      queue = result.then(
        () => void (failure = null),
        (error: unknown) => void (failure = (error instanceof Error ? error.message : String(error)).slice(0, 300) || 'unknown error'),
      );
      // Senders follow the dashboards and access this sync read.
      remember(result.then((done) => done.granted));
      return result;
    },
    /** Why the last sync failed, or null when it succeeded (or none ran yet). Waits for syncs under way. */
    async lastFailure(): Promise<string | null> {
      await queue;
      return failure;
    },
    /** The added dashboards with access now (the last sync's answer, or asked afresh). */
    grantedTaughtSites(sites: () => Promise<readonly TaughtSite[]>): Promise<TaughtSite[]> {
      return (granted ?? remember(sites().then((added) => grantedAmong(apis.permissions, added)))).catch(() => []);
    },
  };
}

export type DashboardScripts = ReturnType<typeof createDashboardScripts>;

let shared: DashboardScripts | null = null;

/** The background's one instance, over the browser's APIs. */
export function dashboardScripts(): DashboardScripts {
  shared ??= createDashboardScripts({ scripting: browser.scripting as unknown as ScriptingApi, permissions: browser.permissions as unknown as OriginPermissionsApi });
  return shared;
}

/** Registers and unregisters the added dashboards' scripts after the store's list of them changed. */
export function syncDashboardScripts(store: Pick<Store, 'listTaughtSites'>): Promise<SyncResult> {
  return dashboardScripts().sync(() => store.listTaughtSites());
}
