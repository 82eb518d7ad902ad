import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../../core/i18n/english';
import { eligibility } from '../../../core/eligibility';
import { projectEligibleDay, projectionCaveat, recentPace } from '../../../core/eligibility/projection';
import { addDays, dayRange } from '../../../core/model/day';
import { daily, history, monthOfStreams, steady, track } from './fixtures';

const ISRC = 'CHXXX2400001';
const evaluate = (observations: Parameters<typeof history>[1], asOfDay: string) => eligibility(history([track('t-1', ISRC)], observations), { asOfDay }).tracks[0]!;

describe('recentPace', () => {
  const series = (first: string, values: number[]) => new Map(values.map((value, index) => [addDays(first, index), value]));

  it('is the median of the last four weekly totals, per day', () => {
    // Weeks of 70, 70, 140, 70 (oldest first): median 70 → 10 a day.
    const values = [...Array(7).fill(10), ...Array(7).fill(10), ...Array(7).fill(20), ...Array(7).fill(10)];
    expect(recentPace(series('2025-06-01', values), '2025-06-28')).toEqual({ perDay: 10, weeks: 4 });
  });

  it('keeps the pace of a recording that streams on a few days a week only', () => {
    // Streams on Saturdays only: the median day is 0, the pace is not.
    const values = Array.from({ length: 28 }, (_, index) => (index % 7 === 5 ? 14 : 0));
    expect(recentPace(series('2025-06-02', values), '2025-06-29')?.perDay).toBe(2);
  });

  it('scales a week with missing days from the days it has, and uses fewer weeks when the data is young', () => {
    const values = new Map([['2025-06-27', 6], ['2025-06-28', 8]]);
    expect(recentPace(values, '2025-06-28')).toEqual({ perDay: 7, weeks: 1 });
  });

  it('is null without data in the last four weeks', () => {
    expect(recentPace(series('2025-01-01', [5, 5, 5]), '2025-06-28')).toBeNull();
  });
});

describe('projectEligibleDay', () => {
  it.each([
    // name, month streams, last known day, asOf, pace, expected
    ['steady pace inside one window', { '2025-06': 200 }, '2025-06-20', '2025-06-20', 10, '2025-09-08'],
    ['exactly on a day', { '2025-06': 990 }, '2025-06-20', '2025-06-20', 10, '2025-06-21'],
    ['fractional pace adds up', { '2025-06': 999 }, '2025-06-20', '2025-06-20', 0.1, '2025-06-30'],
    // 600 in July 2024 drops out on 1 July 2025: 145 to go at 5 a day would be 19 July, but
    // from 1 July only May and June 2025 remain (155 + 150), so it takes until November.
    ['a big old month drops out at the month change', { '2024-07': 600, '2025-05': 155, '2025-06': 100 }, '2025-06-20', '2025-06-20', 5, '2025-11-16'],
    ['unknown days before asOf are filled at the pace too', { '2025-06': 980 }, '2025-06-10', '2025-06-20', 10, '2025-06-12'],
    ['2.7 a day never reaches 1,000 in 12 calendar months', { '2025-06': 50 }, '2025-06-20', '2025-06-20', 2.7, null],
    ['no pace, no day', { '2025-06': 900 }, '2025-06-20', '2025-06-20', 0, null],
  ] as const)('%s', (_name, months, lastKnownDay, asOfDay, perDay, expected) => {
    expect(projectEligibleDay({ monthStreams: new Map(Object.entries(months)), lastKnownDay, asOfDay, perDay })).toBe(expected);
  });

  it('a pace that reaches 1,000 only in a full year finds the day after months of walking', () => {
    // 2.8 a day needs 358 days: only late in December is the window (January–December) that long.
    const day = projectEligibleDay({ monthStreams: new Map(), lastKnownDay: '2024-12-31', asOfDay: '2024-12-31', perDay: 2.8 });
    expect(day).toBe('2025-12-24');
  });
});

