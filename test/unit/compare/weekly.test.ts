import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, type Day } from '../../../core/model/day';
import { compareWeeks } from '../../../core/compare/weekly';

function daily(first: Day, counts: readonly number[]): Map<Day, number> {
  return new Map(counts.map((count, i) => [addDays(first, i), count]));
}

describe('compareWeeks: a weekly distributor series beside S4A days summed per week', () => {
  const spotify = daily('2026-02-02', Array.from({ length: 28 }, (_, i) => 100 + (i % 7)));
  // Each S4A week sums to 721.
  const options = { asOf: '2026-03-20', settleDays: 5, store: 'spotify' };

  it('sums the 7 days of each week and calls equal weeks a match', () => {
    const result = compareWeeks(spotify, [{ week: '2026-02-09', count: 721 }, { week: '2026-02-02', count: 719 }], options);
    expect(result.map((one) => [one.week, one.lastDay, one.spotify, one.spotifyDays, one.distributor, one.code, one.status])).toEqual([
      ['2026-02-02', '2026-02-08', 721, 7, 719, 'MATCH', 'settled'],
      ['2026-02-09', '2026-02-15', 721, 7, 721, 'MATCH', 'settled'],
    ]);
  });

  it('learns a usual filtered share, then calls a far lower week an anomaly', () => {
    const weeks = [
      { week: '2026-02-02', count: 650 },
      { week: '2026-02-09', count: 655 },
      { week: '2026-02-16', count: 648 },
      { week: '2026-02-23', count: 300 },
    ];
    expect(compareWeeks(spotify, weeks, options).map((one) => [one.code, one.level])).toEqual([
      ['FILTERED_PLAYS', 'expected'],
      ['FILTERED_PLAYS', 'expected'],
      ['FILTERED_PLAYS', 'expected'],
      ['ANOMALY', 'unexplained'],
    ]);
  });

  it('says missing when S4A does not cover the whole week, and delay while the week settles', () => {
    const result = compareWeeks(spotify, [{ week: '2026-02-26', count: 500 }, { week: '2026-03-09', count: 10 }], { ...options, asOf: '2026-03-17' });
    expect(result.map((one) => [one.spotifyDays, one.status, one.code])).toEqual([
      [4, 'missing', 'MISSING_SOURCE'],
      [0, 'pending', 'REPORTING_DELAY'],
    ]);
    expect(result[1]!.spotify).toBeNull();
  });

  it('all stores above S4A is other stores', () => {
    expect(compareWeeks(spotify, [{ week: '2026-02-02', count: 900 }], { ...options, store: 'all' })[0]!.code).toBe('OTHER_STORES');
  });

  it('one comparison per distinct week, oldest first, every code one of the nine (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ offset: fc.nat({ max: 10 }), count: fc.nat({ max: 5000 }) }), { maxLength: 12 }), (raw) => {
        const weeks = raw.map((one) => ({ week: addDays('2026-01-05', one.offset * 7), count: one.count }));
        const result = compareWeeks(spotify, weeks, options);
        expect(result.map((one) => one.week)).toEqual([...new Set(weeks.map((one) => one.week))].sort());
        for (const one of result) expect(one.spotifyDays).toBeLessThanOrEqual(7);
      }),
    );
  });
});
