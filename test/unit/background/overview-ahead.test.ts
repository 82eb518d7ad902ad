/**
 * The popup's overview is computed in the background as soon as new data has stopped
 * arriving, so the popup opened afterwards finds it ready instead of waiting for it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routeMessage, type Sender } from '../../../core/messaging/router';
import { SITES } from '../../../core/sites';
import type { Store } from '../../../core/store';
import { createHandlers, OVERVIEW_REFRESH_DELAY_MS } from '../../../entrypoints/background/handlers';
import { freshStore, imusicianReading, s4aReading } from '../store/fixtures';

const s4aTab: Sender = { kind: 'content', site: SITES.find((site) => site.id === 'spotify')!, tabId: 4, incognito: false };
const imusicianTab: Sender = { kind: 'content', site: SITES.find((site) => site.id === 'imusician')!, tabId: 5, incognito: false };
const extension: Sender = { kind: 'extension' };

const stores: Store[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const store of stores.splice(0)) store.close();
});

async function counted() {
  const store = await freshStore();
  stores.push(store);
  const getHistory = vi.spyOn(store, 'getHistory');
  return { store, getHistory };
}

const now = () => new Date('2025-04-06T12:00:00.000Z');

describe('the overview, ahead of the popup', () => {
  it('is computed once after a burst of readings, and the popup gets it without another read', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { store, getHistory } = await counted();
    const handlers = createHandlers(async () => store, now, undefined, { precomputeOverview: true });
    expect(await routeMessage({ type: 'cs:reading', payload: s4aReading() }, s4aTab, handlers)).toMatchObject({ ok: true });
    expect(await routeMessage({ type: 'cs:reading', payload: imusicianReading() }, imusicianTab, handlers)).toMatchObject({ ok: true });
    expect(getHistory).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(OVERVIEW_REFRESH_DELAY_MS);
    await vi.waitFor(() => expect(getHistory).toHaveBeenCalledTimes(1));
    const reply = await routeMessage({ type: 'ui:overview', payload: {} }, extension, handlers);
    expect(reply).toMatchObject({ ok: true });
    expect(getHistory).toHaveBeenCalledTimes(1);
    const overview = (reply as { ok: true; data: { recordings: Array<{ title: string }> } }).data;
    expect(overview.recordings.length).toBeGreaterThan(0);
  });

  it('a popup asking while it is being computed waits for that computation, not a second one', async () => {
    const { store, getHistory } = await counted();
    const handlers = createHandlers(async () => store, now);
    await routeMessage({ type: 'cs:reading', payload: s4aReading() }, s4aTab, handlers);
    const [first, second] = await Promise.all([handlers['ui:overview']({}, extension), handlers['ui:overview']({}, extension)]);
    expect(second).toBe(first);
    expect(getHistory).toHaveBeenCalledTimes(1);
    // New data: the next ask computes again, reading again only the tracks the reading touched
    // (the incremental overview, test/unit/views/overview-incremental.test.ts).
    const readTrack = vi.spyOn(store, 'getTrackObservations');
    await routeMessage({ type: 'cs:reading', payload: s4aReading({ readAt: '2025-04-05T10:00:00.000Z', bumpRef: 'r-harbour', bump: 5 }) }, s4aTab, handlers);
    const third = await handlers['ui:overview']({}, extension);
    expect(third).not.toBe(first);
    expect(getHistory).toHaveBeenCalledTimes(1);
    expect(readTrack).toHaveBeenCalledTimes(3);
  });

  it('is not computed ahead unless asked to (tests and tools that only read)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { store, getHistory } = await counted();
    const handlers = createHandlers(async () => store, now);
    await routeMessage({ type: 'cs:reading', payload: s4aReading() }, s4aTab, handlers);
    await vi.advanceTimersByTimeAsync(OVERVIEW_REFRESH_DELAY_MS * 2);
    expect(getHistory).not.toHaveBeenCalled();
  });
});
