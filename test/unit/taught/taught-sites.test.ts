/**
 * Adding a distributor's dashboard (core/taught-sites.ts): which site an address names, the one
 * origin asked for, the data hosts its observer may hand over, and the registrations that follow
 * the access the browser gives.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dataHostAllowed, hostOfAddress, originPattern, planRegistrations, registrationsFor, REGISTRATION_PREFIX, taughtSiteFor } from '../../../core/taught-sites';
import { siteForUrl } from '../../../core/sites';
import { descriptorProblems, isTaughtSiteId } from '../../../core/sources/site';
import { classifySender } from '../../../core/messaging/router';

const NOW = '2026-03-28T09:00:00.000Z';

describe('taughtSiteFor', () => {
  it('a known distributor without an address is its public dashboard host, asked for exactly', () => {
    const added = taughtSiteFor({ distributor: 'distrokid', address: '' }, NOW);
    expect(added).toEqual({
      site: {
        id: 'taught-distrokid',
        label: 'DistroKid',
        side: 'distributor',
        matches: ['https://distrokid.com/*'],
        dataHosts: ['distrokid.com'],
        channel: 'crosscount:taught:v1',
        settleDays: 5,
        words: { openHint: 'overlayHintTaught' },
        distributor: 'distrokid',
        host: 'distrokid.com',
        addedAt: NOW,
      },
    });
  });

  it('an address on a known host is that distributor, whatever was picked; a stats page address works without https://', () => {
    expect(taughtSiteFor({ distributor: 'other', address: 'distrokid.com/stats/daily?range=28' }, NOW)).toMatchObject({ site: { id: 'taught-distrokid', host: 'distrokid.com' } });
    expect(taughtSiteFor({ distributor: 'tunecore', address: 'https://app.landr.com/releases' }, NOW)).toMatchObject({ site: { id: 'taught-landr', label: 'LANDR' } });
  });

  it('a distributor with no public host takes the artist’s address under its own name', () => {
    expect(taughtSiteFor({ distributor: 'amuse', address: 'https://artist.amuse.io/stats' }, NOW)).toMatchObject({ site: { id: 'taught-amuse', label: 'Amuse', host: 'artist.amuse.io' } });
    expect(taughtSiteFor({ distributor: 'amuse', address: '' }, NOW)).toEqual({ problem: 'address-needed' });
  });

  it('another address gets an id from its host, never a built-in or known one', () => {
    expect(taughtSiteFor({ distributor: 'other', address: 'https://www.my-distro.example/stats' }, NOW)).toMatchObject({ site: { id: 'taught-my-distro-example', label: 'www.my-distro.example', distributor: 'other' } });
    expect(taughtSiteFor({ distributor: 'other', address: 'https://spotify.example' }, NOW)).toMatchObject({ site: { id: 'taught-spotify-example' } });
    // A host spelled like a known distributor's id is not that distributor.
    expect(taughtSiteFor({ distributor: 'other', address: 'https://landr' + '.example' }, NOW)).toMatchObject({ site: { id: 'taught-landr-example' } });
  });

  it.each([
    ['', 'address-needed'],
    ['http://distrokid.com/stats', 'address-not-https'],
    ['ftp://distrokid.com', 'address-not-https'],
    ['https://artists.spotify.com/c/artist/x', 'address-built-in'],
    ['https://www.imusician.pro/app', 'address-built-in'],
    ['https://localhost/stats', 'address-invalid'],
    ['https://192.168.0.1/stats', 'address-invalid'],
    ['https://distrokid.com:8443/stats', 'address-invalid'],
    ['https://user:pw@distrokid.com/', 'address-invalid'],
    ['not an address at all', 'address-invalid'],
  ])('refuses %j (%s)', (address, problem) => {
    expect(taughtSiteFor({ distributor: 'other', address }, NOW)).toEqual({ problem });
  });

  it('any host it accepts gives a valid source id and one https origin pattern', () => {
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        const result = hostOfAddress(`https://${domain}/stats`);
        if ('problem' in result) return;
        const added = taughtSiteFor({ distributor: 'other', address: `https://${domain}/stats` }, NOW);
        if (!('site' in added)) throw new Error(`accepted host ${domain} but no site`);
        expect(descriptorProblems(added.site)).toEqual([]);
        expect(isTaughtSiteId(added.site.id)).toBe(true);
        expect(added.site.matches).toEqual([originPattern(result.host)]);
      }),
    );
  });
});

describe('dataHostAllowed', () => {
  it('the page host, its subdomains, and a dashboard subdomain’s siblings; nothing else', () => {
    expect(dataHostAllowed('distrokid.com', 'distrokid.com')).toBe(true);
    expect(dataHostAllowed('distrokid.com', 'api.distrokid.com')).toBe(true);
    expect(dataHostAllowed('dashboard.dittomusic.com', 'api.dittomusic.com')).toBe(true);
    expect(dataHostAllowed('distrokid.com', 'evil.example')).toBe(false);
    expect(dataHostAllowed('distrokid.com', 'distrokid.com.evil.example')).toBe(false);
    expect(dataHostAllowed('distrokid.com', 'notdistrokid.com')).toBe(false);
    expect(dataHostAllowed('dashboard.dittomusic.com', 'dittomusic.com.evil.example')).toBe(false);
  });
});

describe('planRegistrations', () => {
  const dk = { id: 'taught-distrokid', host: 'distrokid.com' };
  const ln = { id: 'taught-landr', host: 'app.landr.com' };

  it('registers the observer (main world) and the reader on each dashboard with access, persisting', () => {
    const plan = planRegistrations([], [dk, ln], (origin) => origin === 'https://distrokid.com/*');
    expect(plan.unregister).toEqual([]);
    expect(plan.register).toEqual(registrationsFor(dk));
    expect(plan.register.map((each) => [each.world, each.js[0], each.persistAcrossSessions, each.runAt])).toEqual([
      ['MAIN', 'content-scripts/distributor-observer.js', true, 'document_start'],
      ['ISOLATED', 'content-scripts/distributor.js', true, 'document_start'],
    ]);
  });

  it('access taken back: its scripts go; someone else’s registrations are never touched', () => {
    const registered = [...registrationsFor(dk), ...registrationsFor(ln), { id: 'other-extension-script', matches: ['https://*/*'] }];
    const plan = planRegistrations(registered, [dk, ln], (origin) => origin === 'https://app.landr.com/*');
    expect(plan.unregister.sort()).toEqual(registrationsFor(dk).map((each) => each.id).sort());
    expect(plan.register).toEqual([]);
  });

  it('applying a plan reaches the wanted set, whatever was registered before (idempotent)', () => {
    const site = fc.record({ id: fc.constantFrom('distrokid', 'landr', 'tunecore', 'ditto'), host: fc.constantFrom('distrokid.com', 'app.landr.com', 'www.tunecore.com') });
    fc.assert(
      fc.property(fc.uniqueArray(site, { selector: (each) => each.id, maxLength: 4 }), fc.array(fc.record({ id: fc.string({ maxLength: 40 }).map((id) => `${REGISTRATION_PREFIX}${id}`), matches: fc.constant(['https://x.example/*']) }), { maxLength: 4 }), fc.func(fc.boolean()), (sites, before, grantedBy) => {
        const granted = (origin: string) => grantedBy(origin);
        const plan = planRegistrations(before, sites, granted);
        const after = [...before.filter((each) => !plan.unregister.includes(each.id)), ...plan.register];
        const wanted = sites.filter((each) => granted(originPattern(each.host))).flatMap(registrationsFor);
        expect(after.map((each) => each.id).sort()).toEqual(wanted.map((each) => each.id).sort());
        expect(planRegistrations(after, sites, granted)).toEqual({ unregister: [], register: [] });
      }),
    );
  });
});

describe('senders on an added dashboard', () => {
  it('a content script on a dashboard the artist added counts as that site; elsewhere nobody', () => {
    const added = taughtSiteFor({ distributor: 'distrokid', address: '' }, NOW);
    if (!('site' in added)) throw new Error('distrokid');
    const info = { id: 'ext', url: 'https://distrokid.com/stats/', tab: { id: 3 }, frameId: 0 };
    expect(classifySender(info, 'ext', 'chrome-extension://ext/')).toBeNull();
    expect(classifySender(info, 'ext', 'chrome-extension://ext/', [added.site])).toMatchObject({ kind: 'content', site: { id: 'taught-distrokid' } });
    expect(siteForUrl('https://distrokid.com.evil.example/', [added.site])).toBeNull();
    expect(siteForUrl('http://distrokid.com/', [added.site])).toBeNull();
  });
});
