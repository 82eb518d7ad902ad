/** `ui:listTracks`: the history page's linking section reads the tracks without their observations. */
import { afterEach, describe, expect, it } from 'vitest';
import { routeMessage, type Sender } from '../../../core/messaging/router';
import { SITES } from '../../../core/sites';
import type { Store } from '../../../core/store';
import { createHandlers } from '../../../entrypoints/background/handlers';
import { freshStore, s4aReading } from '../store/fixtures';

const extension: Sender = { kind: 'extension' };
const s4aTab: Sender = { kind: 'content', site: SITES.find((site) => site.id === 'spotify')!, tabId: 4, incognito: false };

const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

async function setup() {
  const store = await freshStore();
  stores.push(store);
  return { store, handlers: createHandlers(async () => store) };
}

describe('ui:listTracks', () => {
  it('is empty before anything was read', async () => {
    const { handlers } = await setup();
    expect(await handlers['ui:listTracks']({}, extension)).toEqual({ tracks: [] });
  });

  it('lists every stored track as the store has it', async () => {
    const { store, handlers } = await setup();
    await store.ingestReading(s4aReading(), { refused: null });
    const { tracks } = await handlers['ui:listTracks']({}, extension);
    expect(tracks).toEqual(await store.listTracks());
    expect(tracks.map((track) => track.title).sort()).toEqual(['Harbour Lights', 'Late Train (Acoustic)', 'Paper Boats']);
    expect(tracks.find((track) => track.title === 'Late Train (Acoustic)')?.isrc).toBeNull();
  });

  it('is refused from a dashboard page', async () => {
    const { store, handlers } = await setup();
    await store.ingestReading(s4aReading(), { refused: null });
    const reply = await routeMessage({ type: 'ui:listTracks', payload: {} }, s4aTab, handlers);
    expect(reply).toEqual({ ok: false, error: 'ui:listTracks is not accepted from a web page' });
  });
});
