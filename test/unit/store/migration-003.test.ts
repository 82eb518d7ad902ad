/**
 * Migration 003: a version-2 database (one record per revision) becomes month buckets, inside
 * the upgrade transaction; every observation and revision comes through; a failing upgrade
 * leaves version 2 as it was.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../../core/model/day';
import { groupRevisions, revisionAsOf, seriesKey } from '../../../core/model/revisions';
import type { Observation, Track } from '../../../core/model/schema';
import type { ReadingRecord } from '../../../core/messaging/protocol';
import { MIGRATIONS, MigrationError, openDatabase, openStore, type Migration, type Store } from '../../../core/store';
import type { ObservationBucket } from '../../../core/store/bucket';
import { identityKeysOf } from '../../../core/store/identity';
import { observationBuckets } from '../../../core/store/migrations/003-observation-buckets';
import { byKey, freshFactory, obs, s4aReading, streamsOn, track } from './fixtures';

const NAME = 'crosscount';
const V2 = MIGRATIONS.slice(0, 2);

let store: Store | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  store?.close();
  store = undefined;
});

const tracks: Track[] = [
  track({ id: 't-1k2v9', isrc: 'CHA012400001', title: 'Harbour Lights', artists: ['Lake Avenue'], spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], distributorIds: { imusician: '884211' } }),
  track({ id: 't-0a8c1', isrc: null, title: 'Late Train (Acoustic)', artists: ['Lake Avenue'], spotifyTrackIds: ['7ouMYWpwJ422jRcDASZB7P'] }),
  track({ id: 't-3xq0p', isrc: null, title: 'Harbour Lights', distributorIds: { imusician: '884212' } }),
];

/**
 * What a version-2 install held after a few months, in normal form as the store kept it:
 * S4A daily streams read the day after (some revised a few days later, one back to its first
 * value), iMusician's daily streams read 5 days late, 28-day totals, a monthly report total
 * revised by a newer export, a track with a store "all" series. Crosses month boundaries.
 */
