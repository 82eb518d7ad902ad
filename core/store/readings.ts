/**
 * Readings in the store: each reading recorded once (by id) with what it brought, for the
 * diagnostics page, its batch (reading-batch.ts) merged in, and which recipe read it
 * (provenance).
 */
import { unwrap } from 'idb';
import type { Reading, ReadingRecord } from '../model/reading';
import type { SavedText } from '../i18n/message';
import { mergeInto } from './merge';
import { readingBatch } from './reading-batch';
import { OBSERVATIONS, PROVENANCE, READ_AT_INDEX, READINGS, RECIPES, TRACKS } from './schema';
import { recordProvenance } from './taught';
import type { Store } from './store';
import type { Transact, WriteTx } from './transactions';

/** Readings kept for the diagnostics page; older ones are dropped as new ones arrive. */
export const MAX_STORED_READINGS = 1000;

function readingRecord(reading: Reading, refused: SavedText | null, addedCount: number): ReadingRecord {
  return {
    id: reading.id,
    site: reading.site,
    path: reading.path,
    readAt: reading.readAt,
    status: reading.status,
    reason: reading.reason,
    recognised: [...reading.recognised],
    unrecognised: [...reading.unrecognised],
    observationCount: reading.observations.length,
    addedCount,
    refused,
    responses: reading.responses.map((response) => ({ ...response })),
    ...(reading.dropped ? { dropped: { messages: reading.dropped.messages, characters: reading.dropped.characters } } : {}),
  };
}

async function pruneReadings(tx: WriteTx): Promise<void> {
  const readings = tx.objectStore(READINGS);
  let excess = (await readings.count()) - MAX_STORED_READINGS;
  if (excess <= 0) return;
  let cursor = await readings.index(READ_AT_INDEX).openCursor();
  while (cursor && excess-- > 0) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
}

export function readingMethods(transact: Transact): Pick<Store, 'ingestReading' | 'listReadings' | 'listProvenance'> {
  return {
    async ingestReading(reading, { refused }) {
      // Checked before the transaction: a self-contradicting reading is refused whole.
      const batch = refused === null ? readingBatch(reading) : null;
      return transact('Storing a reading', [READINGS, TRACKS, OBSERVATIONS, PROVENANCE, RECIPES], 'readwrite', 'default', async (tx) => {
        const previous = await tx.objectStore(READINGS).get(reading.id);
        if (previous) return { added: 0, unchanged: previous.refused === null ? reading.observations.length : 0 };
        let counts = { added: 0, unchanged: 0 };
        if (batch) {
          const merged = await mergeInto(tx, batch.tracks, batch.observations, {
            lookup: 'index',
            keepIncomingIds: false,
            describeTrack: (index) => `observations[${index}].ref`,
          });
          counts = { added: merged.added, unchanged: merged.unchanged };
          // Which recipe read these revisions (their source and reading time name them).
          if (reading.recipe && merged.added > 0) await recordProvenance(tx, { site: reading.site, readAt: reading.readAt, recipe: reading.recipe });
        }
        unwrap(tx.objectStore(READINGS)).put(readingRecord(reading, refused, counts.added));
        await pruneReadings(tx);
        return counts;
      });
    },

    async listReadings(limit) {
      return transact('Reading the diagnostics', [READINGS], 'readonly', 'default', async (tx) => {
        const records: ReadingRecord[] = [];
        let cursor = await tx.objectStore(READINGS).index(READ_AT_INDEX).openCursor(null, 'prev');
        while (cursor && records.length < limit) {
          records.push(cursor.value);
          cursor = await cursor.continue();
        }
        return records;
      });
    },

    async listProvenance() {
      return transact('Reading the provenance', [PROVENANCE], 'readonly', 'default', async (tx) => tx.objectStore(PROVENANCE).getAll());
    },
  };
}
