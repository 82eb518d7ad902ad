import { describe, expect, it } from 'vitest';
import { forceCloseDatabase } from 'fake-indexeddb';
import type { ReadingRecord } from '../../../core/messaging/protocol';
import type { Observation, Track } from '../../../core/model/schema';
import { MIGRATIONS, MigrationError, openDatabase, openStore, StoreError, type Migration } from '../../../core/store';
import { checkMigrations } from '../../../core/store/migrations';
import { byKey, freshFactory, obs, s4aReading, track } from './fixtures';

const NAME = 'crosscount';

/** What an install of version 1 held after a few weeks: plain tracks, revisions, readings, settings. */
const v1Tracks: Track[] = [
  track({ id: 't-1k2v9', isrc: 'CHA012400001', title: 'Harbour Lights', artists: ['Lake Avenue'], spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], distributorIds: { imusician: '884211' } }),
  track({ id: 't-0a8c1', isrc: null, title: 'Late Train (Acoustic)', artists: ['Lake Avenue'], spotifyTrackIds: ['7ouMYWpwJ422jRcDASZB7P'] }),
  track({ id: 't-3xq0p', isrc: null, title: 'Harbour Lights', distributorIds: { imusician: '884212' } }),
];
const v1Observations: Observation[] = [
  obs({ track: 't-1k2v9', day: '2025-03-01', value: 141, observedAt: '2025-03-02T08:00:00.000Z' }),
  obs({ track: 't-1k2v9', day: '2025-03-01', value: 144, observedAt: '2025-03-05T08:00:00.000Z' }),
  obs({ track: 't-1k2v9', source: 'imusician', day: '2025-03-01', value: 131, observedAt: '2025-03-08T10:00:00.000Z' }),
  obs({ track: 't-0a8c1', day: '2025-03-01', value: 6, observedAt: '2025-03-02T08:00:00.000Z' }),
  obs({ track: 't-0a8c1', metric: 'streams_28d', day: '2025-03-01', value: 171, observedAt: '2025-03-02T08:00:00.000Z' }),
  obs({ track: 't-3xq0p', source: 'imusician', store: 'all', day: '2025-03-01', value: 9, observedAt: '2025-03-08T10:00:00.000Z' }),
];
const v1Reading: ReadingRecord = {
  id: 's4a-songs-2025-03-05',
  site: 'spotify',
  path: '/c/artist/0OdUWJ0sBjDrqHygGUXeCF/music/songs',
  readAt: '2025-03-05T08:00:00.000Z',
  status: 'recognised',
  reason: null,
  recognised: ['songs-timeline-v2'],
  unrecognised: [],
  observationCount: 58,
  addedCount: 1,
  refused: null,
};

async function createV1(factory: IDBFactory): Promise<void> {
  const db = await openDatabase({ factory, name: NAME, migrations: MIGRATIONS.slice(0, 1) });
  expect(db.version).toBe(1);
  expect([...db.objectStoreNames].sort()).toEqual(['observations', 'readings', 'settings', 'tracks']);
  const tx = db.transaction(['tracks', 'observations', 'readings', 'settings'], 'readwrite');
  await Promise.all([
    ...v1Tracks.map((t) => tx.objectStore('tracks').put(t)),
    ...v1Observations.map((o) => tx.objectStore('observations').put(o)),
    tx.objectStore('readings').put(v1Reading),
    tx.objectStore('settings').put({ settleDays: 6 }, 'current'),
    tx.done,
  ]);
  db.close();
}

async function storedVersion(factory: IDBFactory): Promise<number | undefined> {
  return (await factory.databases()).find((db) => db.name === NAME)?.version;
}

