/** Invariants of compare, on generated histories (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, LEVELS_BY_CODE, REASON_CODES, type CompareResult } from '../../../core/compare/index';
import type { History } from '../../../core/model/history';
import { historyArbitrary, INSTANTS, RECORDINGS } from '../history/arbitraries';
import { syntheticHistory, type TrackPlan } from './synthetic';

/** Histories from the shared generator: few days, many revisions, arbitrary values. */
const smallHistory = fc.oneof(historyArbitrary({ mode: 'wild', maxObservations: 60 }), historyArbitrary({ mode: 'consistent', maxObservations: 60 }));

/** Realistic synthetic histories: weeks of data, incidents, gaps, late days, shifts, stores. */
const syntheticArbitrary: fc.Arbitrary<{ history: History; start: string; days: number }> = fc
  .record({
    seed: fc.nat(),
    days: fc.integer({ min: 1, max: 45 }),
    mean: fc.constantFrom(0, 2, 15, 120, 900, 40_000),
    ratio: fc.constantFrom(0.75, 0.9, 1, 1.3),
    store: fc.constantFrom('spotify', 'all'),
    lagDays: fc.integer({ min: -2, max: 2 }),
    delayDays: fc.integer({ min: 1, max: 12 }),
    incident: fc.option(fc.tuple(fc.nat({ max: 44 }), fc.constantFrom(0, 0.3, 3))),
    gaps: fc.array(fc.nat({ max: 44 }), { maxLength: 4 }),
    spotifyGaps: fc.array(fc.nat({ max: 44 }), { maxLength: 4 }),
    risesFromZero: fc.array(fc.nat({ max: 44 }), { maxLength: 6 }),
    secondSource: fc.boolean(),
  })
  .map((v) => {
    const plan: TrackPlan = {
      id: 't-1',
      start: '2025-02-03',
      days: v.days,
      mean: v.mean,
      spotifyGaps: v.spotifyGaps,
      distributors: [
        { ratio: v.ratio, store: v.store, lagDays: v.lagDays, delayDays: v.delayDays, incidents: v.incident ? { [v.incident[0]]: v.incident[1] } : {}, gaps: v.gaps, risesFromZero: v.risesFromZero },
        ...(v.secondSource ? [{ source: 'distrokid', ratio: 0.85 }] : []),
      ],
    };
    return { history: syntheticHistory([plan, { ...plan, id: 't-2', mean: v.mean / 10 + 1 }], v.seed), start: plan.start, days: v.days };
  });

const instantIn = (first: string, last: string) =>
  fc.date({ min: new Date(first), max: new Date(last), noInvalidDate: true }).map((date) => date.toISOString());

function knownAt(history: History, asOf: string): History {
  return { tracks: history.tracks, observations: history.observations.filter((obs) => obs.observedAt <= asOf) };
}

function checkInvariants(result: CompareResult) {
  for (const track of result.tracks) {
    const seen = new Set<string>();
    for (const row of track.days) {
      const key = `${row.day}|${row.distributorSource}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      expect(row.reasons.length).toBeGreaterThan(0);
      for (const reason of row.reasons) {
        expect(REASON_CODES).toContain(reason.code);
        expect(LEVELS_BY_CODE[reason.code]).toContain(reason.level);
        expect(reason.code === 'ANOMALY').toBe(reason.level === 'unexplained');
        expect(reason.message.length).toBeGreaterThan(10);
        expect(reason.message).not.toMatch(/NaN|undefined|Infinity|null/);
      }
      if (row.status === 'pending') expect(row.reasons.map((reason) => reason.code)).not.toContain('ANOMALY');
      if (row.status === 'settled') expect(row.spotify !== null && row.distributor !== null).toBe(true);
      if (row.status === 'missing') expect(row.spotify === null || row.distributor === null).toBe(true);
      expect(row.spotify !== null || row.distributor !== null).toBe(true);
      expect(row.diff).toBe(row.spotify !== null && row.distributor !== null ? row.distributor - row.spotify : null);
      // Revisions: in the order read, none after asOf, each side ending on the value shown.
      const times = row.revisions.map((revision) => revision.observedAt);
      expect(times).toEqual([...times].sort());
      expect(times.every((time) => time <= result.asOf)).toBe(true);
      const last = (source: string) => row.revisions.filter((revision) => revision.source === source).at(-1)?.value ?? null;
      expect(last('spotify')).toBe(row.spotify);
      expect(last(row.distributorSource)).toBe(row.distributor);
    }
    for (const source of track.sources) {
      expect(Number.isInteger(source.lagDays) && Math.abs(source.lagDays) <= 3).toBe(true);
      expect(source.baselineRatio === null || Number.isFinite(source.baselineRatio)).toBe(true);
    }
  }
}

describe('compare: properties', () => {
  it('results as of T ignore every observation read after T', () => {
    fc.assert(
      fc.property(smallHistory, fc.oneof(fc.constantFrom(...INSTANTS), instantIn('2025-01-20', '2025-03-01')), (history, asOf) => {
        expect(compare(history, { asOf })).toEqual(compare(knownAt(history, asOf), { asOf }));
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(syntheticArbitrary, instantIn('2025-02-01', '2025-04-01'), ({ history }, asOf) => {
        expect(compare(history, { asOf })).toEqual(compare(knownAt(history, asOf), { asOf }));
      }),
      { numRuns: 40 },
    );
  });

  it('never throws on a valid history, and its result keeps every invariant', () => {
    fc.assert(
      fc.property(
        smallHistory,
        instantIn('2024-12-01', '2026-01-01'),
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        fc.option(fc.constantFrom(...RECORDINGS.map((recording) => recording.isrc)), { nil: undefined }),
        (history, asOf, settleDays, isrc) => {
          checkInvariants(compare(history, { asOf, settleDays, isrc }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps every invariant on realistic histories, at any time', () => {
    fc.assert(
      fc.property(syntheticArbitrary, instantIn('2025-02-01', '2025-05-01'), ({ history }, asOf) => {
        checkInvariants(compare(history, { asOf }));
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: the same history and options give the same result', () => {
    fc.assert(
      fc.property(syntheticArbitrary, ({ history }) => {
        const asOf = '2025-04-01T00:00:00.000Z';
        expect(JSON.stringify(compare(history, { asOf }))).toBe(JSON.stringify(compare(structuredClone(history), { asOf })));
      }),
      { numRuns: 20 },
    );
  });
});