describe('projection in the evaluation', () => {
  it('steady pace: released 1 June at 10 a day', () => {
    const entry = evaluate(steady('t-1', '2025-06-01', '2025-06-20', 10), '2025-06-20');
    expect(entry).toMatchObject({ eligible: false, trailing12mStreams: 200, projectedEligibleDay: '2025-09-08' });
    expect(entry.caveats).toContain('Projected at about 10 streams a day (the median week of the last 3 weeks); on each first of the month the month a year back drops out of the total.');
  });

  it('uneven pace: weekend peaks and a one-off playlist spike do not set the pace', () => {
    // Mon–Sun pattern summing to 70 a week; the week of 9 June had a 500-stream playlist day.
    const week = [0, 0, 3, 0, 0, 30, 37];
    const values = [...week, ...week.map((value, index) => (index === 3 ? value + 500 : value)), ...week, ...week];
    const entry = evaluate(daily('t-1', '2025-06-02', values), '2025-06-29');
    // 780 so far; 220 to go at the median week's 10 a day.
    expect(entry).toMatchObject({ trailing12mStreams: 780, projectedEligibleDay: '2025-07-21' });
  });

  it('a big old month dropping out pushes the day back', () => {
    const observations = [
      ...monthOfStreams('t-1', '2024-07', 600),
      ...steady('t-1', '2024-08-01', '2025-04-30', 0),
      ...steady('t-1', '2025-05-01', '2025-06-20', 5),
    ];
    const entry = evaluate(observations, '2025-06-20');
    expect(entry).toMatchObject({ trailing12mStreams: 855, eligible: false, projectedEligibleDay: '2025-11-16' });
  });

  it('never reaches: null, and the caveat says why', () => {
    const entry = evaluate(steady('t-1', '2024-01-01', '2025-06-19', 2), '2025-06-20');
    expect(entry.projectedEligibleDay).toBeNull();
    expect(entry.caveats).toContain('No projected day: at about 2 streams a day (the median week of the last 4 weeks), about 730 a year, the 12-month total would not reach 1,000 within 12 months.');
  });

  it('no recent streams: null, and the caveat says so', () => {
    const observations = [...monthOfStreams('t-1', '2025-01', 400), ...dayRange('2025-02-01', '2025-06-19').map((day) => ({ ...steady('t-1', day, day, 0)[0]! }))];
    const entry = evaluate(observations, '2025-06-20');
    expect(entry.projectedEligibleDay).toBeNull();
    expect(entry.caveats).toContain('No projected day: no streams in the last 4 weeks.');
  });

  it('readings that stopped months ago: no pace from stale weeks, no projected day in the past', () => {
    // Read at 30 a day until 10 March, then nothing read until the evaluation in June.
    const entry = evaluate(steady('t-1', '2025-03-01', '2025-03-10', 30), '2025-06-20');
    expect(entry.projectedEligibleDay).toBeNull();
    expect(entry.caveats.some((caveat) => caveat.startsWith('No projected day'))).toBe(true);
  });

  it('a projection never lands before the evaluated day', () => {
    // Last read three days before the evaluation, 40 a day, 990 in the window: the unread days
    // would have passed 1,000 already, so the projected day is the evaluated day itself.
    const observations = [...steady('t-1', '2025-06-01', '2025-06-17', 40), ...monthOfStreams('t-1', '2025-05', 310)];
    const entry = evaluate(observations, '2025-06-20');
    expect(entry.eligible).toBe(false);
    expect(entry.projectedEligibleDay).toBe('2025-06-20');
  });

  it('already eligible: null, without a projection caveat', () => {
    const entry = evaluate(steady('t-1', '2025-06-01', '2025-06-20', 60), '2025-06-20');
    expect(entry).toMatchObject({ eligible: true, projectedEligibleDay: null });
    expect(entry.caveats.some((caveat) => caveat.includes('projected') || caveat.includes('Projected'))).toBe(false);
  });

  it('projectionCaveat without any recent data', () => {
    expect(englishMessage(projectionCaveat(null, null))).toBe('No projected day: no daily streams from the last 4 weeks to take a pace from.');
  });
});
