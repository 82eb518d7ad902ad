import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareRevisions, groupRevisions, revisionAsOf, seriesKey } from '../../../core/model/revisions';
import type { Observation } from '../../../core/model/schema';
import { planAppend } from '../../../core/store/append';
import { obs } from './fixtures';

const day = '2025-03-30';
const at = (hour: number) => `2025-04-0${1 + Math.floor(hour / 24)}T${String(hour % 24).padStart(2, '0')}:00:00.000Z`;
const rev = (hour: number, value: number) => obs({ track: 't1', day, value, observedAt: at(hour) });

/** Applies a plan to the stored set, as the store does. */
function apply(existing: readonly Observation[], incoming: readonly Observation[]): Observation[] {
  const plan = planAppend(existing, incoming);
  const gone = new Set(plan.deletes);
  return [...existing.filter((o) => !gone.has(o)), ...plan.puts];
}

function values(observations: readonly Observation[]): [string, number][] {
  return [...observations].sort(compareRevisions).map((o) => [o.observedAt, o.value]);
}

describe('planAppend', () => {
  it.each([
    { name: 'first read is stored', existing: [], incoming: [rev(8, 150)], result: [[8, 150]], added: 1 },
    { name: 'unchanged re-read adds nothing', existing: [rev(8, 150)], incoming: [rev(20, 150)], result: [[8, 150]], added: 0 },
    { name: 'changed value adds a revision', existing: [rev(8, 150)], incoming: [rev(20, 153)], result: [[8, 150], [20, 153]], added: 1 },
    { name: 'same instant resent adds nothing', existing: [rev(8, 150)], incoming: [rev(8, 150)], result: [[8, 150]], added: 0 },
    { name: 'same instant with another value keeps the stored one', existing: [rev(8, 150)], incoming: [rev(8, 999)], result: [[8, 150]], added: 0 },
    { name: 'back to an earlier value is a revision', existing: [rev(8, 150), rev(20, 153)], incoming: [rev(30, 150)], result: [[8, 150], [20, 153], [30, 150]], added: 1 },
    { name: 'older read inserted before the first: later repeat removed', existing: [rev(20, 153)], incoming: [rev(8, 153)], result: [[8, 153]], added: 1 },
    { name: 'older read with another value goes in front', existing: [rev(20, 153)], incoming: [rev(8, 150)], result: [[8, 150], [20, 153]], added: 1 },
    {
      name: 'old read between two revisions, equal to the later one',
      existing: [rev(8, 150), rev(30, 160)],
      incoming: [rev(20, 160)],
      result: [[8, 150], [20, 160]],
      added: 1,
    },
    { name: 'old read between two revisions, equal to the earlier one', existing: [rev(8, 150), rev(30, 160)], incoming: [rev(20, 150)], result: [[8, 150], [30, 160]], added: 0 },
    { name: 'a batch in any order is applied oldest first', existing: [], incoming: [rev(30, 150), rev(20, 153), rev(8, 150)], result: [[8, 150], [20, 153], [30, 150]], added: 3 },
    { name: 'duplicates in one batch count once', existing: [], incoming: [rev(8, 150), rev(8, 150), rev(9, 150)], result: [[8, 150]], added: 1 },
  ])('$name', ({ existing, incoming, result, added }) => {
    const plan = planAppend(existing, incoming);
    expect(values(apply(existing, incoming))).toEqual(result.map(([hour, value]) => [at(hour!), value]));
    expect(plan.added).toBe(added);
    expect(plan.unchanged).toBe(incoming.length - added);
  });

  it('keeps series apart: another day, metric, store or source is its own series', () => {
    const existing = [rev(8, 150)];
    const incoming = [
      obs({ track: 't1', day: '2025-03-31', value: 150, observedAt: at(20) }),
      obs({ track: 't1', day, metric: 'listeners', value: 150, observedAt: at(20) }),
      obs({ track: 't1', day, store: 'all', value: 150, observedAt: at(20) }),
      obs({ track: 't1', day, source: 'imusician', value: 150, observedAt: at(20) }),
      obs({ track: 't2', day, value: 150, observedAt: at(20) }),
    ];
    expect(planAppend(existing, incoming).added).toBe(5);
  });
});

// Small value range and a handful of instants, so equal values and collisions are common.
const observationArb = fc.record({
  track: fc.constantFrom('t1', 't2'),
  source: fc.constant('spotify'),
  store: fc.constant('spotify'),
  metric: fc.constant('streams' as const),
  day: fc.constantFrom('2025-03-29', '2025-03-30'),
  value: fc.integer({ min: 0, max: 3 }),
  observedAt: fc.integer({ min: 0, max: 40 }).map(at),
});

/** Normal form: one value per instant, and compacting (sorted, repeats dropped) drops nothing. */
function isNormalForm(observations: readonly Observation[]): boolean {
  const instants = observations.map((o) => `${seriesKey(o)}|${o.observedAt}`);
  if (new Set(instants).size !== instants.length) return false;
  const compacted = [...groupRevisions(observations).values()].flat();
  return compacted.length === observations.length;
}

describe('planAppend properties', () => {
  it('keeps the stored set in normal form, batch after batch', () => {
    fc.assert(
      fc.property(fc.array(fc.array(observationArb, { maxLength: 15 }), { maxLength: 6 }), (batches) => {
        let stored: Observation[] = [];
        for (const batch of batches) {
          stored = apply(stored, batch);
          expect(isNormalForm(stored)).toBe(true);
        }
      }),
    );
  });

  it('a batch applied twice adds nothing the second time', () => {
    fc.assert(
      fc.property(fc.array(observationArb, { maxLength: 10 }), fc.array(observationArb, { maxLength: 20 }), (first, batch) => {
        const stored = apply(apply([], first), batch);
        expect(planAppend(stored, batch).added).toBe(0);
      }),
    );
  });

  it('into an empty store, a batch becomes exactly its compacted revisions', () => {
    fc.assert(
      fc.property(fc.array(observationArb, { maxLength: 30 }), (batch) => {
        // Same instant twice in a series: the smaller value is kept (compareRevisions order).
        const firstPerKey = new Map<string, Observation>();
        for (const o of [...batch].sort(compareRevisions)) {
          const key = `${o.track}/${o.day}/${o.observedAt}`;
          if (!firstPerKey.has(key)) firstPerKey.set(key, o);
        }
        const expected = [...groupRevisions(firstPerKey.values()).values()].flat();
        expect(values(apply([], batch)).sort()).toEqual(values(expected).sort());
      }),
    );
  });

  it('right after a batch, the value as of each of its reads is what that read said', () => {
    fc.assert(
      fc.property(fc.array(observationArb, { maxLength: 10 }), fc.array(observationArb, { minLength: 1, maxLength: 15 }), (first, batch) => {
        const before = apply([], first);
        const stored = groupRevisions(apply(before, batch));
        const storedInstants = new Set(before.map((o) => `${seriesKey(o)}|${o.observedAt}`));
        const counted = new Set<string>();
        for (const o of [...batch].sort(compareRevisions)) {
          const instant = `${seriesKey(o)}|${o.observedAt}`;
          // An instant already stored keeps its value; of two reads at one instant the first counts.
          if (storedInstants.has(instant) || counted.has(instant)) continue;
          counted.add(instant);
          expect(revisionAsOf(stored.get(seriesKey(o))!, o.observedAt)!.value).toBe(o.value);
        }
      }),
    );
  });
});
