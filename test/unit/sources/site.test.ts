/**
 * One descriptor per dashboard (core/sources/site.ts): every derived list — host permissions,
 * the sender check, the reading schema's site enum, the content scripts' matches and channels —
 * comes from the descriptors, and a descriptor that is not usable is said in words.
 */
import { describe, expect, it } from 'vitest';
import { counterparts, HOST_PERMISSIONS, SITE_IDS, SITES, siteForUrl, siteLabel } from '../../../core/sites';
import { descriptorProblems, isTaughtSiteId, matchPatternHost, type SiteDescriptor } from '../../../core/sources/site';
import { readingSchema } from '../../../core/messaging/reading';
import spotifyObserver from '../../../entrypoints/spotify-observer.content';
import imusicianObserver from '../../../entrypoints/imusician-observer.content';
import spotifyReader from '../../../entrypoints/spotify.content/index';
import imusicianReader from '../../../entrypoints/imusician.content/index';

const reading = (site: string) => ({ id: 'reading-0001', site, path: '/', readAt: '2026-04-01T10:00:00.000Z', status: 'recognised' });

describe('the built-in descriptors', () => {
  it('are usable, with distinct ids, channels and page hosts', () => {
    for (const site of SITES) expect(descriptorProblems(site)).toEqual([]);
    expect(new Set(SITES.map((site) => site.id)).size).toBe(SITES.length);
    expect(new Set(SITES.map((site) => site.channel)).size).toBe(SITES.length);
    const hosts = SITES.flatMap((site) => site.matches.map(matchPatternHost));
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('give the reading schema its site enum: a built-in or a taught id passes, anything else is refused', () => {
    expect([...SITE_IDS]).toEqual(['spotify', 'imusician']);
    // A taught id is only the form: the reading policy checks it is the sending page's site.
    for (const id of [...SITE_IDS, 'taught-distrokid']) expect(readingSchema.safeParse(reading(id)).success).toBe(true);
    for (const id of ['distrokid', 'taught-', 'Spotify', '']) expect(readingSchema.safeParse(reading(id)).success).toBe(false);
  });

  it('give the host permissions and the sender check', () => {
    expect([...HOST_PERMISSIONS].sort()).toEqual(['https://artists.spotify.com/*', 'https://www.imusician.pro/*']);
    expect(siteForUrl('https://artists.spotify.com/c/artist/x/song/y/stats')?.id).toBe('spotify');
    expect(siteForUrl('https://www.imusician.pro/app/analytics/trends')?.id).toBe('imusician');
    expect(siteForUrl('http://www.imusician.pro/app')).toBeNull();
    expect(siteForUrl('https://generic.wg.spotify.com/song-stats-view/v1')).toBeNull();
    expect(siteForUrl('https://imusician.pro.example/')).toBeNull();
    expect(siteLabel('imusician')).toBe('iMusician');
    expect(siteLabel('distrokid')).toBe('distrokid');
  });

  it('pair each dashboard with the other side', () => {
    const [spotify, imusician] = SITES;
    expect(counterparts(spotify).map((site) => site.id)).toEqual(['imusician']);
    expect(counterparts(imusician).map((site) => site.id)).toEqual(['spotify']);
  });

  it('are what the content scripts are built with (WXT reads `matches` at build time)', () => {
    const [spotify, imusician] = SITES;
    expect(spotifyObserver.matches).toEqual(spotify.matches);
    expect(spotifyReader.matches).toEqual(spotify.matches);
    expect(imusicianObserver.matches).toEqual(imusician.matches);
    expect(imusicianReader.matches).toEqual(imusician.matches);
    expect(spotifyObserver.world).toBe('MAIN');
    expect(imusicianObserver.world).toBe('MAIN');
  });
});

describe('a descriptor taught at run time', () => {
  const taught: SiteDescriptor = {
    id: 'taught-distrokid',
    label: 'DistroKid',
    side: 'distributor',
    matches: ['https://distrokid.com/*'],
    dataHosts: ['distrokid.com'],
    channel: 'crosscount:taught-distrokid:v1',
    settleDays: 5,
    words: { openHint: 'overlayHintImusician' },
  };

  it('fits the same type, with an id no built-in can take', () => {
    expect(descriptorProblems(taught)).toEqual([]);
    expect(isTaughtSiteId(taught.id)).toBe(true);
    for (const site of SITES) expect(isTaughtSiteId(site.id)).toBe(false);
  });

  it('is refused in words when it is not usable', () => {
    const broken: SiteDescriptor = { ...taught, id: 'DistroKid!', matches: ['http://distrokid.com/*', '<all_urls>'], dataHosts: ['distrokid.com/api'], channel: 'dk', settleDays: 1.5, label: ' ' };
    expect(descriptorProblems(broken)).toEqual([
      'id "DistroKid!" is neither a built-in nor a taught id',
      'label is empty',
      'match "http://distrokid.com/*" is not https://host/*',
      'match "<all_urls>" is not https://host/*',
      'data host "distrokid.com/api" is not a host name',
      'channel "dk" is not crosscount:<id>:v<n>',
      'settleDays is not a whole number of days 0–60',
    ]);
    expect(descriptorProblems({ ...taught, matches: [] })).toEqual(['no page matches']);
  });
});
