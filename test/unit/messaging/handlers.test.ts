import { afterEach, describe, expect, it, vi } from 'vitest';
import { said } from '../said';
import { routeMessage, type Sender } from '../../../core/messaging/router';
import { SITES } from '../../../core/sites';
import type { Store } from '../../../core/store';
import { createHandlers } from '../../../entrypoints/background/handlers';
import { freshFactory, freshStore, imusicianReading, s4aReading } from '../store/fixtures';
import { openStore } from '../../../core/store';

const spotify = SITES.find((site) => site.id === 'spotify')!;
const imusician = SITES.find((site) => site.id === 'imusician')!;
const s4aTab: Sender = { kind: 'content', site: spotify, tabId: 4, incognito: false };
const privateS4aTab: Sender = { ...s4aTab, incognito: true };
const extension: Sender = { kind: 'extension' };

const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function tracked(store: Promise<Store>): Promise<Store> {
  stores.push(await store);
  return stores.at(-1)!;
}

const historyFile = JSON.stringify({
  format: 'crosscount-history',
  version: 1,
  exportedAt: '2025-04-20T10:00:00.000Z',
  tracks: [{ id: 't-7f3a', isrc: 'CHA012400001', title: 'Harbour Lights', artists: ['Lake Avenue'], spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], distributorIds: { imusician: '884211' } }],
  observations: [
    { track: 't-7f3a', source: 'imusician', store: 'spotify', metric: 'streams', day: '2025-03-30', value: 141, observedAt: '2025-04-04T09:00:00.000Z' },
    { track: 't-7f3a', source: 'spotify', store: 'spotify', metric: 'streams', day: '2025-03-30', value: 153, observedAt: '2025-03-31T08:00:00+02:00' },
  ],
});

