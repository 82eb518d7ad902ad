/**
 * Guarantee 14: when IndexedDB fails — it cannot be opened (Firefox "never remember history",
 * private-browsing restrictions, a failed upgrade), or the disk is full — the background says
 * so (`ui:status`), readings are paused rather than dropped (the page holds them and sends
 * them again, same id, stored once), and nothing already stored is lost.
 * Failures are injected into the real store through fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routeMessage } from '../../core/messaging/router';
import type { ReadingInput } from '../../core/messaging/reading';
import { MIGRATIONS, openStore, type Migration, type Store } from '../../core/store';
import { createHandlers } from '../../entrypoints/background/handlers';
import { createReadingSession } from '../../lib/reading-session';
import { s4aReading } from '../unit/store/fixtures';
import { extensionPage, s4aTab, worldWithData, type World } from './support';
import type { Message } from '../../core/i18n/message';
import { said } from '../unit/said';

const stores: Store[] = [];
let world: World | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  world?.store.close();
  world = undefined;
  for (const store of stores.splice(0)) store.close();
});

/**
 * A factory over a real (fake-indexeddb) one whose `open` throws like Firefox's does when it
 * keeps no history, while `broken` is true.
 */
function switchableFactory(real = new IDBFactory(), errorName = 'InvalidStateError') {
  const state = { broken: false };
  const factory = Object.assign(Object.create(real) as IDBFactory, {
    open(name: string, version?: number) {
      if (state.broken) throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', errorName);
      return real.open(name, version);
    },
  });
  return { factory, state };
}

/** Every observation write fails as on a full disk while `full` is true. */
function diskFull() {
  const state = { full: true };
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (state.full && this.name === 'observations') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
  return state;
}

const later = () => s4aReading({ id: 's4a-songs-later', readAt: '2025-04-03T08:00:00.000Z', bumpRef: 'r-harbour', bump: 9 });

describe('the database cannot be opened (history switched off, private-browsing restrictions)', () => {
  it('ui:status says so, readings are answered "paused", and the data comes back whole once it opens', async () => {
    const { factory, state } = switchableFactory();
    const first = await openStore({ factory });
    await first.ingestReading(s4aReading(), { refused: null });
    const before = await first.getHistory();
    first.close();

    state.broken = true;
    const handlers = createHandlers(async () => {
      const store = await openStore({ factory });
      stores.push(store);
      return store;
    });
    const status = await routeMessage({ type: 'ui:status', payload: {} }, extensionPage, handlers);
    expect(status).toEqual({
      ok: true,
      data: { store: 'failed', code: 'InvalidStateError', readingPaused: true, message: expect.stringContaining('never remember history') },
    });
    const reply = await routeMessage({ type: 'cs:reading', payload: later() }, s4aTab, handlers);
    expect(reply).toMatchObject({ ok: true, data: { readingId: 's4a-songs-later', stored: false, paused: true, added: 0 } });
    expect(reply.ok && said((reply.data as { note: Message }).note)).toMatch(/^reading paused, nothing stored: Opening the Crosscount database: /);
    // The pages' own requests fail with the reason, not with silence.
    expect(await routeMessage({ type: 'ui:overview', payload: {} }, extensionPage, handlers)).toMatchObject({ ok: false, error: expect.stringContaining('never remember history') });

    state.broken = false;
    expect(await routeMessage({ type: 'ui:status', payload: {} }, extensionPage, handlers)).toEqual({ ok: true, data: { store: 'ok', message: null, code: null, readingPaused: false } });
    const history = await routeMessage({ type: 'ui:getHistory', payload: {} }, extensionPage, handlers);
    expect(history).toEqual({ ok: true, data: before });
    // The paused reading, sent again, is stored once.
    expect(await routeMessage({ type: 'cs:reading', payload: later() }, s4aTab, handlers)).toMatchObject({ ok: true, data: { stored: true } });
    expect(await routeMessage({ type: 'cs:reading', payload: later() }, s4aTab, handlers)).toMatchObject({ ok: true, data: { added: 0 } });
  });

  it('a failed upgrade is reported, and the old database stays usable with its data', async () => {
    const real = new IDBFactory();
    const old = await openStore({ factory: real });
    await old.ingestReading(s4aReading(), { refused: null });
    const before = await old.getHistory();
    old.close();
    const failing: Migration[] = [...MIGRATIONS, { version: MIGRATIONS.length + 1, description: 'fails', migrate: () => Promise.reject(new Error('disk on fire')) }];
    const handlers = createHandlers(() => openStore({ factory: real, migrations: failing }));
    const status = await routeMessage({ type: 'ui:status', payload: {} }, extensionPage, handlers);
    expect(status).toMatchObject({ ok: true, data: { store: 'failed', code: 'migration', readingPaused: true, message: expect.stringContaining('it was left as it was') } });
    expect(await routeMessage({ type: 'cs:reading', payload: later() }, s4aTab, handlers)).toMatchObject({ ok: true, data: { paused: true, stored: false } });
    const released = await openStore({ factory: real });
    stores.push(released);
    expect(await released.getHistory()).toEqual(before);
  });
});

