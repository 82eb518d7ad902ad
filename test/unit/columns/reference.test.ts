/**
 * The columnar core gives the same results as the row-by-row core it replaced (kept in
 * test/reference/v1): compare, eligibility and the overview's anomaly counts, on generated
 * histories of every shape the tests know, at any asOf, in any observation order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, compareColumns } from '../../../core/compare/index';
import { historyColumns } from '../../../core/columns/build';
import { eligibility } from '../../../core/eligibility/index';
import { addDays } from '../../../core/model/day';
import type { History } from '../../../core/model/history';
import type { Observation } from '../../../core/model/schema';
import { syntheticHistory as benchHistory } from '../../../bench/synthetic-history';
import { compare as compareV1 } from '../../reference/v1/compare/index';
import { eligibility as eligibilityV1 } from '../../reference/v1/eligibility/index';
import { historyArbitrary, INSTANTS } from '../history/arbitraries';
import { syntheticHistory, type TrackPlan } from '../compare/synthetic';
import { withoutMessageData } from '../i18n/message-data';

/**
 * Same values and the same key order (the JSON of `compare --json` is compared too), beside the
 * message data the reference does not have (each reason's key and figures, `caveatMessages`:
 * docs/i18n.md) — the English messages themselves must be equal.
 */
function expectSame(actual: unknown, expected: unknown) {
  const comparable = withoutMessageData(actual);
  expect(comparable).toEqual(JSON.parse(JSON.stringify(expected)));
  expect(JSON.stringify(comparable)).toBe(JSON.stringify(expected));
}

function checkAll(history: History, asOf: string, settleDays?: number) {
  const columns = historyColumns(history);
  expectSame(compare(columns, { asOf, settleDays }), compareV1(history, { asOf, settleDays }));
  const asOfDay = asOf.slice(0, 10);
  for (const assumedListenerMinimum of [null, 50]) {
    expectSame(eligibility(columns, { asOfDay, assumedListenerMinimum }), eligibilityV1(history, { asOfDay, assumedListenerMinimum }));
  }
  // The overview's count and the screens' partial rows agree with the full rows.
  const full = compareV1(history, { asOf, settleDays });
  const columnar = compareColumns(columns, { asOf, settleDays });
  columnar.tracks.forEach((track, index) => {
    const days = full.tracks[index]!.days;
    expect(track.dayCount).toBe(days.length);
    expect(track.anomalyDays).toBe(days.filter((row) => row.reasons.some((reason) => reason.code === 'ANOMALY')).length);
    expectSame(track.latestDays(14), [...days].reverse().slice(0, 14));
    if (days.length > 2) {
      const from = days[1]!.day;
      const to = days[days.length - 2]!.day;
      expectSame(track.days({ from, to }), days.filter((row) => row.day >= from && row.day <= to));
    }
  });
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const plans = fc
  .record({
    seed: fc.nat(),
    days: fc.integer({ min: 1, max: 80 }),
    mean: fc.constantFrom(0, 2, 15, 120, 900, 40_000),
    ratio: fc.constantFrom(0.75, 0.9, 1, 1.3),
    store: fc.constantFrom('spotify', 'all'),
    lagDays: fc.integer({ min: -3, max: 3 }),
    delayDays: fc.integer({ min: 1, max: 12 }),
    incident: fc.option(fc.tuple(fc.nat({ max: 79 }), fc.constantFrom(0, 0.3, 3))),
    gaps: fc.array(fc.nat({ max: 79 }), { maxLength: 6 }),
    spotifyGaps: fc.array(fc.nat({ max: 79 }), { maxLength: 6 }),
    risesFromZero: fc.array(fc.nat({ max: 79 }), { maxLength: 10 }),
    secondSource: fc.boolean(),
    sameIsrc: fc.boolean(),
    twin: fc.boolean(),
    extraDays: fc.integer({ min: -10, max: 40 }),
  })
  .map((v) => {
    const plan: TrackPlan = {
      id: 't-1',
      start: '2025-01-20',
      days: v.days,
      mean: v.mean,
      spotifyGaps: v.spotifyGaps,
      distributors: [
        { ratio: v.ratio, store: v.store, lagDays: v.lagDays, delayDays: v.delayDays, incidents: v.incident ? { [v.incident[0]]: v.incident[1] } : {}, gaps: v.gaps, risesFromZero: v.risesFromZero },
        ...(v.secondSource ? [{ source: 'distrokid', ratio: 0.85 }] : []),
      ],
    };
    const second: TrackPlan = { ...plan, id: 't-2', mean: v.mean / 10 + 1, isrc: v.sameIsrc ? 'CHXXX2400001' : undefined };
    const history = syntheticHistory([plan, second, { ...plan, id: 't-3', isrc: null }], v.seed);
    const extra: Observation[] = [];
    // A recording read twice under two track ids, S4A's own window totals and listeners.
    if (v.twin) for (const obs of history.observations) if (obs.track === 't-1' && obs.source === 'spotify') extra.push({ ...obs, track: 't-4' });
    const last = addDays(plan.start, v.days - 1);
    extra.push({ track: 't-2', source: 'spotify', store: 'spotify', metric: 'streams_12m', day: last, value: 5_000, observedAt: `${addDays(last, 1)}T20:00:00.000Z` });
    extra.push({ track: 't-1', source: 'spotify', store: 'spotify', metric: 'listeners_12m', day: last, value: 80, observedAt: `${addDays(last, 1)}T20:00:00.000Z` });
    const tracks = v.twin ? [...history.tracks, { ...history.tracks[0]!, id: 't-4' }] : history.tracks;
    return { history: { tracks, observations: [...history.observations, ...extra] }, asOf: `${addDays(last, v.extraDays)}T12:00:00.000Z`, seed: v.seed };
  });

describe('the columnar core against the row-by-row reference', () => {
  it('agrees on realistic generated histories, at any asOf and in any observation order', () => {
    fc.assert(
      fc.property(plans, ({ history, asOf, seed }) => {
        checkAll(history, asOf);
        checkAll({ tracks: history.tracks, observations: shuffled(history.observations, seed) }, asOf, 2);
      }),
      { numRuns: 100 },
    );
  });

  it('agrees on the shared generator’s wild and consistent histories (revisions, odd days, many sources)', () => {
    const small = fc.oneof(historyArbitrary({ mode: 'wild', maxObservations: 80 }), historyArbitrary({ mode: 'consistent', maxObservations: 80 }));
    fc.assert(
      fc.property(small, fc.constantFrom(...INSTANTS, '2030-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z'), (history, asOf) => checkAll(history, asOf)),
      { numRuns: 200 },
    );
  });

  it('agrees on the benchmark’s catalogue shape (revised days, dips, listener counts)', () => {
    const data = benchHistory(12, 500);
    checkAll(data.history, data.asOf);
    checkAll(data.history, `${addDays('2023-01-01', 300)}T09:00:00.000Z`);
  });
});