describe('createHandlers', () => {
  it('opens the store on the first message, once, even for messages arriving together', async () => {
    const factory = freshFactory();
    const open = vi.fn(() => tracked(openStore({ factory })));
    const handlers = createHandlers(open);
    expect(open).not.toHaveBeenCalled();
    await Promise.all([handlers['ui:getSettings']({}, extension), handlers['ui:getHistory']({}, extension), handlers['ui:getReadings']({ limit: 5 }, extension)]);
    await handlers['ui:getSettings']({}, extension);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('tries again after the store failed to open, and surfaces the failure', async () => {
    const factory = freshFactory();
    const open = vi
      .fn<() => Promise<Store>>()
      .mockRejectedValueOnce(new Error('Opening the Crosscount database: the browser’s database is not available'))
      .mockImplementation(() => tracked(openStore({ factory })));
    const handlers = createHandlers(open);
    const reply = await routeMessage({ type: 'ui:getSettings', payload: {} }, extension, handlers);
    expect(reply).toEqual({ ok: false, error: 'Opening the Crosscount database: the browser’s database is not available' });
    expect(await routeMessage({ type: 'ui:getSettings', payload: {} }, extension, handlers)).toMatchObject({ ok: true });
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('reopens a store that was closed since (terminated, or closed for an upgrade)', async () => {
    const factory = freshFactory();
    const open = vi.fn(() => tracked(openStore({ factory })));
    const handlers = createHandlers(open);
    await handlers['cs:reading'](s4aReading(), s4aTab);
    stores[0]!.close();
    expect((await handlers['ui:getHistory']({}, extension)).observations).toHaveLength(87);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('does not store a reading from a private window unless the artist opted in, but records it', async () => {
    const store = await tracked(freshStore());
    const handlers = createHandlers(async () => store);
    const refused = await handlers['cs:reading'](s4aReading(), privateS4aTab);
    expect(refused).toMatchObject({ stored: false, added: 0 });
    expect(said(refused.note)).toContain('private window');
    expect((await store.getHistory()).observations).toHaveLength(0);
    expect((await handlers['ui:getReadings']({ limit: 10 }, extension)).readings[0]).toMatchObject({ id: s4aReading().id, refused: refused.note });

    await handlers['ui:setSettings']({ readInPrivateWindows: true }, extension);
    const later = s4aReading({ id: 'private-visit-2', readAt: '2025-04-02T08:00:00.000Z' });
    expect(await handlers['cs:reading'](later, privateS4aTab)).toMatchObject({ stored: true, added: 87, note: null });
  });

  it('does not store a reading for another site than the page it came from', async () => {
    const store = await tracked(freshStore());
    const handlers = createHandlers(async () => store);
    // An iMusician page handing over "Spotify" numbers: forged or confused, filed nowhere.
    const reply = await handlers['cs:reading'](s4aReading(), { ...s4aTab, site: imusician });
    expect(reply).toMatchObject({ stored: false, added: 0 });
    expect(said(reply.note)).toBe('the reading is for Spotify for Artists but came from a page on iMusician');
    expect((await store.getHistory()).tracks).toHaveLength(0);
    expect(await handlers['cs:reading'](imusicianReading(), { ...s4aTab, site: imusician })).toMatchObject({ stored: true, added: 7 });
  });

  it('imports a history file, and a second time adds nothing', async () => {
    const store = await tracked(freshStore());
    const handlers = createHandlers(async () => store);
    expect(await handlers['ui:importHistory']({ fileName: 'history.json', text: historyFile }, extension)).toEqual({ tracksAdded: 1, observationsAdded: 2, observationsUnchanged: 0 });
    expect(await handlers['ui:importHistory']({ fileName: 'history.json', text: historyFile }, extension)).toEqual({ tracksAdded: 0, observationsAdded: 0, observationsUnchanged: 2 });
    const { observations } = await store.getHistory();
    // The +02:00 time was stored in canonical form.
    expect(observations.map((o) => o.observedAt).sort()).toEqual(['2025-03-31T06:00:00.000Z', '2025-04-04T09:00:00.000Z']);
  });

  it('refuses a bad history file naming the file and the first problem, changing nothing', async () => {
    const store = await tracked(freshStore());
    const handlers = createHandlers(async () => store);
    await handlers['cs:reading'](s4aReading(), s4aTab);
    const before = await store.getHistory();
    const bad = historyFile.replace('"day":"2025-03-30","value":141', '"day":"2025-02-30","value":141');
    const reply = await routeMessage({ type: 'ui:importHistory', payload: { fileName: 'old-laptop.json', text: bad } }, extension, handlers);
    expect(reply).toEqual({ ok: false, error: 'old-laptop.json: observations[0].day: "2025-02-30" is not a calendar day (YYYY-MM-DD)' });
    expect(await store.getHistory()).toEqual(before);
  });

  it('changes settings field by field through the router (absent fields keep their value)', async () => {
    const store = await tracked(freshStore());
    const handlers = createHandlers(async () => store);
    await routeMessage({ type: 'ui:setSettings', payload: { settleDays: 8 } }, extension, handlers);
    const reply = await routeMessage({ type: 'ui:setSettings', payload: { readInPrivateWindows: true } }, extension, handlers);
    expect(reply).toEqual({ ok: true, data: { settleDays: 8, assumedListenerMinimum: null, readInPrivateWindows: true, overlayCollapsed: false } });
    expect(await routeMessage({ type: 'ui:setSettings', payload: { settleDays: 0 } }, extension, handlers)).toMatchObject({ ok: false });
  });
});

describe('one round trip per reading', () => {
  it('the reading’s reply carries the panel’s view of the page’s track, the same view cs:overlayView gives', async () => {
    const factory = freshFactory();
    const handlers = createHandlers(() => tracked(openStore({ factory })), () => new Date('2025-04-02T10:00:00.000Z'));
    const imusicianTab: Sender = { kind: 'content', site: imusician, tabId: 5, incognito: false };
    await handlers['cs:reading'](s4aReading(), s4aTab);
    const overlayFor = { distributorId: '884211' };
    const reply = await routeMessage({ type: 'cs:reading', payload: { ...imusicianReading(), overlayFor } }, imusicianTab, handlers);
    expect(reply.ok).toBe(true);
    const data = (reply as { ok: true; data: { added: number; overlay?: { found: boolean; hasSpotify: boolean; hasDistributor: boolean; days: unknown[] } } }).data;
    expect(data.added).toBe(7);
    expect(data.overlay).toMatchObject({ found: true, hasDistributor: true });
    expect(data.overlay!.days.length).toBeGreaterThan(0);
    // What a second message would have brought, after the reading was stored.
    expect(data.overlay).toEqual(await handlers['cs:overlayView'](overlayFor, imusicianTab));
  });

  it('without a track to show, the reply has no view (and a malformed one is refused whole)', async () => {
    const factory = freshFactory();
    const handlers = createHandlers(() => tracked(openStore({ factory })));
    const reply = await handlers['cs:reading'](s4aReading(), s4aTab);
    expect(reply.overlay).toBeUndefined();
    const bad = await routeMessage({ type: 'cs:reading', payload: { ...s4aReading({ id: 's4a-other-reading' }), overlayFor: {} } }, s4aTab, handlers);
    expect(bad).toMatchObject({ ok: false });
  });
});
