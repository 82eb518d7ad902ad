import { describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { HOST_PERMISSIONS } from '../../../core/sites';
import { missingHostPermissions, requestHostPermissions, sitesForOrigins, type PermissionsApi } from '../../../core/permissions';
import { fakePermissions } from './fake-permissions';

// The real API fits the interface the prompt is given (checked by the type checker only).
export const realApiFits = (api: typeof browser.permissions): PermissionsApi => api;

const SPOTIFY_PAGE = 'https://artists.spotify.com/*';
const SPOTIFY_DATA = 'https://generic.wg.spotify.com/*';
const IMUSICIAN = 'https://www.imusician.pro/*';

describe('missingHostPermissions', () => {
  it('is empty when every host from the manifest is granted', async () => {
    expect(await missingHostPermissions(fakePermissions(HOST_PERMISSIONS).api)).toEqual([]);
  });

  it('lists exactly the revoked origins, in manifest order', async () => {
    const { api } = fakePermissions([SPOTIFY_DATA]);
    expect(await missingHostPermissions(api)).toEqual([SPOTIFY_PAGE, IMUSICIAN]);
  });

  it('asks one origin at a time (contains() with a list only answers "all of them")', async () => {
    const asked: string[][] = [];
    const api: PermissionsApi = {
      contains: async ({ origins = [] }) => (asked.push(origins), origins.length === 1 && origins[0] === IMUSICIAN),
      request: async () => true,
    };
    // The manifest asks only for the dashboards' pages (the data host needs no access).
    expect(await missingHostPermissions(api)).toEqual([SPOTIFY_PAGE]);
    expect(asked.every((origins) => origins.length === 1)).toBe(true);
  });
});

describe('requestHostPermissions', () => {
  it('asks for the given origins, and for all of the manifest by default', async () => {
    const fake = fakePermissions([]);
    await requestHostPermissions(fake.api, [IMUSICIAN]);
    await requestHostPermissions(fake.api);
    expect(fake.requests).toEqual([[IMUSICIAN], [...HOST_PERMISSIONS]]);
  });
});

describe('sitesForOrigins', () => {
  it.each([
    [[SPOTIFY_PAGE], ['spotify']],
    [[SPOTIFY_DATA], ['spotify']],
    [[SPOTIFY_PAGE, SPOTIFY_DATA], ['spotify']],
    [[IMUSICIAN], ['imusician']],
    [[IMUSICIAN, SPOTIFY_DATA], ['spotify', 'imusician']],
    [['https://example.com/*'], []],
    [['not a pattern'], []],
    [[], []],
  ])('%j → %j', (origins, sites) => {
    expect(sitesForOrigins(origins).map((site) => site.id)).toEqual(sites);
  });
});
