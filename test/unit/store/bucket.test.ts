/**
 * Month buckets: the append rule applied inside a bucket gives exactly what planAppend (the
 * rule's reference, append.test.ts) gives on loose observations, batch after batch, and
 * through the store itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Observation } from '../../../core/model/schema';
import type { Store } from '../../../core/store';
import { planAppend } from '../../../core/store/append';
import { IncomingRevisions, dayOfMonth, mergeBucket, observationsOf, type ObservationBucket } from '../../../core/store/bucket';
import { byKey, freshStore, obs, track } from './fixtures';

const key = { track: 't1', source: 'spotify', store: 'spotify', metric: 'streams' as const, month: '2025-03' };
const at = (hour: number) => `2025-04-${String(1 + Math.floor(hour / 24)).padStart(2, '0')}T${String(hour % 24).padStart(2, '0')}:00:00.000Z`;

function incomingOf(observations: readonly Observation[]): IncomingRevisions {
  const incoming = new IncomingRevisions();
  for (const o of observations) incoming.add(dayOfMonth(o.day), o.observedAt, o.value);
  return incoming;
}

/** Applies a planAppend plan to loose observations, as the version-2 store did. */
function applyLoose(existing: readonly Observation[], incoming: readonly Observation[]): Observation[] {
  const plan = planAppend(existing, incoming);
  const gone = new Set(plan.deletes);
  return [...existing.filter((o) => !gone.has(o)), ...plan.puts].sort(byKey);
}

describe('dayOfMonth', () => {
  it.each([
    ['2025-03-01', 1],
    ['2025-03-31', 31],
    ['2024-02-29', 29],
    ['2025-03-32', 0],
    ['2025-03-00', 0],
    ['2025-03-1', 0],
    ['2025-03-1x', 0],
    ['2025/03/01', 0],
    [undefined, 0],
    [20250301, 0],
  ])('%s → %i', (day, expected) => {
    expect(dayOfMonth(day)).toBe(expected);
  });
});

describe('mergeBucket', () => {
  it('a new bucket holds the batch’s revisions sorted by day and time, repeats and same-instant doubles left out', () => {
    const batch = [
      obs({ track: 't1', day: '2025-03-30', value: 150, observedAt: at(20) }),
      obs({ track: 't1', day: '2025-03-02', value: 7, observedAt: at(8) }),
      obs({ track: 't1', day: '2025-03-30', value: 150, observedAt: at(8) }),
      obs({ track: 't1', day: '2025-03-30', value: 153, observedAt: at(30) }),
      obs({ track: 't1', day: '2025-03-02', value: 9, observedAt: at(8) }),
    ];
    const merged = mergeBucket(key, undefined, incomingOf(batch));
    expect(merged).toMatchObject({ added: 3, unchanged: 2 });
    expect(merged.bucket).toEqual({ ...key, days: [2, 30, 30], observedAt: [at(8), at(8), at(30)], values: [7, 150, 153] });
  });

  it('writes nothing when nothing changes', () => {
    const stored: ObservationBucket = { ...key, days: [2, 30], observedAt: [at(8), at(8)], values: [7, 150] };
    const merged = mergeBucket(key, stored, incomingOf([obs({ track: 't1', day: '2025-03-30', value: 150, observedAt: at(20) }), obs({ track: 't1', day: '2025-03-02', value: 8, observedAt: at(8) })]));
    expect(merged).toEqual({ bucket: null, added: 0, unchanged: 2 });
  });

  it('an older read arriving late goes in front, and the later read it repeats is removed', () => {
    const stored: ObservationBucket = { ...key, days: [2, 30, 30], observedAt: [at(8), at(20), at(40)], values: [7, 153, 160] };
    const merged = mergeBucket(key, stored, incomingOf([obs({ track: 't1', day: '2025-03-30', value: 153, observedAt: at(8) })]));
    expect(merged).toMatchObject({ added: 1, unchanged: 0 });
    expect(merged.bucket).toEqual({ ...key, days: [2, 30, 30], observedAt: [at(8), at(8), at(40)], values: [7, 153, 160] });
  });
});

// Few days, values and instants, so repeats, collisions and late arrivals are common.
const observationArb = fc.record({
  track: fc.constant('t1'),
  source: fc.constant('spotify'),
  store: fc.constant('spotify'),
  metric: fc.constant('streams' as const),
  day: fc.constantFrom('2025-03-01', '2025-03-09', '2025-03-10', '2025-03-31'),
  value: fc.integer({ min: 0, max: 3 }),
  observedAt: fc.integer({ min: 0, max: 40 }).map(at),
});

describe('mergeBucket properties', () => {
  it('batch after batch, the bucket holds exactly what planAppend keeps, and counts the same', () => {
    fc.assert(
      fc.property(fc.array(fc.array(observationArb, { maxLength: 15 }), { maxLength: 6 }), (batches) => {
        let loose: Observation[] = [];
        let bucket: ObservationBucket | undefined;
        for (const batch of batches) {
          const plan = planAppend(loose, batch);
          const merged = mergeBucket(key, bucket, incomingOf(batch));
          expect([merged.added, merged.unchanged]).toEqual([plan.added, plan.unchanged]);
          expect(merged.bucket === null).toBe(plan.added === 0);
          bucket = merged.bucket ?? bucket;
          loose = applyLoose(loose, batch);
          expect(bucket ? observationsOf([bucket]) : []).toEqual(loose);
        }
      }),
    );
  });
});

let store: Store | undefined;
afterEach(() => store?.close());

describe('the store', () => {
  it('keeps, over batches of imports, exactly the revisions planAppend keeps (several series and months)', async () => {
    const manyArb = fc.record({
      track: fc.constantFrom('t-a', 't-b'),
      source: fc.constantFrom('spotify', 'imusician'),
      store: fc.constant('spotify'),
      metric: fc.constantFrom('streams' as const, 'streams_28d' as const),
      day: fc.constantFrom('2025-02-28', '2025-03-01', '2025-03-31', '2025-04-01'),
      value: fc.integer({ min: 0, max: 2 }),
      observedAt: fc.integer({ min: 0, max: 60 }).map(at),
    });
    const tracks = [track({ id: 't-a', isrc: 'CHA012400001' }), track({ id: 't-b', isrc: 'CHA012400002' })];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(manyArb, { maxLength: 25 }), { minLength: 1, maxLength: 4 }), async (batches) => {
        store?.close();
        store = await freshStore();
        let loose: Observation[] = [];
        for (const batch of batches) {
          const plan = planAppend(loose, batch);
          expect(await store.importHistory({ tracks, observations: batch })).toMatchObject({ observationsAdded: plan.added, observationsUnchanged: plan.unchanged });
          loose = applyLoose(loose, batch);
        }
        expect((await store.getHistory()).observations).toEqual(loose);
        expect(await store.getTrackObservations('t-b')).toEqual(loose.filter((o) => o.track === 't-b'));
      }),
      { numRuns: 40 },
    );
  });
});
