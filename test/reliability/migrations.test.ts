/**
 * Guarantee 4: every past layout version migrates forward with its data, and a failing
 * upgrade leaves the old database as it was and usable. One fixture database per version
 * (fixtures/database-v<N>.json, a dump of its object stores) is loaded into a database built
 * by that version's migrations, then opened by the current code. Adding migration N+1 without
 * a fixture for version N+1 fails here. (test/unit/store/migrations.test.ts covers the v1 → v2
 * backfill in detail, newer-version refusal and version-change handling.)
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareMoneyRecords, type MoneyRecord } from '../../core/model/money';
import type { Observation, Track } from '../../core/model/schema';
import type { ProvenanceRecord } from '../../core/model/provenance';
import { MIGRATIONS, MigrationError, openDatabase, openStore, type Migration } from '../../core/store';
import { identityKeysOf } from '../../core/store/identity';
import { settingsFromRecord } from '../../core/store/settings';

const NAME = 'crosscount';
const VERSIONS = MIGRATIONS.map((migration) => migration.version);

/**
 * A dump of every object store as that version wrote it (records; `[key, value]` pairs for a
 * store without a key path), and the history the current code must read from it.
 */
interface FixtureDatabase {
  version: number;
  stores: Record<string, unknown[]>;
  /** `money` from version 4 on (sales reports' money). */
  expected: { tracks: Track[]; observations: Observation[]; money?: MoneyRecord[]; provenance?: ProvenanceRecord[] };
}

const fixturePath = (version: number) => resolve(import.meta.dirname, `fixtures/database-v${version}.json`);
const fixture = (version: number) => JSON.parse(readFileSync(fixturePath(version), 'utf8')) as FixtureDatabase;

/** A database exactly as version `version` of Crosscount left it, holding the fixture's records. */
async function databaseAt(version: number, factory = new IDBFactory()): Promise<IDBFactory> {
  const { stores } = fixture(version);
  const db = await openDatabase({ factory, name: NAME, migrations: MIGRATIONS.slice(0, version) });
  expect(db.version).toBe(version);
  expect([...db.objectStoreNames].sort()).toEqual(Object.keys(stores).sort());
  const names = Object.keys(stores);
  const tx = db.transaction(names, 'readwrite');
  const puts: Promise<unknown>[] = [];
  for (const name of names) {
    const objectStore = tx.objectStore(name);
    for (const record of stores[name]!) {
      puts.push(objectStore.keyPath === null ? objectStore.put((record as [IDBValidKey, unknown])[1], (record as [IDBValidKey, unknown])[0]) : objectStore.put(record));
    }
  }
  await Promise.all([...puts, tx.done]);
  db.close();
  return factory;
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const keyOf = (obs: Observation) => [obs.track, obs.source, obs.store, obs.metric, obs.day, obs.observedAt].join('|');
const byKey = (a: Observation, b: Observation) => keyOf(a).localeCompare(keyOf(b));

async function storedVersion(factory: IDBFactory): Promise<number | undefined> {
  return (await factory.databases()).find((db) => db.name === NAME)?.version;
}

describe('fixture databases', () => {
  it.each(VERSIONS)('version %i has one', (version) => {
    expect(existsSync(fixturePath(version)), `add test/reliability/fixtures/database-v${version}.json for the new layout`).toBe(true);
    expect(fixture(version).version).toBe(version);
  });
});

describe.each(VERSIONS)('a version-%i database', (version) => {
  it('opens in the current version with every record and value', async () => {
    const { stores, expected } = fixture(version);
    const factory = await databaseAt(version);
    const store = await openStore({ factory });
    expect(await storedVersion(factory)).toBe(MIGRATIONS.length);

    const history = await store.getHistory();
    expect(history.tracks.sort(byId)).toEqual([...expected.tracks].sort(byId));
    expect(history.observations.sort(byKey)).toEqual([...expected.observations].sort(byKey));
    // Money exists from version 4 on; older databases have none, and stay without.
    expect(history.money?.sort(compareMoneyRecords)).toEqual(expected.money && [...expected.money].sort(compareMoneyRecords));
    // Provenance exists from version 5 on: which recipe read which reading.
    expect(history.provenance).toEqual(expected.provenance);
    expect((await store.listReadings(1000)).sort(byId)).toEqual([...(stores.readings as { id: string }[])].sort(byId));
    const settings = (stores.settings as [string, unknown][]).find(([key]) => key === 'current')?.[1];
    expect(await store.getSettings()).toEqual(settingsFromRecord(settings));
    // Every track is found by each of its identity keys (the version-2 index, backfilled).
    for (const track of expected.tracks) {
      for (const identity of identityKeysOf(track)) expect((await store.findTrack(identity))?.id, identity).toBe(track.id);
    }
    // Revisions stay revisions: both S4A reads of 1 March, in the order read.
    const harbour = await store.getTrackObservations('t-1k2v9');
    expect(harbour.filter((obs) => obs.source === 'spotify' && obs.day === '2025-03-01').map((obs) => obs.value)).toEqual([141, 144]);
    store.close();
  });

  it('stays as it was, and usable, when the next upgrade fails', async () => {
    const { stores, expected } = fixture(version);
    const factory = await databaseAt(version);
    const failing: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        description: 'a step that damages, then fails',
        async migrate(db, tx) {
          await tx.objectStore('observations').clear();
          db.deleteObjectStore('readings');
          throw new Error('disk on fire');
        },
      },
    ];
    await expect(openStore({ factory, migrations: failing })).rejects.toBeInstanceOf(MigrationError);
    expect(await storedVersion(factory)).toBe(version);

    // Its own version's code finds every record as it was …
    const old = await openDatabase({ factory, name: NAME, migrations: MIGRATIONS.slice(0, version) });
    for (const name of Object.keys(stores)) expect(await old.count(name), name).toBe(stores[name]!.length);
    expect(await old.getAll('observations')).toEqual(await sortedLike(old, stores.observations!));
    old.close();
    // … and the released code still upgrades it with everything.
    const store = await openStore({ factory });
    expect((await store.getHistory()).observations).toHaveLength(expected.observations.length);
    store.close();
  });
});

/** The fixture's records in the order the store keeps them (by key). */
async function sortedLike(db: Awaited<ReturnType<typeof openDatabase>>, records: unknown[]): Promise<unknown[]> {
  const keyPath = db.transaction('observations').objectStore('observations').keyPath as string[];
  const keyOfRecord = (record: unknown) => keyPath.map((part) => String((record as Record<string, unknown>)[part])).join('\u0000');
  return [...records].sort((a, b) => (keyOfRecord(a) < keyOfRecord(b) ? -1 : keyOfRecord(a) > keyOfRecord(b) ? 1 : 0));
}
