/**
 * The history as a whole: merged in from a file (all of it or none), read out, one track's
 * observations, and everything deleted.
 */
import { unwrap } from 'idb';
import type { ImportResult } from '../model/reading';
import type { History } from '../model/history';
import { observationsOf } from './bucket';
import { plainTrack } from './identity';
import { prefixRange } from './key-range';
import { mergeInto } from './merge';
import { mergeMoneyInto, recordsOf } from './money';
import { MONEY, OBSERVATIONS, PROVENANCE, READINGS, RECIPES, SETTINGS, TAUGHT_SITES, TRACKS } from './schema';
import type { Store } from './store';
import type { Name, Transact } from './transactions';

export function historyMethods(transact: Transact): Pick<Store, 'importHistory' | 'getHistory' | 'getTrackObservations' | 'deleteAll'> {
  return {
    async importHistory(history) {
      return transact('Importing the history file', [TRACKS, OBSERVATIONS, MONEY, PROVENANCE], 'readwrite', 'strict', async (tx) => {
        const merged = await mergeInto(tx, history.tracks, history.observations, {
          lookup: 'all',
          keepIncomingIds: true,
          describeTrack: (index) => `observations[${index}].track`,
        });
        // What the file says read its readings; a record already here (same source and time) is the same reading.
        for (const record of history.provenance ?? []) unwrap(tx.objectStore(PROVENANCE)).put({ ...record });
        const result: ImportResult = { tracksAdded: merged.tracksAdded, observationsAdded: merged.added, observationsUnchanged: merged.unchanged };
        if (!history.money || history.money.length === 0) return result;
        const money = await mergeMoneyInto(tx, history.money, (track, index) => {
          const id = merged.idFor.get(track);
          if (id === undefined) throw new Error(`money[${index}].track: ${JSON.stringify(track)} names no track`);
          return id;
        });
        return { ...result, moneyAdded: money.added };
      });
    },

    async getHistory() {
      return transact('Reading the history', [TRACKS, OBSERVATIONS, MONEY, PROVENANCE], 'readonly', 'default', async (tx) => {
        const [tracks, buckets, money, provenance] = await Promise.all([
          tx.objectStore(TRACKS).getAll(),
          tx.objectStore(OBSERVATIONS).getAll(),
          tx.objectStore(MONEY).getAll(),
          tx.objectStore(PROVENANCE).getAll(),
        ]);
        const history: History = { tracks: tracks.map(plainTrack), observations: observationsOf(buckets) };
        // Absent rather than empty: a history without money is exactly what it was before money existed.
        if (money.length > 0) history.money = money.flatMap((series) => recordsOf(series));
        if (provenance.length > 0) history.provenance = provenance;
        return history;
      });
    },

    async getTrackObservations(trackId) {
      return transact('Reading a track', [OBSERVATIONS], 'readonly', 'default', async (tx) =>
        observationsOf(await tx.objectStore(OBSERVATIONS).getAll(prefixRange(trackId))),
      );
    },

    async deleteAll() {
      const all = [TRACKS, OBSERVATIONS, READINGS, SETTINGS, MONEY, RECIPES, TAUGHT_SITES, PROVENANCE] as Name[];
      await transact('Deleting everything', all, 'readwrite', 'strict', async (tx) => {
        await Promise.all(all.map((name) => tx.objectStore(name).clear()));
      });
    },
  };
}
