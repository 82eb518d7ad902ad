/**
 * Runs in a Chromium page (bench only): writes the same observations three ways into real
 * IndexedDB and reads one track's history back, timing each inside the page.
 * - the project's store (`openStore().importHistory`, one call per batch: matching, revision
 *   planning, one transaction);
 * - raw IndexedDB, one readwrite transaction per batch, a put per record;
 * - Dexie, `bulkPut` per batch inside one transaction.
 * Same layout everywhere: tracks by id, observations under the store's compound key. All
 * three use strict durability, as the store's imports do.
 */
import Dexie from 'dexie';
import { openStore } from '../../core/store/index';
import { OBSERVATION_KEY_PATH } from '../../core/store/schema';
import type { Observation, Track } from '../../core/model/schema';

interface Batch {
  tracks: Track[];
  observations: Observation[];
}

export interface IngestFigures {
  observations: number;
  batches: number;
  ms: number;
  perSecond: number;
}

export interface ReadFigures {
  observationsPerTrack: number;
  reads: number;
  medianMs: number;
  p95Ms: number;
}

const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2023, 0, 1);

/** `tracks` tracks × `days` days × 2 sources (S4A, iMusician), in batches of `perBatch` tracks. */
function makeBatches(tracks: number, days: number, perBatch: number): Batch[] {
  const dayText = Array.from({ length: days }, (_, i) => new Date(START_MS + i * DAY_MS).toISOString().slice(0, 10));
  const readAt = (i: number, late: number) => new Date(START_MS + (i + late) * DAY_MS + 8 * 3_600_000).toISOString();
  const spotifyRead = dayText.map((_, i) => readAt(i, 1));
  const distributorRead = dayText.map((_, i) => readAt(i, 5));
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const batches: Batch[] = [];
  for (let first = 0; first < tracks; first += perBatch) {
    const batch: Batch = { tracks: [], observations: [] };
    for (let t = first; t < Math.min(tracks, first + perBatch); t++) {
      const id = `t-${t}`;
      batch.tracks.push({ id, isrc: `CHXXX23${String(t).padStart(5, '0')}`, title: `Song ${t}`, artists: ['Bench Artist'], spotifyTrackIds: [], distributorIds: { imusician: String(100_000 + t) } });
      const mean = 1 + 2_000 * random() ** 5;
      for (let i = 0; i < days; i++) {
        const s = Math.round(mean * (0.7 + 0.6 * random()));
        batch.observations.push({ track: id, source: 'spotify', store: 'spotify', metric: 'streams', day: dayText[i]!, value: s, observedAt: spotifyRead[i]! });
        batch.observations.push({ track: id, source: 'imusician', store: 'spotify', metric: 'streams', day: dayText[i]!, value: Math.round(s * 0.9), observedAt: distributorRead[i]! });
      }
    }
    batches.push(batch);
  }
  return batches;
}

function count(batches: readonly Batch[]): number {
  return batches.reduce((sum, batch) => sum + batch.observations.length, 0);
}

function figures(batches: readonly Batch[], ms: number): IngestFigures {
  const observations = count(batches);
  return { observations, batches: batches.length, ms: Math.round(ms), perSecond: Math.round(observations / (ms / 1000)) };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

async function openRaw(name: string): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('tracks', { keyPath: 'id' });
    open.result.createObjectStore('observations', { keyPath: OBSERVATION_KEY_PATH });
  };
  return request(open);
}

class BenchDexie extends Dexie {
  tracks!: Dexie.Table<Track, string>;
  observations!: Dexie.Table<Observation, string[]>;
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ tracks: 'id', observations: `[${OBSERVATION_KEY_PATH.join('+')}]` });
  }
}

const state: { batches: Batch[]; trackIds: string[] } = { batches: [], trackIds: [] };

async function readTimes(read: (trackId: string) => Promise<unknown[]>, reads: number): Promise<ReadFigures> {
  const times: number[] = [];
  let size = 0;
  // One warm-up read, then `reads` tracks spread over the catalogue.
  await read(state.trackIds[0]!);
  for (let i = 0; i < reads; i++) {
    const trackId = state.trackIds[Math.floor((i * state.trackIds.length) / reads)]!;
    const started = performance.now();
    const rows = await read(trackId);
    times.push(performance.now() - started);
    size = rows.length;
  }
  const round = (value: number) => Math.round(value * 100) / 100;
  return { observationsPerTrack: size, reads, medianMs: round(median(times)), p95Ms: round(percentile(times, 0.95)) };
}

const bench = {
  prepare(tracks: number, days: number, perBatch: number): number {
    state.batches = makeBatches(tracks, days, perBatch);
    state.trackIds = state.batches.flatMap((batch) => batch.tracks.map((track) => track.id));
    return count(state.batches);
  },

  async store(reads: number): Promise<{ ingest: IngestFigures; read: ReadFigures; added: number }> {
    const store = await openStore({ name: 'bench-store' });
    let added = 0;
    const started = performance.now();
    for (const batch of state.batches) added += (await store.importHistory(batch)).observationsAdded;
    const ingest = figures(state.batches, performance.now() - started);
    const read = await readTimes((trackId) => store.getTrackObservations(trackId), reads);
    store.close();
    return { ingest, read, added };
  },

  async raw(reads: number): Promise<{ ingest: IngestFigures; read: ReadFigures }> {
    const db = await openRaw('bench-raw');
    const started = performance.now();
    for (const batch of state.batches) {
      const tx = db.transaction(['tracks', 'observations'], 'readwrite', { durability: 'strict' });
      const tracks = tx.objectStore('tracks');
      const observations = tx.objectStore('observations');
      for (const track of batch.tracks) tracks.put(track);
      for (const obs of batch.observations) observations.put(obs);
      await done(tx);
    }
    const ingest = figures(state.batches, performance.now() - started);
    const read = await readTimes(async (trackId) => {
      const tx = db.transaction('observations', 'readonly');
      return request(tx.objectStore('observations').getAll(IDBKeyRange.bound([trackId], [trackId, []])));
    }, reads);
    db.close();
    return { ingest, read };
  },

  async dexie(reads: number): Promise<{ ingest: IngestFigures; read: ReadFigures; version: string }> {
    const db = new BenchDexie('bench-dexie');
    await db.open();
    const started = performance.now();
    for (const batch of state.batches) {
      await db.transaction('rw', db.tracks, db.observations, async () => {
        await db.tracks.bulkPut(batch.tracks);
        await db.observations.bulkPut(batch.observations);
      });
    }
    const ingest = figures(state.batches, performance.now() - started);
    const read = await readTimes((trackId) => db.observations.where(':id').between([trackId], [trackId, []], true, true).toArray(), reads);
    db.close();
    return { ingest, read, version: Dexie.semVer };
  },
};

(globalThis as unknown as { crosscountBench: typeof bench }).crosscountBench = bench;
