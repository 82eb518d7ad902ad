/**
 * Guarantees 9 and 15, the whole matrix through the real gate (classifySender → routeMessage
 * → handlers → store): every message type against every kind of sender. Import, delete,
 * settings and every other `ui:` message only from our own pages; readings and overlay
 * requests only from content scripts on the dashboards; nothing from other extensions, other
 * hosts or frames without a tab. A reading from a private window is not stored unless the
 * artist opted in, and a page cannot opt in for the artist.
 */
import { inEnglish } from '../unit/said';
import { afterEach, describe, expect, it } from 'vitest';
import { classifySender, routeMessage, type SenderInfo } from '../../core/messaging/router';
import { protocol, type MessageType } from '../../core/messaging/protocol';
import { createHandlers } from '../../entrypoints/background/handlers';
import { s4aReading } from '../unit/store/fixtures';
import { worldWithData, type World } from './support';
import { classifyDashboardSender } from '../../entrypoints/background/senders';
import { createDashboardScripts } from '../../entrypoints/background/dashboard-scripts';
import { taughtSiteFor, type TaughtSite } from '../../core/taught-sites';
import { fakePermissions } from '../unit/permissions/fake-permissions';

const ID = 'kbfnbcaeplbcioakkpcpgfkobkghlhen';
const ORIGIN = `chrome-extension://${ID}/`;
const OTHER = 'aaaabbbbccccddddeeeeffffgggghhhh';
const S4A_URL = 'https://artists.spotify.com/c/artist/0OdUWJ0sBjDrqHygGUXeCF/song/4uLU6hMCjMI75M1A2tKUQC/stats';

const SENDERS: Record<string, { info: SenderInfo; may: 'extension' | 'content' | 'nothing' }> = {
  'our history page': { info: { id: ID, url: `${ORIGIN}options.html`, frameId: 0 }, may: 'extension' },
  'our popup': { info: { id: ID, url: `${ORIGIN}popup.html` }, may: 'extension' },
  'our content script on Spotify for Artists': { info: { id: ID, url: S4A_URL, tab: { id: 3, incognito: false }, frameId: 0 }, may: 'content' },
  'our content script on iMusician': { info: { id: ID, url: 'https://www.imusician.pro/app/analytics/trends', tab: { id: 4 }, frameId: 0 }, may: 'content' },
  'our content script on another host': { info: { id: ID, url: 'https://evil.example/c/artist/x', tab: { id: 5 }, frameId: 0 }, may: 'nothing' },
  'a look-alike host': { info: { id: ID, url: 'https://artists.spotify.com.evil.example/', tab: { id: 5 } }, may: 'nothing' },
  'the dashboard over plain http': { info: { id: ID, url: 'http://artists.spotify.com/c/artist/x', tab: { id: 5 } }, may: 'nothing' },
  'another extension’s content script on S4A': { info: { id: OTHER, url: S4A_URL, tab: { id: 3 }, frameId: 0 }, may: 'nothing' },
  'another extension’s page': { info: { id: OTHER, url: `chrome-extension://${OTHER}/options.html` }, may: 'nothing' },
  'another extension claiming our origin': { info: { id: OTHER, url: `${ORIGIN}options.html` }, may: 'nothing' },
  'a dashboard address without a tab': { info: { id: ID, url: S4A_URL }, may: 'nothing' },
  'no id at all': { info: { url: `${ORIGIN}options.html` }, may: 'nothing' },
};