function v2Observations(): Observation[] {
  const out: Observation[] = [];
  const at = (day: string, later: number, hour = 8) => `${addDays(day, later)}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  for (let i = 0; i < 75; i++) {
    const day = addDays('2025-01-20', i);
    const s4a = streamsOn(140, day);
    out.push(obs({ track: 't-1k2v9', day, value: s4a, observedAt: at(day, 1) }));
    if (i % 9 === 0) out.push(obs({ track: 't-1k2v9', day, value: s4a + 3, observedAt: at(day, 4) }));
    if (i % 18 === 0) out.push(obs({ track: 't-1k2v9', day, value: s4a, observedAt: at(day, 6) }));
    out.push(obs({ track: 't-1k2v9', source: 'imusician', day, value: Math.round(s4a * 0.93), observedAt: at(day, 5, 10) }));
    out.push(obs({ track: 't-0a8c1', day, value: streamsOn(6, day), observedAt: at(day, 1) }));
    if (i % 7 === 6) out.push(obs({ track: 't-0a8c1', metric: 'streams_28d', day, value: 150 + i, observedAt: at(day, 1) }));
    if (i % 3 === 0) out.push(obs({ track: 't-3xq0p', source: 'imusician', store: 'all', day, value: 9 + (i % 4), observedAt: at(day, 5, 10) }));
  }
  out.push(obs({ track: 't-1k2v9', source: 'imusician', metric: 'streams_month', day: '2025-01-31', value: 3870, observedAt: '2025-02-20T10:00:00.000Z' }));
  out.push(obs({ track: 't-1k2v9', source: 'imusician', metric: 'streams_month', day: '2025-01-31', value: 3912, observedAt: '2025-03-20T10:00:00.000Z' }));
  return out.sort(byKey);
}

const reading: ReadingRecord = {
  id: 's4a-songs-2025-04-04',
  site: 'spotify',
  path: '/c/artist/0OdUWJ0sBjDrqHygGUXeCF/music/songs',
  readAt: '2025-04-04T08:00:00.000Z',
  status: 'recognised',
  reason: null,
  recognised: ['songs-timeline-v2'],
  unrecognised: [],
  observationCount: 58,
  addedCount: 58,
  refused: null,
};

/** A database exactly as version 2 left it, holding `observations` one record per revision. */
async function createV2(factory: IDBFactory, observations: readonly Observation[]): Promise<void> {
  const db = await openDatabase({ factory, name: NAME, migrations: V2 });
  expect(db.version).toBe(2);
  const tx = db.transaction(['tracks', 'observations', 'readings', 'settings'], 'readwrite');
  tracks.forEach((t) => tx.objectStore('tracks').put({ ...t, identityKeys: identityKeysOf(t) }));
  observations.forEach((o) => tx.objectStore('observations').put(o));
  tx.objectStore('readings').put(reading);
  tx.objectStore('settings').put({ settleDays: 6 }, 'current');
  await tx.done;
  db.close();
}

async function storedVersion(factory: IDBFactory): Promise<number | undefined> {
  return (await factory.databases()).find((db) => db.name === NAME)?.version;
}

/** The value of every series as of `asOf`, keyed by series (absent: nothing read by then). */
function valuesAsOf(observations: readonly Observation[], asOf: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const [key, revisions] of groupRevisions(observations)) {
    const holding = revisionAsOf(revisions, asOf);
    if (holding) values.set(key, holding.value);
  }
  return values;
}

describe('migration 003: revisions into month buckets', () => {
  it('upgrades a version-2 database: every observation, revision and value as of any time is there', async () => {
    const factory = freshFactory();
    const before = v2Observations();
    await createV2(factory, before);

    store = await openStore({ factory });
    expect(await storedVersion(factory)).toBe(MIGRATIONS.length);
    const history = await store.getHistory();
    // The same observations, in the old key order, without sorting them here.
    expect(history.observations).toEqual(before);
    expect(history.tracks.sort((a, b) => a.id.localeCompare(b.id))).toEqual([...tracks].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await store.getTrackObservations('t-1k2v9')).toEqual(before.filter((o) => o.track === 't-1k2v9'));
    expect(await store.listReadings(10)).toEqual([reading]);
    expect((await store.getSettings()).settleDays).toBe(6);
    expect(await store.findTrack('imusician:884212')).toMatchObject({ id: 't-3xq0p' });

    for (const asOf of ['2025-01-21T07:59:59.999Z', '2025-02-01T00:00:00.000Z', '2025-02-20T10:00:00.000Z', '2025-03-01T12:00:00.000Z', '2025-03-20T10:00:00.000Z', '2025-06-01T00:00:00.000Z']) {
      expect(valuesAsOf(history.observations, asOf), asOf).toEqual(valuesAsOf(before, asOf));
    }
    // A revision and its later return to the first value survive as three revisions.
    const jan20 = history.observations.filter((o) => o.track === 't-1k2v9' && o.source === 'spotify' && o.day === '2025-01-20');
    expect(jan20.map((o) => o.value)).toEqual([streamsOn(140, '2025-01-20'), streamsOn(140, '2025-01-20') + 3, streamsOn(140, '2025-01-20')]);
    const report = groupRevisions(history.observations).get(seriesKey({ track: 't-1k2v9', source: 'imusician', store: 'spotify', metric: 'streams_month', day: '2025-01-31' }))!;
    expect(revisionAsOf(report, '2025-03-01T00:00:00.000Z')!.value).toBe(3870);
    expect(revisionAsOf(report, '2025-04-01T00:00:00.000Z')!.value).toBe(3912);

    // The same history imported again adds nothing: migrated buckets are in normal form.
    expect(await store.importHistory({ tracks, observations: before })).toEqual({ tracksAdded: 0, observationsAdded: 0, observationsUnchanged: before.length });
    store.close();

    // Physically: one record per series and month, and no leftover of the old store.
    const db = await openDatabase({ factory, name: NAME, migrations: MIGRATIONS });
    // (money: version 4's own store; recipes, taughtSites and provenance: version 5's; all created empty.)
    expect([...db.objectStoreNames].sort()).toEqual(['money', 'observations', 'provenance', 'readings', 'recipes', 'settings', 'taughtSites', 'tracks']);
    const buckets = (await db.getAll('observations')) as ObservationBucket[];
    const months = new Set(before.map((o) => [o.track, o.source, o.store, o.metric, o.day.slice(0, 7)].join('|')));
    expect(buckets).toHaveLength(months.size);
    expect(buckets.find((b) => b.track === 't-1k2v9' && b.source === 'spotify' && b.month === '2025-02')).toMatchObject({ metric: 'streams', store: 'spotify' });
    db.close();
  });

  it('keeps working after the upgrade: new readings append to the migrated buckets', async () => {
    const factory = freshFactory();
    const before = v2Observations();
    await createV2(factory, before);
    store = await openStore({ factory });
    // 28 days up to March 31st read on April 1st: Harbour Lights and Late Train exist already.
    const added = await store.ingestReading(s4aReading(), { refused: null });
    const after = await store.getHistory();
    expect(after.tracks).toHaveLength(4);
    expect(after.observations).toHaveLength(before.length + added.added);
    // Every old revision is still there, and the values known before April 1st did not change.
    const keyOf = (o: Observation) => `${seriesKey(o)}|${o.observedAt}|${o.value}`;
    const kept = new Set(after.observations.map(keyOf));
    // Except where the new read sits before a stored later revision with the same value
    // (none here: the old reads are all before April 1st).
    expect(before.every((o) => kept.has(keyOf(o)))).toBe(true);
    expect(valuesAsOf(after.observations, '2025-03-31T23:59:59.999Z')).toEqual(valuesAsOf(before, '2025-03-31T23:59:59.999Z'));
  });

  it('pages through a history bigger than one read (22,500 revisions), none lost or doubled', { timeout: 60_000 }, async () => {
    const factory = freshFactory();
    const big: Observation[] = [];
    for (const t of tracks) {
      for (const source of ['spotify', 'imusician']) {
        for (let i = 0; i < 2500; i++) {
          const day = addDays('2018-06-01', i);
          big.push(obs({ track: t.id, source, day, value: (i * 7) % 31, observedAt: `${addDays(day, 2)}T08:00:00.000Z` }));
          if (i % 2 === 0) big.push(obs({ track: t.id, source, day, value: ((i * 7) % 31) + 1, observedAt: `${addDays(day, 9)}T08:00:00.000Z` }));
        }
      }
    }
    big.sort(byKey);
    expect(big.length).toBeGreaterThan(20_000);
    await createV2(factory, big);
    store = await openStore({ factory });
    expect((await store.getHistory()).observations).toEqual(big);
  });

  it('an empty version-2 database upgrades to an empty bucket store', async () => {
    const factory = freshFactory();
    await createV2(factory, []);
    store = await openStore({ factory });
    expect((await store.getHistory()).observations).toEqual([]);
    expect(await store.ingestReading(s4aReading(), { refused: null })).toEqual({ added: 87, unchanged: 0 });
  });

  it.each([
    [
      'a put fails halfway through the copy',
      V2.concat(observationBuckets),
      () => {
        const put = IDBObjectStore.prototype.put;
        let count = 0;
        vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
          if (this.name === 'observations' && ++count === 5) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return put.apply(this, args);
        });
      },
    ],
    [
      'the step after it fails (the copy done, the old store deleted)',
      [...MIGRATIONS, { version: MIGRATIONS.length + 1, description: 'fails', migrate: () => Promise.reject(new Error('disk on fire')) } satisfies Migration],
      () => {},
    ],
  ])('when %s, version 2 stays as it was, readable, and upgrades later', async (_, migrations, sabotage) => {
    const factory = freshFactory();
    const before = v2Observations();
    await createV2(factory, before);
    sabotage();
    await expect(openStore({ factory, migrations })).rejects.toBeInstanceOf(MigrationError);
    vi.restoreAllMocks();
    expect(await storedVersion(factory)).toBe(2);

    // Version 2's layout and records, exactly.
    const db = await openDatabase({ factory, name: NAME, migrations: V2 });
    expect([...db.objectStoreNames].sort()).toEqual(['observations', 'readings', 'settings', 'tracks']);
    expect(db.transaction('observations').objectStore('observations').keyPath).toEqual(['track', 'source', 'store', 'metric', 'day', 'observedAt']);
    expect(await db.getAll('observations')).toEqual(before);
    expect(await db.count('tracks')).toBe(tracks.length);
    expect(await db.getAll('readings')).toEqual([reading]);
    db.close();

    // The released code upgrades it afterwards, with everything.
    store = await openStore({ factory });
    expect((await store.getHistory()).observations).toEqual(before);
  });

  it('refuses to upgrade (and keeps version 2) rather than drop a revision it cannot place', async () => {
    const factory = freshFactory();
    const before = [...v2Observations(), obs({ track: 't-0a8c1', day: '2025-03-xx', value: 1, observedAt: '2025-03-02T08:00:00.000Z' })].sort(byKey);
    await createV2(factory, before);
    await expect(openStore({ factory })).rejects.toThrow(/version 3 failed \(observation of t-0a8c1 on "2025-03-xx": not a calendar day\)/);
    expect(await storedVersion(factory)).toBe(2);
  });
});
