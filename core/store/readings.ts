/**
 * The readings the store records for the diagnostics page: one record per reading id (a resend
 * is recognised), the newest MAX_STORED_READINGS kept.
 */
import { unwrap } from 'idb';
import type { Reading, ReadingRecord } from '../model/reading';
import { mergeInto } from './merging';
import type { ReadingBatch } from './reading-batch';
import { READ_AT_INDEX, READINGS } from './schema';
import type { Tx, WriteTx } from './transactions';

/** Readings kept for the diagnostics page; older ones are dropped as new ones arrive. */
export const MAX_STORED_READINGS = 1000;

function readingRecord(reading: Reading, refused: string | null, addedCount: number): ReadingRecord {
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

/**
 * Records `reading` once per id and, unless it was refused, merges what it read. A reading
 * already recorded adds nothing (a resend).
 */
export async function ingestInto(tx: WriteTx, reading: Reading, batch: ReadingBatch | null, refused: string | null): Promise<{ added: number; unchanged: number }> {
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
  }
  unwrap(tx.objectStore(READINGS)).put(readingRecord(reading, refused, counts.added));
  await pruneReadings(tx);
  return counts;
}

/** The newest `limit` reading records, newest first. */
export async function newestReadings(tx: Tx<'readonly'>, limit: number): Promise<ReadingRecord[]> {
  const records: ReadingRecord[] = [];
  let cursor = await tx.objectStore(READINGS).index(READ_AT_INDEX).openCursor(null, 'prev');
  while (cursor && records.length < limit) {
    records.push(cursor.value);
    cursor = await cursor.continue();
  }
  return records;
}
