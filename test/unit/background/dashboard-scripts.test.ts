/**
 * The added dashboards' scripts follow the dashboards and the access the browser grants
 * (entrypoints/background/dashboard-scripts.ts), over fakes that behave as Chrome's and
 * Firefox's scripting APIs do: a duplicate id or an unknown one is an error and nothing of
 * that call is done; registrations that are not Crosscount's are never touched.
 */
import { describe, expect, it } from 'vitest';
import { createDashboardScripts, type ScriptingApi } from '../../../entrypoints/background/dashboard-scripts';
import { taughtSiteFor, OBSERVER_SCRIPT, READER_SCRIPT, type ScriptRegistration, type TaughtSite } from '../../../core/taught-sites';
import { fakePermissions } from '../permissions/fake-permissions';

const NOW = '2026-03-28T09:00:00.000Z';

function site(distributor: string, address = ''): TaughtSite {
  const made = taughtSiteFor({ distributor, address }, NOW);
  if (!('site' in made)) throw new Error(made.problem);
  return made.site;
}

const DISTROKID = site('distrokid');
const LANDR = site('landr');

/** As the browsers do: all or nothing per call, ids unique, unknown ids refused. */
function fakeScripting(initial: readonly { id: string; matches?: string[]; js?: string[] }[] = []) {
  const registered = new Map(initial.map((each) => [each.id, { ...each }]));
  const calls: string[] = [];
  let failNextRegister = false;
  const api: ScriptingApi = {
    async getRegisteredContentScripts() {
      return [...registered.values()].map((each) => ({ ...each }));
    },
    async registerContentScripts(scripts: ScriptRegistration[]) {
      calls.push(`register ${scripts.map((each) => each.id).join(',')}`);
      if (failNextRegister) {
        failNextRegister = false;
        throw new Error('Could not load javascript');
      }
      const ids = scripts.map((each) => each.id);
      if (new Set(ids).size !== ids.length || ids.some((id) => registered.has(id))) throw new Error(`Duplicate script ID '${ids[0]}'`);
      for (const each of scripts) registered.set(each.id, { ...each, matches: [...each.matches] });
    },
    async unregisterContentScripts({ ids }) {
      calls.push(`unregister ${ids.join(',')}`);
      const missing = ids.find((id) => !registered.has(id));
      if (missing) throw new Error(`Nonexistent script ID '${missing}'`);
      for (const id of ids) registered.delete(id);
    },
  };
  return {
    api,
    calls,
    ids: () => [...registered.keys()].sort(),
    get: (id: string) => registered.get(id),
    failNextRegister: () => void (failNextRegister = true),
  };
}