describe('the disk is full (QuotaExceededError)', () => {
  it('a reading is paused, an import refused with the reason, the status says so; nothing stored is touched; it recovers', async () => {
    world = await worldWithData();
    const before = await world.snapshot();
    const disk = diskFull();

    const reply = await world.send('cs:reading', later(), s4aTab);
    expect(reply).toMatchObject({ ok: true, data: { stored: false, paused: true, note: { key: 'readingPaused' } } });
    expect(reply.ok && said((reply.data as { note: Message }).note)).toContain('no more storage space');
    expect(await world.send('ui:status', {})).toMatchObject({ ok: true, data: { store: 'failed', code: 'QuotaExceededError', readingPaused: true } });
    const file = JSON.stringify({
      format: 'crosscount-history',
      version: 1,
      exportedAt: '2025-04-20T10:00:00.000Z',
      tracks: [{ id: 't-1', isrc: 'CHA012400009', title: 'New Song', artists: [], spotifyTrackIds: [], distributorIds: {} }],
      observations: [{ track: 't-1', source: 'imusician', store: 'spotify', metric: 'streams', day: '2025-03-01', value: 5, observedAt: '2025-03-05T08:00:00.000Z' }],
    });
    expect(await world.send('ui:importHistory', { fileName: 'new.json', text: file })).toEqual({
      ok: false,
      error: 'Importing the history file: the browser has no more storage space for Crosscount; nothing from this write was saved',
    });
    // Reading what is stored still works, and it is all there.
    expect(await world.send('ui:overview', {})).toMatchObject({ ok: true });
    expect(await world.snapshot()).toEqual(before);
    // Reads succeeding do not clear the failure: only a write does.
    expect(await world.send('ui:status', {})).toMatchObject({ ok: true, data: { store: 'failed' } });

    disk.full = false;
    expect(await world.send('cs:reading', later(), s4aTab)).toMatchObject({ ok: true, data: { stored: true, added: expect.any(Number) } });
    expect(await world.send('ui:status', {})).toMatchObject({ ok: true, data: { store: 'ok', readingPaused: false } });
    expect(await world.send('cs:reading', later(), s4aTab)).toMatchObject({ ok: true, data: { added: 0 } });
    expect((await world.snapshot()).readings).toBe(before.readings + 1);
  });

  it('a reading that is simply wrong is still refused as wrong, not held as "paused"', async () => {
    world = await worldWithData();
    diskFull();
    const contradicting = { ...later(), observations: [{ ...later().observations[0]!, ref: 'r-nobody' }] };
    const reply = await world.send('cs:reading', contradicting, s4aTab);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('names no track in the reading') });
  });
});

describe('the page holds a paused reading and sends it again until it is stored, once', () => {
  it('content-script session → router → handlers → full disk, then space again', async () => {
    world = await worldWithData();
    const before = await world.snapshot();
    const disk = diskFull();
    const w = world;
    const attempts: string[] = [];
    const session = createReadingSession({
      site: 'spotify',
      heldRetryMs: 30,
      retryDelaysMs: [],
      now: () => new Date('2025-04-03T08:00:00.000Z'),
      // As lib/messages' client does: a refusal throws, an answer is returned.
      send: async (reading: ReadingInput) => {
        attempts.push(reading.id);
        const reply = await w.send('cs:reading', reading, s4aTab);
        if (!reply.ok) throw new Error(reply.error);
        return reply.data;
      },
    });
    const outcome = later();
    session.add({ kind: 'songs-timeline-v2', recognised: true, reason: null, tracks: outcome.tracks, observations: outcome.observations }, outcome.path);
    await session.flush();
    expect(session.heldCount()).toBe(1);
    await vi.waitFor(() => expect(attempts.length).toBeGreaterThanOrEqual(3), { timeout: 5000, interval: 20 });
    expect(await w.snapshot()).toEqual(before);

    disk.full = false;
    await vi.waitFor(() => expect(session.heldCount()).toBe(0), { timeout: 5000, interval: 20 });
    session.stop();
    // One reading id, sent several times, recorded once with its new revisions.
    expect(new Set(attempts).size).toBe(1);
    const readings = (await w.store.listReadings(1000)).filter((record) => record.id === attempts[0]);
    expect(readings).toHaveLength(1);
    expect(readings[0]!.addedCount).toBeGreaterThan(0);
    expect((await w.snapshot()).history.observations.length).toBe(before.history.observations.length + readings[0]!.addedCount);
  });
});
