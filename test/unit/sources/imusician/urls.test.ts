import { describe, expect, it } from 'vitest';
import { imusicianPage, isImusicianTrendsPage, knownImusicianDataPath, imusicianPathTemplate } from '../../../../core/sources/imusician/urls';
import { storeFilterOf } from '../../../../core/sources/imusician/store-filter';
import { imusicianStoreId } from '../../../../core/sources/imusician/stores';

const APP = 'https://www.imusician.pro';

describe('knownImusicianDataPath', () => {
  it.each([
    `${APP}/api/v1/analytics/trends/tracks/4711?store=spotify`,
    `${APP}/api/trends`,
    `${APP}/graphql`,
    `${APP}/graphql?operationName=TrendAnalytics`,
    `${APP}/app/statistics/daily`,
    `${APP}/en/trend-analytics/data`,
    `${APP}/stats/releases/90210`,
  ])('hands over %s', (url) => {
    expect(knownImusicianDataPath(url)).toBe(true);
  });

  it.each([
    [`${APP}/api/auth/refresh`, 'auth'],
    [`${APP}/api/login`, 'login'],
    [`${APP}/api/session`, 'session'],
    [`${APP}/api/v1/user`, 'user'],
    [`${APP}/api/v1/me`, 'me'],
    [`${APP}/api/users/42/profile`, 'profile'],
    [`${APP}/api/account/settings`, 'account'],
    [`${APP}/api/payments/methods`, 'payment'],
    [`${APP}/api/payouts/history`, 'payout'],
    [`${APP}/api/billing/invoices`, 'billing'],
    [`${APP}/graphql?operationName=CurrentUser`, 'GraphQL operation about the user'],
    [`${APP}/static/analytics.js`, 'a script'],
    [`${APP}/api/analytics/collect`, 'a beacon'],
    [`${APP}/app/library`, 'no data marker'],
    ['http://www.imusician.pro/api/trends', 'not https'],
    ['https://imusician.pro/api/trends', 'another host'],
    ['https://www.imusician.pro.evil.example/api/trends', 'a look-alike host'],
    ['not a url', 'garbage'],
  ])('does not hand over %s (%s)', (url) => {
    expect(knownImusicianDataPath(url)).toBe(false);
  });

  it('accepts the trends page address too: the observer only sees fetch/XHR, and the parser refuses non-JSON', () => {
    expect(knownImusicianDataPath(`${APP}/app/analytics/trends`)).toBe(true);
  });
});

describe('imusicianPage', () => {
  it.each([
    [`${APP}/app/analytics/trends`, 'trends'],
    [`${APP}/app/trends?store=spotify`, 'trends'],
    [`${APP}/de/app/analytics`, 'trends'],
    [`${APP}/app#/analytics/trends`, 'trends'],
    [`${APP}/app`, 'app'],
    [`${APP}/app/library/releases`, 'app'],
    [`${APP}/en/blog/trends-in-music`, 'other'],
    ['https://artists.spotify.com/app/trends', 'other'],
    ['garbage', 'other'],
  ])('%s → %s', (url, kind) => {
    expect(imusicianPage(url).kind).toBe(kind);
    expect(isImusicianTrendsPage(url)).toBe(kind === 'trends');
  });
});

describe('storeFilterOf', () => {
  it.each([
    [`${APP}/api/trends`, { kind: 'none' }],
    [`${APP}/api/trends?store=`, { kind: 'none' }],
    [`${APP}/api/trends?store=spotify`, { kind: 'store', store: 'spotify' }],
    [`${APP}/api/trends?dsp=Spotify`, { kind: 'store', store: 'spotify' }],
    [`${APP}/api/trends?platform=apple-music`, { kind: 'store', store: 'apple' }],
    [`${APP}/api/trends?filter%5Bshop%5D=Deezer`, { kind: 'store', store: 'deezer' }],
    [`${APP}/api/trends?stores=all`, { kind: 'store', store: 'all' }],
    [`${APP}/api/trends?store=spotify&shop=spotify`, { kind: 'store', store: 'spotify' }],
  ])('%s', (url, expected) => {
    expect(storeFilterOf(url)).toEqual(expected);
  });

  it.each([`${APP}/api/trends?stores=spotify,deezer`, `${APP}/api/trends?store=spotify&shop=apple`, `${APP}/api/trends?storeId=7`])('%s is unclear', (url) => {
    expect(storeFilterOf(url).kind).toBe('unclear');
  });
});

describe('imusicianStoreId', () => {
  it.each([
    ['Spotify', 'spotify'],
    ['Apple Music', 'apple'],
    ['Amazon Music', 'amazon'],
    ['Deezer', 'deezer'],
    ['24/7 MusicShop', '24-7-musicshop'],
    ['All stores', 'all'],
    ['Total', 'all'],
    ['42', null],
    ['', null],
    [null, null],
  ])('%s → %s', (name, id) => {
    expect(imusicianStoreId(name)).toBe(id);
  });
});

describe('imusicianPathTemplate', () => {
  it('names an address without its ids or query values', () => {
    expect(imusicianPathTemplate(new URL('https://www.imusician.pro/api/v1/analytics/trends/tracks/4711?store=spotify&from=2026-03-01&to=2026-03-28'))).toBe('/api/v1/analytics/trends/tracks/{id}?store&from&to');
    expect(imusicianPathTemplate(new URL('https://www.imusician.pro/graphql?operationName=TrendAnalytics&variables=%7B%7D'))).toBe('/graphql?operationName&variables');
    expect(imusicianPathTemplate(new URL('https://www.imusician.pro/api/trends/CH-ABC-24-00001/daily'))).toBe('/api/trends/{id}/daily');
  });
});