describe('syncing the added dashboards’ scripts', () => {
  it('registers the observer (main world, before the page) and the reader on each dashboard with access, and nothing on one without', async () => {
    const scripting = fakeScripting();
    const permissions = fakePermissions(['https://distrokid.com/*']);
    const scripts = createDashboardScripts({ scripting: scripting.api, permissions: permissions.api });
    const result = await scripts.sync(async () => [DISTROKID, LANDR]);
    expect(scripting.ids()).toEqual(['crosscount-taught-observer-taught-distrokid', 'crosscount-taught-reader-taught-distrokid']);
    expect(scripting.get('crosscount-taught-observer-taught-distrokid')).toMatchObject({ js: [OBSERVER_SCRIPT], world: 'MAIN', runAt: 'document_start', matches: ['https://distrokid.com/*'], persistAcrossSessions: true });
    expect(scripting.get('crosscount-taught-reader-taught-distrokid')).toMatchObject({ js: [READER_SCRIPT], world: 'ISOLATED', matches: ['https://distrokid.com/*'] });
    expect(result.granted.map((each) => each.id)).toEqual(['taught-distrokid']);
  });

  it('a second sync with nothing changed does nothing (registrations persisted across a restart are kept)', async () => {
    const scripting = fakeScripting();
    const scripts = createDashboardScripts({ scripting: scripting.api, permissions: fakePermissions(['https://distrokid.com/*']).api });
    await scripts.sync(async () => [DISTROKID]);
    scripting.calls.length = 0;
    const again = await createDashboardScripts({ scripting: scripting.api, permissions: fakePermissions(['https://distrokid.com/*']).api }).sync(async () => [DISTROKID]);
    expect(scripting.calls).toEqual([]);
    expect(again).toMatchObject({ registered: [], unregistered: [] });
  });

  it('access taken back or the dashboard removed: its scripts go, someone else’s registrations stay', async () => {
    const foreign = { id: 'other-extension-script', matches: ['https://distrokid.com/*'], js: ['x.js'] };
    const scripting = fakeScripting([foreign]);
    const permissions = fakePermissions(['https://distrokid.com/*', 'https://app.landr.com/*']);
    const scripts = createDashboardScripts({ scripting: scripting.api, permissions: permissions.api });
    await scripts.sync(async () => [DISTROKID, LANDR]);
    expect(scripting.ids()).toHaveLength(5);

    permissions.revoke('https://distrokid.com/*');
    const revoked = await scripts.sync(async () => [DISTROKID, LANDR]);
    expect(revoked.unregistered.sort()).toEqual(['crosscount-taught-observer-taught-distrokid', 'crosscount-taught-reader-taught-distrokid']);
    expect(scripting.ids()).toEqual(['crosscount-taught-observer-taught-landr', 'crosscount-taught-reader-taught-landr', 'other-extension-script']);

    await scripts.sync(async () => []);
    expect(scripting.ids()).toEqual(['other-extension-script']);
  });

  it('a dashboard whose host changed is registered again at its new address', async () => {
    const scripting = fakeScripting([{ id: 'crosscount-taught-reader-taught-distrokid', matches: ['https://old.distrokid.com/*'], js: [READER_SCRIPT] }]);
    const scripts = createDashboardScripts({ scripting: scripting.api, permissions: fakePermissions(['https://distrokid.com/*']).api });
    await scripts.sync(async () => [DISTROKID]);
    expect(scripting.get('crosscount-taught-reader-taught-distrokid')?.matches).toEqual(['https://distrokid.com/*']);
    expect(scripting.calls[0]).toBe('unregister crosscount-taught-reader-taught-distrokid');
  });

  it('syncs that come together run one after the other: no duplicate registration', async () => {
    const scripting = fakeScripting();
    const scripts = createDashboardScripts({ scripting: scripting.api, permissions: fakePermissions(['https://distrokid.com/*']).api });
    const results = await Promise.allSettled([scripts.sync(async () => [DISTROKID]), scripts.sync(async () => [DISTROKID]), scripts.sync(async () => [DISTROKID])]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(scripting.calls.filter((call) => call.startsWith('register'))).toHaveLength(1);
  });

  it('a failed registration is tried again on the next sync', async () => {
    const scripting = fakeScripting();
    const scripts = createDashboardScripts({ scripting: scripting.api, permissions: fakePermissions(['https://distrokid.com/*']).api });
    scripting.failNextRegister();
    await expect(scripts.sync(async () => [DISTROKID])).rejects.toThrow('Could not load javascript');
    expect(scripting.ids()).toEqual([]);
    // Kept for the history page until a sync succeeds.
    expect(await scripts.lastFailure()).toMatch(/Could not load javascript/);
    await scripts.sync(async () => [DISTROKID]);
    expect(scripting.ids()).toHaveLength(2);
    expect(await scripts.lastFailure()).toBeNull();
  });
});

describe('which added dashboards may send messages', () => {
  it('those with access, as the last sync saw them; asked afresh before any sync and after a failed read', async () => {
    const permissions = fakePermissions(['https://app.landr.com/*']);
    const scripts = createDashboardScripts({ scripting: fakeScripting().api, permissions: permissions.api });
    let reads = 0;
    const sites = async () => {
      reads++;
      return [DISTROKID, LANDR];
    };
    expect((await scripts.grantedTaughtSites(sites)).map((each) => each.id)).toEqual(['taught-landr']);
    expect((await scripts.grantedTaughtSites(sites)).map((each) => each.id)).toEqual(['taught-landr']);
    expect(reads).toBe(1);

    permissions.revoke('https://app.landr.com/*');
    await scripts.sync(sites);
    expect(await scripts.grantedTaughtSites(sites)).toEqual([]);

    const failing = createDashboardScripts({ scripting: fakeScripting().api, permissions: fakePermissions(['https://distrokid.com/*']).api });
    expect(await failing.grantedTaughtSites(async () => Promise.reject(new Error('store closed')))).toEqual([]);
    expect((await failing.grantedTaughtSites(async () => [DISTROKID])).map((each) => each.id)).toEqual(['taught-distrokid']);
  });
});
