import { describe, expect, it } from 'vitest';
import { eligibility } from '../../../core/eligibility';
import { evaluateMonths, firstEligibleMonthOf, isEligibleAgain } from '../../../core/eligibility/window';
import { daily, history, months, monthOfStreams, track } from './fixtures';

const ISRC = 'CHXXX2400001';

describe("Spotify's worked examples", () => {
  it('1,000+ streams in the first calendar month: eligible at once, all of that month counts', () => {
    // Released on 10 March; 1,210 streams by the end of the month.
    const result = eligibility(history([track('t-1', ISRC)], daily('t-1', '2025-03-10', Array(22).fill(55))), { asOfDay: '2025-03-31' });
    const [entry] = result.tracks;
    expect(entry).toMatchObject({
      isrc: ISRC,
      month: '2025-03',
      trailing12mStreams: 1210,
      eligible: true,
      streamsThisMonth: 1210,
      firstEligibleMonth: '2025-03',
      projectedEligibleDay: null,
    });
    expect(entry!.months).toEqual([{ month: '2025-03', streams: 1210, trailing12m: 1210, eligible: true }]);
  });

  it('750 then 500: the second month is eligible with its 500 streams, the first earns nothing', () => {
    const result = eligibility(history([track('t-1', ISRC)], months('t-1', '2025-03', [750, 500])), { asOfDay: '2025-04-30' });
    const [entry] = result.tracks;
    expect(entry!.months).toEqual([
      { month: '2025-03', streams: 750, trailing12m: 750, eligible: false },
      { month: '2025-04', streams: 500, trailing12m: 1250, eligible: true },
    ]);
    expect(entry).toMatchObject({ trailing12mStreams: 1250, eligible: true, streamsThisMonth: 500, firstEligibleMonth: '2025-04' });
  });

  // A launch month of 1,200, then 30 a month, then a 700-stream month in March 2025.
  const rollingHistory = history([track('t-1', ISRC)], months('t-1', '2024-01', [1200, ...Array(13).fill(30), 700]));

  it.each([
    // [asOf day, eligible, trailing, first eligible month]
    ['2024-01-31', true, 1200, '2024-01'],
    ['2024-12-31', true, 1200 + 11 * 30, '2024-01'],
    // January 2024 leaves the window: 12 months of 30.
    ['2025-01-31', false, 360, null],
    ['2025-02-28', false, 360, null],
    // Half of March's 700 so far (15 days at 23): not yet.
    ['2025-03-15', false, 11 * 30 + 345, null],
    ['2025-03-31', true, 11 * 30 + 700, '2025-03'],
  ] as const)('eligible → ineligible → eligible as months roll: as of %s', (asOfDay, eligible, trailing, first) => {
    const [entry] = eligibility(rollingHistory, { asOfDay }).tracks;
    expect(entry).toMatchObject({ eligible, trailing12mStreams: trailing, firstEligibleMonth: first });
  });

  it('counts only days up to the asOf day, also in earlier data months', () => {
    const [entry] = eligibility(rollingHistory, { asOfDay: '2025-03-15' }).tracks;
    expect(entry!.streamsThisMonth).toBe(345);
    expect(entry!.months.at(-1)).toEqual({ month: '2025-03', streams: 345, trailing12m: 675, eligible: false });
    expect(entry!.months).toHaveLength(15);
  });
});

describe('evaluateMonths', () => {
  const totals = (entries: Record<string, number>) => new Map(Object.entries(entries));

  it.each([
    ['no streams at all', {}, '2025-01', '2025-03', [0, 0, 0], [false, false, false]],
    ['exactly the threshold counts', { '2025-01': 1000 }, '2025-01', '2025-01', [1000], [true]],
    ['999 does not', { '2025-01': 999 }, '2025-01', '2025-02', [999, 999], [false, false]],
    // 12 months: January 2024 is still in December 2024's window, not in January 2025's.
    ['a month stays in the window for 12 months', { '2024-01': 1000 }, '2024-12', '2025-01', [1000, 0], [true, false]],
    ['a window reaching back before the first listed month', { '2024-06': 900, '2025-02': 100 }, '2025-01', '2025-02', [900, 1000], [false, true]],
  ] as const)('%s', (_name, streams, first, last, trailing, eligible) => {
    const rows = evaluateMonths(totals(streams), first, last);
    expect(rows.map((row) => row.trailing12m)).toEqual(trailing);
    expect(rows.map((row) => row.eligible)).toEqual(eligible);
  });

  it('first eligible month is the start of the current run only', () => {
    const rows = evaluateMonths(totals({ '2024-01': 1500, '2025-03': 1200 }), '2024-01', '2025-05');
    expect(firstEligibleMonthOf(rows)).toBe('2025-03');
    expect(isEligibleAgain(rows)).toBe(true);
    expect(isEligibleAgain(rows.slice(0, 12))).toBe(false);
    expect(firstEligibleMonthOf(rows.slice(0, 14))).toBeNull();
  });
});

describe('months listed', () => {
  it('run from the first data month to the asOf month, including months without streams', () => {
    const observations = [...monthOfStreams('t-1', '2025-01', 40), ...monthOfStreams('t-1', '2025-04', 10, '2025-04-10')];
    // February and March were read as zero days.
    observations.push(...monthOfStreams('t-1', '2025-02', 0), ...monthOfStreams('t-1', '2025-03', 0));
    const [entry] = eligibility(history([track('t-1', ISRC)], observations), { asOfDay: '2025-05-02' }).tracks;
    expect(entry!.months.map((row) => [row.month, row.streams])).toEqual([
      ['2025-01', 40],
      ['2025-02', 0],
      ['2025-03', 0],
      ['2025-04', 10],
      ['2025-05', 0],
    ]);
  });
});
