/**
 * One logical write = one transaction (reliability.md, requirement 2): a write that fails or
 * is cut off midway leaves nothing of itself, and what was stored before is unchanged.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../../core/model/day';
import type { History } from '../../../core/model/history';
import type { Observation } from '../../../core/model/schema';
import type { Store } from '../../../core/store';
import { freshStore, obs, s4aReading, track } from './fixtures';

let store: Store | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  store?.close();
});

/** A file of 1,000 observations: 4 tracks × 250 days, read once each. */
function bigFile(): History {
  const tracks = [1, 2, 3, 4].map((n) => track({ id: `t-file-${n}`, isrc: `CHA0124000${n}0`, title: `Song ${n}` }));
  const observations: Observation[] = [];
  for (const t of tracks) {
    for (let i = 0; i < 250; i++) {
      const day = addDays('2024-06-01', i);
      observations.push(obs({ track: t.id, day, value: 20 + (i % 13), observedAt: `${addDays(day, 2)}T08:00:00.000Z` }));
    }
  }
  return { tracks, observations };
}

/**
 * Makes the `n`-th observation write do `what` instead (or before) of writing. Observations are
 * written a month's bucket per put (core/store/bucket.ts): bigFile is 36 buckets (4 tracks ×
 * 9 months), a reading of s4aReading 6 (3 songs × daily streams and 28-day totals, one month).
 */
function failObservationPut(n: number, what: (request: IDBObjectStore) => void): void {
  const original = IDBObjectStore.prototype.put;
  let count = 0;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === 'observations' && ++count === n) what(this);
    return original.apply(this, args);
  });
}

async function storeWithOneReading(): Promise<{ s: Store; before: History }> {
  const s = await freshStore();
  store = s;
  await s.ingestReading(s4aReading(), { refused: null });
  return { s, before: await s.getHistory() };
}

describe('a write that fails midway stores nothing of itself', () => {
  it('import: a put that throws at bucket 18 of 36 (observation ≈ 500 of 1,000)', async () => {
    const { s, before } = await storeWithOneReading();
    failObservationPut(18, () => {
      throw new DOMException('simulated write failure', 'UnknownError');
    });
    await expect(s.importHistory(bigFile())).rejects.toThrow('Importing the history file');
    vi.restoreAllMocks();
    expect(await s.getHistory()).toEqual(before);
  });

  it('import: the transaction cut off at bucket 18 of 36 (the worker stopped)', async () => {
    const { s, before } = await storeWithOneReading();
    failObservationPut(18, (objectStore) => objectStore.transaction.abort());
    await expect(s.importHistory(bigFile())).rejects.toThrow('the write was interrupted and undone; nothing from it was saved');
    vi.restoreAllMocks();
    expect(await s.getHistory()).toEqual(before);
    // The same file imports whole afterwards.
    expect(await s.importHistory(bigFile())).toMatchObject({ tracksAdded: 4, observationsAdded: 1000 });
  });

  it('import: an observation with an invalid key (row 700) rejects the whole file', async () => {
    const { s, before } = await storeWithOneReading();
    const file = bigFile();
    // Bypassing the parser: a day that is not a valid key at all.
    file.observations[700] = { ...file.observations[700]!, day: undefined as unknown as string };
    await expect(s.importHistory(file)).rejects.toThrow();
    expect(await s.getHistory()).toEqual(before);
  });

  it('reading: a failure after half its observations leaves no track, observation or reading record', async () => {
    const s = await freshStore();
    store = s;
    failObservationPut(4, (objectStore) => objectStore.transaction.abort());
    await expect(s.ingestReading(s4aReading(), { refused: null })).rejects.toThrow('interrupted');
    vi.restoreAllMocks();
    expect(await s.getHistory()).toEqual({ tracks: [], observations: [] });
    expect(await s.listReadings(10)).toEqual([]);
    // Not recorded, so the content script's resend is stored in full.
    expect(await s.ingestReading(s4aReading(), { refused: null })).toEqual({ added: 87, unchanged: 0 });
  });
});