/** A valid payload for each message type (the gate, not the payload, must refuse). */
const PAYLOADS: Record<MessageType, unknown> = {
  'cs:reading': s4aReading({ id: 'matrix-reading', readAt: '2025-04-05T08:00:00.000Z', bumpRef: 'r-paper', bump: 3 }),
  'cs:overlayView': { spotifyTrackId: '4uLU6hMCjMI75M1A2tKUQC' },
  'cs:setOverlayCollapsed': { collapsed: true },
  'cs:openHistory': { trackId: 't-none' },
  'cs:songBadges': { spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'] },
  'cs:buildSample': { pageUrl: 'https://www.imusician.pro/app/analytics/trends', responses: [], outcomes: [] },
  'cs:parseResponse': { url: 'https://generic.wg.spotify.com/song-stats-view/v2/artist/3kXmZp7QvR2nLw9YtB4sHd/recording/4uLU6hMCjMI75M1A2tKUQC/stats', status: 204, body: null, text: null, latestDate: null, today: '2025-04-05', titles: [] },
  'cs:readSongsTable': { pageUrl: 'https://artists.spotify.com/c/artist/3kXmZp7QvR2nLw9YtB4sHd/music/songs', latestDate: '2025-04-04', today: '2025-04-05', table: { headers: ['Streams'], rows: [] } },
  'cs:checkPage': { tracks: [], observations: [], evidence: { numbers: [], labels: [], sources: [] }, final: true },
  'ui:getHistory': {},
  'ui:listTracks': {},
  'ui:getReadings': { limit: 5 },
  'ui:importHistory': {
    fileName: 'x.json',
    text: JSON.stringify({
      format: 'crosscount-history',
      version: 1,
      exportedAt: '2025-04-20T10:00:00.000Z',
      tracks: [{ id: 't-1', isrc: 'CHA012400009', title: 'New', artists: [], spotifyTrackIds: [], distributorIds: {} }],
      observations: [{ track: 't-1', source: 'imusician', store: 'spotify', metric: 'streams', day: '2025-03-01', value: 5, observedAt: '2025-03-05T08:00:00.000Z' }],
    }),
  },
  'ui:deleteAll': { confirm: 'delete everything' },
  'ui:getSettings': {},
  'ui:setSettings': { readInPrivateWindows: true, settleDays: 9 },
  'ui:overview': {},
  'ui:trackView': { trackId: 't-none' },
  'ui:linkTrack': { trackId: 't-none', isrc: 'CHA012400001' },
  'ui:unlinkTrack': { trackId: 't-none' },
  'ui:status': {},
  'cs:recipes': { pageUrl: 'https://distrokid.com/stats/' },
  'cs:recognise': { pageUrl: 'https://distrokid.com/stats/', today: '2025-04-05', response: { url: 'https://distrokid.com/api/stats', method: 'GET', status: 204, body: null, text: null } },
  'cs:confirmCandidate': {
    pageUrl: 'https://distrokid.com/stats/',
    today: '2025-04-05',
    response: { url: 'https://distrokid.com/api/stats', method: 'GET', status: 200, body: {}, text: null },
    candidateId: 'c-abc123',
    store: 'spotify',
    name: 'DistroKid daily streams',
  },
  'ui:listDashboards': {},
  'ui:addDashboard': { distributor: 'distrokid', address: '' },
  'ui:removeDashboard': { id: 'taught-distrokid' },
  'ui:renameRecipe': { id: 'r-none000000', name: 'Daily streams' },
  'ui:deleteRecipe': { id: 'r-none000000', withReadings: true },
  'ui:exportRecipes': {},
  'ui:importRecipes': { fileName: 'recipes.json', text: JSON.stringify({ format: 'crosscount-recipes', version: 1, recipes: [] }) },
};

let world: World | undefined;
afterEach(() => world?.store.close());

const classify = (info: SenderInfo) => classifySender(info, ID, ORIGIN);

describe('who may send what', () => {
  it('every message type of the protocol is in the matrix', () => {
    expect(Object.keys(PAYLOADS).sort()).toEqual(Object.keys(protocol).sort());
  });

  const cases = Object.entries(SENDERS).flatMap(([name, sender]) => (Object.keys(protocol) as MessageType[]).map((type) => [type, name, sender] as const));
  it.each(cases)('%s from %s', async (type, _name, { info, may }) => {
    world = await worldWithData();
    const before = await world.snapshot();
    const settings = await world.store.getSettings();
    const sender = classify(info);
    const opened = world.store;
    const reply = await routeMessage({ type, payload: PAYLOADS[type] }, sender, createHandlers(async () => opened));
    const allowed = may === protocol[type].from;
    if (allowed) {
      // Accepted by the gate (a handler may still refuse on its own grounds, e.g. no such track).
      if (!reply.ok) expect(reply.error).not.toMatch(/sender not allowed|is not accepted from/);
      return;
    }
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(may === 'nothing' ? /^sender not allowed$/ : /is not accepted from (a web page|an extension page)$/);
    expect(await world.snapshot()).toEqual(before);
    expect(await world.store.getSettings()).toEqual(settings);
  });
});

describe('private windows', () => {
  const privateTab: SenderInfo = { id: ID, url: S4A_URL, tab: { id: 9, incognito: true }, frameId: 0 };
  const page: SenderInfo = { id: ID, url: `${ORIGIN}options.html` };

  it('a reading from a private window is recorded as refused and stores nothing, until the artist opts in', async () => {
    world = await worldWithData();
    const handlers = createHandlers(async () => world!.store);
    const before = await world.snapshot();
    const reading = s4aReading({ id: 'private-1', readAt: '2025-04-05T08:00:00.000Z', bumpRef: 'r-harbour', bump: 11 });
    const reply = await routeMessage({ type: 'cs:reading', payload: reading }, classify(privateTab), handlers);
    expect(inEnglish(reply)).toMatchObject({ ok: true, data: { stored: false, added: 0, note: expect.stringContaining('private window') } });
    expect((await world.snapshot()).history).toEqual(before.history);
    expect(inEnglish((await world.store.listReadings(1))[0])).toMatchObject({ id: 'private-1', refused: expect.stringContaining('private window'), addedCount: 0 });

    // The page cannot opt in on the artist's behalf.
    expect(await routeMessage({ type: 'ui:setSettings', payload: { readInPrivateWindows: true } }, classify(privateTab), handlers)).toMatchObject({ ok: false });
    const again = s4aReading({ id: 'private-2', readAt: '2025-04-05T09:00:00.000Z', bumpRef: 'r-harbour', bump: 11 });
    expect(await routeMessage({ type: 'cs:reading', payload: again }, classify(privateTab), handlers)).toMatchObject({ ok: true, data: { stored: false } });

    // The artist opts in on the history page: the next private reading is stored.
    expect(await routeMessage({ type: 'ui:setSettings', payload: { readInPrivateWindows: true } }, classify(page), handlers)).toMatchObject({ ok: true });
    const third = s4aReading({ id: 'private-3', readAt: '2025-04-05T10:00:00.000Z', bumpRef: 'r-harbour', bump: 11 });
    const stored = await routeMessage({ type: 'cs:reading', payload: third }, classify(privateTab), handlers);
    expect(stored).toMatchObject({ ok: true, data: { stored: true, note: null } });
    expect((stored as { data: { added: number } }).data.added).toBeGreaterThan(0);
  });
});

describe('content scripts on a dashboard the artist added', () => {
  const DISTROKID: TaughtSite = (taughtSiteFor({ distributor: 'distrokid', address: '' }, '2026-03-28T09:00:00.000Z') as { site: TaughtSite }).site;
  const onDistrokid: SenderInfo = { id: ID, url: 'https://distrokid.com/stats/daily', tab: { id: 12, incognito: false }, frameId: 0 };
  const dashboards = (granted: readonly string[], added: readonly TaughtSite[] = [DISTROKID]) =>
    createDashboardScripts({
      scripting: { getRegisteredContentScripts: async () => [], registerContentScripts: async () => undefined, unregisterContentScripts: async () => undefined },
      permissions: fakePermissions(granted).api,
    }).grantedTaughtSites.bind(null, async () => added);
  const classifyAdded = (info: SenderInfo, granted: () => Promise<readonly TaughtSite[]>) => classifyDashboardSender(info, ID, ORIGIN, granted);

  it('is a dashboard sender while the dashboard is added and its site access granted', async () => {
    const sender = await classifyAdded(onDistrokid, dashboards(['https://distrokid.com/*']));
    expect(sender).toMatchObject({ kind: 'content', site: { id: 'taught-distrokid', host: 'distrokid.com' }, tabId: 12 });
  });

  it('is nobody without access, when the dashboard was never added or removed, from another host, another extension or without a tab', async () => {
    expect(await classifyAdded(onDistrokid, dashboards([]))).toBeNull();
    expect(await classifyAdded(onDistrokid, dashboards(['https://distrokid.com/*'], []))).toBeNull();
    const granted = dashboards(['https://distrokid.com/*']);
    expect(await classifyAdded({ ...onDistrokid, url: 'https://distrokid.com.evil.example/stats' }, granted)).toBeNull();
    expect(await classifyAdded({ ...onDistrokid, url: 'http://distrokid.com/stats' }, granted)).toBeNull();
    expect(await classifyAdded({ ...onDistrokid, id: OTHER }, granted)).toBeNull();
    expect(await classifyAdded({ id: ID, url: onDistrokid.url }, granted)).toBeNull();
  });

  it('built-in dashboards and our pages are classified without asking the browser', async () => {
    const never = async (): Promise<readonly TaughtSite[]> => {
      throw new Error('asked');
    };
    expect(await classifyAdded(SENDERS['our content script on iMusician']!.info, never)).toMatchObject({ kind: 'content', site: { id: 'imusician' } });
    expect(await classifyAdded(SENDERS['our history page']!.info, never)).toEqual({ kind: 'extension' });
  });

  it('a reading from an added dashboard cannot claim another dashboard’s data', async () => {
    world = await worldWithData();
    const before = await world.snapshot();
    const sender = await classifyAdded(onDistrokid, dashboards(['https://distrokid.com/*']));
    const forged = s4aReading({ id: 'forged-from-distrokid', readAt: '2025-04-05T08:00:00.000Z', bumpRef: 'r-harbour', bump: 40 });
    const reply = await routeMessage({ type: 'cs:reading', payload: forged }, sender, createHandlers(async () => world!.store));
    expect(inEnglish(reply)).toMatchObject({ ok: true, data: { stored: false, added: 0, note: expect.stringContaining('came from a page on DistroKid') } });
    expect((await world.snapshot()).history).toEqual(before.history);
  });
});