describe('migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(checkMigrations(MIGRATIONS)).toBe(MIGRATIONS.length);
    const [first, second] = MIGRATIONS;
    expect(() => checkMigrations([first!, { ...second!, version: 3 }])).toThrow('migration 2 is numbered 3');
    expect(() => checkMigrations([])).toThrow();
  });

  it('upgrade a version-1 database: all data is kept and the new identity index finds old tracks', async () => {
    const factory = freshFactory();
    await createV1(factory);

    const store = await openStore({ factory });
    expect(await storedVersion(factory)).toBe(MIGRATIONS.length);
    const history = await store.getHistory();
    expect(history.tracks.sort((a, b) => a.id.localeCompare(b.id))).toEqual([...v1Tracks].sort((a, b) => a.id.localeCompare(b.id)));
    expect(history.observations.sort(byKey)).toEqual([...v1Observations].sort(byKey));
    expect(await store.listReadings(10)).toEqual([v1Reading]);
    expect((await store.getSettings()).settleDays).toBe(6);
    expect(await store.getTrackObservations('t-1k2v9')).toHaveLength(3);

    // A new S4A reading finds the old tracks through the index (by ISRC and by Spotify id):
    // no new track for Harbour Lights or Late Train.
    await store.ingestReading(s4aReading(), { refused: null });
    const after = await store.getHistory();
    expect(after.tracks.map((t) => t.id).sort()).toEqual(['t-0a8c1', 't-1k2v9', 't-3xq0p', after.tracks.find((t) => t.title === 'Paper Boats')!.id].sort());
    store.close();

    const db = await openDatabase({ factory, name: NAME, migrations: MIGRATIONS });
    expect((await db.getAllFromIndex('tracks', 'identity', 'imusician:884212')).map((t: Track) => t.id)).toEqual(['t-3xq0p']);
    expect((await db.getAllFromIndex('tracks', 'identity', 'spotify:7ouMYWpwJ422jRcDASZB7P')).map((t: Track) => t.id)).toEqual(['t-0a8c1']);
    expect((await db.getAllFromIndex('tracks', 'identity', 'isrc:CHA012400001')).map((t: Track) => t.id)).toEqual(['t-1k2v9']);
    db.close();
  });

  it.each([
    ['throws', (): void => {
      throw new Error('disk on fire');
    }],
    ['rejects after some work', async (_db: unknown, tx: Parameters<Migration['migrate']>[1]): Promise<void> => {
      await tx.objectStore('tracks').put(track({ id: 't-half', title: 'half-migrated' }));
      throw new Error('disk on fire');
    }],
  ])('a migration that %s leaves the database at its old version with its data', async (_, failing) => {
    const factory = freshFactory();
    await createV1(factory);
    const broken: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        description: 'a step that does damage, then fails',
        migrate(db, tx) {
          db.deleteObjectStore('observations');
          tx.objectStore('readings').clear().catch(() => {});
          return failing(db, tx);
        },
      },
    ];
    // The upgrade from 1 runs every later step and then the broken one; it fails, so all are undone.
    await expect(openStore({ factory, migrations: broken })).rejects.toThrow(
      `Upgrading the Crosscount database to version ${MIGRATIONS.length + 1} failed (disk on fire); it was left as it was`,
    );
    await expect(openStore({ factory, migrations: broken })).rejects.toBeInstanceOf(MigrationError);
    expect(await storedVersion(factory)).toBe(1);

    const db = await openDatabase({ factory, name: NAME, migrations: MIGRATIONS.slice(0, 1) });
    expect(db.version).toBe(1);
    expect(await db.getAll('observations')).toHaveLength(v1Observations.length);
    expect(await db.getAll('readings')).toHaveLength(1);
    expect((await db.getAll('tracks')).map((t: Track) => t.id).sort()).toEqual(['t-0a8c1', 't-1k2v9', 't-3xq0p']);
    db.close();

    // And the released code still opens it normally afterwards.
    const store = await openStore({ factory });
    expect((await store.getHistory()).observations).toHaveLength(v1Observations.length);
    store.close();
  });

  it('a database from a newer Crosscount is refused with a message, untouched', async () => {
    const factory = freshFactory();
    const newer = await openStore({ factory, migrations: [...MIGRATIONS, { version: MIGRATIONS.length + 1, description: 'future', migrate() {} }] });
    await newer.ingestReading(s4aReading(), { refused: null });
    newer.close();
    const refused = openStore({ factory });
    await expect(refused).rejects.toBeInstanceOf(StoreError);
    await expect(refused).rejects.toThrow('written by a newer version of Crosscount');
    expect(await storedVersion(factory)).toBe(MIGRATIONS.length + 1);
  });

  it('an open store closes itself when a newer version wants to open, and says so', async () => {
    const factory = freshFactory();
    const old = await openStore({ factory });
    await old.ingestReading(s4aReading(), { refused: null });
    const upgraded = await openStore({ factory, migrations: [...MIGRATIONS, { version: MIGRATIONS.length + 1, description: 'next', migrate() {} }] });
    expect(old.state).toBe('closed');
    await expect(old.getHistory()).rejects.toThrow('The Crosscount database is closed');
    expect((await upgraded.getHistory()).observations).toHaveLength(87);
    upgraded.close();
  });

  it('a connection the browser closes is reported as terminated, with a message', async () => {
    const real = freshFactory();
    let request: IDBOpenDBRequest | undefined;
    const spying = Object.assign(Object.create(real) as IDBFactory, {
      open: (name: string, version?: number) => (request = real.open(name, version)),
    });
    const store = await openStore({ factory: spying });
    forceCloseDatabase(request!.result as never);
    expect(store.state).toBe('terminated');
    await expect(store.getSettings()).rejects.toThrow('The browser closed the Crosscount database');
  });
});
