import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../../core/model/day';
import { applyRecipe, recognise } from '../../../core/recipes';
import { confirm } from './helpers';

const API = 'https://distrokid.com/api/stats/daily';

/** Bodies in the daily-tracks shape (hypothetical, test/fixtures/distributors/README.md) with random days and counts. */
const body = fc
  .uniqueArray(
    fc.record({
      n: fc.integer({ min: 1, max: 99_999 }),
      title: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}[A-Za-z]$/),
      days: fc.uniqueArray(fc.nat({ max: 60 }), { minLength: 1, maxLength: 20 }),
      counts: fc.array(fc.nat({ max: 1_000_000 }), { minLength: 20, maxLength: 20 }),
      asText: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4, selector: (track) => track.n },
  )
  .map((tracks) => ({
    data: {
      tracks: tracks.map((track) => ({
        isrc: `QZABC26${String(track.n).padStart(5, '0')}`,
        title: track.title,
        daily: track.days.map((offset, i) => ({ date: addDays('2026-01-01', offset), streams: track.asText ? String(track.counts[i]) : track.counts[i] })),
      })),
    },
  }));

describe('recognise → confirm → applyRecipe (properties)', () => {
  it('a confirmed candidate reads back exactly the points the artist was shown, for every track of the list', () => {
    fc.assert(
      fc.property(body, (response) => {
        const { candidates } = recognise(API, response);
        const daily = candidates.filter((one) => one.cadence === 'daily');
        for (const candidate of candidates) {
          const days = candidate.points.map((point) => point.day);
          expect(days).toEqual([...new Set(days)].sort());
        }
        if (daily.length === 0) return;
        const reading = applyRecipe(confirm(daily[0]!), API, response);
        expect(reading.kind).toBe('read');
        if (reading.kind !== 'read') return;
        expect(reading.series.length).toBe(response.data.tracks.length);
        for (const candidate of daily) {
          const read = reading.series.find((one) => one.identity.isrc === candidate.identity.isrc);
          expect(read?.points).toEqual(candidate.points);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never throws and never offers a candidate from arbitrary JSON with a non-count or non-day', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = recognise(API, value);
        for (const candidate of result.candidates) for (const point of candidate.points) expect(Number.isSafeInteger(point.count) && point.count >= 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
