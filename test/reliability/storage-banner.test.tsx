// @vitest-environment happy-dom
/**
 * Guarantee 14, on screen: the popup and the history page show a banner when the database
 * fails — what happened, that everything stored is kept, that reading is paused, and what to
 * do — and nothing while it is fine.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup, configure, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routeMessage } from '../../core/messaging/router';
import type { MessageType, RequestOf, ResponseOf, StoreStatus } from '../../core/messaging/protocol';
import { openStore } from '../../core/store';
import { createHandlers } from '../../entrypoints/background/handlers';
import { PopupApp } from '../../entrypoints/popup/PopupApp';
import { HistoryApp } from '../../entrypoints/options/HistoryApp';
import { StorageBanner, storageAdvice } from '../../components/StorageBanner';
import type { Send } from '../../components/send';

configure({ asyncUtilTimeout: 5000 });
afterEach(cleanup);

const statusSend = (...answers: StoreStatus[]) => {
  const queue = [...answers];
  return vi.fn((type: string) => (type === 'ui:status' ? Promise.resolve(queue.length > 1 ? queue.shift()! : queue[0]!) : Promise.reject(new Error(`unexpected ${type}`)))) as unknown as Send;
};
const ok: StoreStatus = { store: 'ok', message: null, code: null, readingPaused: false };
const full: StoreStatus = {
  store: 'failed',
  message: 'Storing a reading: the browser has no more storage space for Crosscount; nothing from this write was saved',
  code: 'QuotaExceededError',
  readingPaused: true,
};

describe('StorageBanner', () => {
  it('says what happened, what is safe and what to do', async () => {
    render(<StorageBanner send={statusSend(full)} />);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Crosscount cannot save new readings right now.');
    expect(banner.textContent).toContain('no more storage space');
    expect(banner.textContent).toContain('Everything already stored is kept.');
    expect(banner.textContent).toContain('Reading is paused');
    expect(banner.textContent).toContain('Free some space on your disk');
  });

  it('shows nothing while the database is fine, or when the background cannot be asked', async () => {
    const send = statusSend(ok);
    const { container } = render(<StorageBanner send={send} />);
    await waitFor(() => expect(send).toHaveBeenCalledWith('ui:status', {}));
    expect(container.textContent).toBe('');
    cleanup();
    const silent = render(<StorageBanner send={(() => Promise.reject(new Error('no answer'))) as unknown as Send} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(silent.container.textContent).toBe('');
  });

  it('goes away once the database works again', async () => {
    render(<StorageBanner send={statusSend(full, ok)} recheckMs={20} />);
    await screen.findByRole('alert');
    await waitFor(() => expect(screen.queryByTestId('storage-banner')).toBeNull());
  });

  it('advises for each kind of failure', () => {
    expect(storageAdvice('InvalidStateError')).toContain('Remember history');
    expect(storageAdvice('VersionError')).toContain('Update Crosscount');
    expect(storageAdvice('migration')).toContain('reinstalling deletes the history');
    expect(storageAdvice(null)).toContain('Reload this page');
  });
});

/** A `send` over the real handlers whose database cannot be opened (history switched off). */
function brokenBackground(): Send {
  const real = new IDBFactory();
  const factory = Object.assign(Object.create(real) as IDBFactory, {
    open() {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    },
  });
  const handlers = createHandlers(() => openStore({ factory }));
  return (async <K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> => {
    const reply = await routeMessage({ type, payload }, { kind: 'extension' }, handlers);
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as ResponseOf<K>;
  }) as Send;
}

describe('the screens mount the banner', () => {
  it('popup', async () => {
    render(<PopupApp send={brokenBackground()} locale="en-GB" openHistory={() => {}} historyHref={(id) => `#${id}`} />);
    const banner = await screen.findByTestId('storage-banner');
    expect(banner.textContent).toContain('never remember history');
    expect(banner.textContent).toContain('Everything already stored is kept.');
    expect(banner.textContent).toContain('Remember history');
  });

  it('history page', async () => {
    render(<HistoryApp send={brokenBackground()} locale="en-GB" />);
    const banner = await screen.findByTestId('storage-banner');
    expect(banner.textContent).toContain('never remember history');
    expect(banner.textContent).toContain('Reading is paused');
  });
});
