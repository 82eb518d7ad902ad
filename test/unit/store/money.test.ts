/** The store keeps the reports' money (layout version 4): import, revisions, linking, deleting. */
import { afterEach, describe, expect, it } from 'vitest';
import { normaliseHistory } from '../../../core/history/merge';
import type { History } from '../../../core/model/history';
import type { MoneyRecord } from '../../../core/model/money';
import type { Store } from '../../../core/store';
import { freshStore } from './fixtures';

let store: Store | undefined;
afterEach(() => store?.close());

const report = (observedAt: string, amount: string, streams: number, statement: string | null = '2025-05'): History => ({
  tracks: [{ id: 'imusician:CHA012400001', isrc: 'CHA012400001', title: 'Harbour Lights', artists: ['Lake Avenue'], spotifyTrackIds: [], distributorIds: {} }],
  observations: [{ track: 'imusician:CHA012400001', source: 'imusician', store: 'spotify', metric: 'streams_month', day: '2025-01-31', value: Math.max(0, streams), observedAt }],
  money: [{ track: 'imusician:CHA012400001', source: 'imusician', store: 'spotify', month: '2025-01', statement, currency: 'EUR', amount, streams, observedAt }],
});

const amounts = (money: readonly MoneyRecord[] | undefined) => (money ?? []).map(({ statement, amount, streams, observedAt }) => `${statement} ${amount}/${streams} @${observedAt.slice(0, 10)}`);

describe('money in the store', () => {
  it("imports a report's money and gives it back as the history file had it", async () => {
    store = await freshStore();
    const history = report('2025-06-01T08:00:00.000Z', '4.12', 1290);
    expect(await store.importHistory(history)).toMatchObject({ moneyAdded: 1 });
    expect(await store.getHistory()).toEqual(normaliseHistory(history));
  });

  it('a re-import of the same report adds nothing; a newer export revises; a later statement adds', async () => {
    store = await freshStore();
    await store.importHistory(report('2025-06-01T08:00:00.000Z', '4.12', 1290));
    expect(await store.importHistory(report('2025-06-15T08:00:00.000Z', '4.12', 1290))).toMatchObject({ moneyAdded: 0 });
    expect(await store.importHistory(report('2025-07-01T08:00:00.000Z', '4.1', 1284))).toMatchObject({ moneyAdded: 1 });
    expect(await store.importHistory(report('2025-07-01T08:00:00.000Z', '-0.031', -9, '2025-06'))).toMatchObject({ moneyAdded: 1 });
    expect(amounts((await store.getHistory()).money)).toEqual(['2025-05 4.12/1290 @2025-06-01', '2025-05 4.1/1284 @2025-07-01', '2025-06 -0.031/-9 @2025-07-01']);
  });

  it('a history without money stays without: no empty money list appears', async () => {
    store = await freshStore();
    const { money: _dropped, ...withoutMoney } = report('2025-06-01T08:00:00.000Z', '4.12', 1290);
    expect(await store.importHistory(withoutMoney)).not.toHaveProperty('moneyAdded');
    expect(await store.getHistory()).not.toHaveProperty('money');
  });

  it('linking a Spotify for Artists track to the recording keeps the money on the recording', async () => {
    store = await freshStore();
    await store.importHistory(report('2025-06-01T08:00:00.000Z', '4.12', 1290));
    await store.importHistory({
      tracks: [{ id: 't-s4a', isrc: null, title: 'Harbour Lights', artists: [], spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], distributorIds: {} }],
      observations: [{ track: 't-s4a', source: 'spotify', store: 'spotify', metric: 'streams', day: '2025-01-05', value: 40, observedAt: '2025-01-06T08:00:00.000Z' }],
    });
    const kept = await store.linkTrack('t-s4a', 'CHA012400001');
    const history = await store.getHistory();
    expect(history.money!.map((record) => record.track)).toEqual([kept]);
    expect(amounts(history.money)).toEqual(['2025-05 4.12/1290 @2025-06-01']);
  });

  it('deleting everything deletes the money too', async () => {
    store = await freshStore();
    await store.importHistory(report('2025-06-01T08:00:00.000Z', '4.12', 1290));
    await store.deleteAll();
    expect(await store.getHistory()).toEqual({ tracks: [], observations: [] });
  });
});
