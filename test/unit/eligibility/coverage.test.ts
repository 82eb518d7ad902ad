import { describe, expect, it } from 'vitest';
import { englishParam } from '../../../core/i18n/english';
import { eligibility } from '../../../core/eligibility';
import { coverageEnd, describeDays, missingDays, toRanges } from '../../../core/eligibility/coverage';
import { dayRange } from '../../../core/model/day';
import { history, s4a, steady, track } from './fixtures';

const ISRC = 'CHXXX2400001';
const lowerBound = (caveats: string[]) => caveats.find((caveat) => caveat.includes('is a lower bound'));

describe('coverage helpers', () => {
  it.each([
    ['read up to yesterday', '2025-06-15', '2025-06-14', '2025-06-14'],
    ['read up to the asOf day', '2025-06-15', '2025-06-15', '2025-06-15'],
    ['two days behind is S4A publishing late', '2025-06-15', '2025-06-13', '2025-06-13'],
    ['further behind: missing up to two days before asOf', '2025-06-15', '2025-06-01', '2025-06-13'],
  ])('coverageEnd: %s', (_name, asOf, lastRead, expected) => {
    expect(coverageEnd(asOf, lastRead)).toBe(expected);
  });

  it('missingDays is the union over the series, each from its own first day', () => {
    const a = new Map([['2025-01-01', 1], ['2025-01-03', 1]]);
    const b = new Map([['2025-01-03', 1], ['2025-01-05', 1]]);
    // a stopped on the 3rd: the 4th and 5th are unknown for it, whatever b says.
    expect(missingDays([a, b], '2025-01-05')).toEqual(['2025-01-02', '2025-01-04', '2025-01-05']);
    expect(missingDays([b], '2025-01-05')).toEqual(['2025-01-04']);
  });

  it('names ranges of consecutive days, at most five', () => {
    expect(toRanges(['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-05'])).toEqual([
      { first: '2025-02-27', last: '2025-03-01' },
      { first: '2025-03-05', last: '2025-03-05' },
    ]);
    const days = ['2025-01-01', '2025-01-03', '2025-01-05', '2025-01-07', '2025-01-09', '2025-01-11', '2025-01-13'];
    expect(englishParam(describeDays(days))).toBe('2025-01-01, 2025-01-03, 2025-01-05, 2025-01-07, 2025-01-09 and 2 more ranges');
  });
});

describe('gaps in daily coverage', () => {
  const gap = new Set([...dayRange('2025-03-04', '2025-03-09'), '2025-05-01']);
  const observations = steady('t-1', '2024-01-01', '2025-06-14', 3).filter((obs) => !gap.has(obs.day));

  it('make the 12-month total a lower bound, naming the missing days', () => {
    const [entry] = eligibility(history([track('t-1', ISRC)], observations), { asOfDay: '2025-06-15' }).tracks;
    // Window July 2024 – June 2025: 349 days up to 14 June, 7 of them missing.
    expect(entry!.trailing12mStreams).toBe((349 - 7) * 3);
    expect(lowerBound(entry!.caveats)).toBe(
      'Daily streams from Spotify for Artists are missing for 7 days in the last 12 months (2025-03-04 to 2025-03-09, 2025-05-01): the 12-month total from daily streams is a lower bound.',
    );
  });

  it('say nothing when the only missing days are the ones S4A has not published yet', () => {
    const [entry] = eligibility(history([track('t-1', ISRC)], steady('t-1', '2025-01-01', '2025-06-13', 3)), { asOfDay: '2025-06-15' }).tracks;
    expect(entry!.caveats.some((caveat) => caveat.includes('missing'))).toBe(false);
  });

  it('count readings that stopped as missing days', () => {
    const [entry] = eligibility(history([track('t-1', ISRC)], steady('t-1', '2024-06-01', '2025-06-05', 3)), { asOfDay: '2025-06-15' }).tracks;
    expect(lowerBound(entry!.caveats)).toContain('missing for 8 days in the last 12 months (2025-06-06 to 2025-06-13)');
  });

  it('before the window only make earlier months lower bounds', () => {
    const early = steady('t-1', '2024-01-01', '2025-06-14', 3).filter((obs) => obs.day !== '2024-02-10');
    const [entry] = eligibility(history([track('t-1', ISRC)], early), { asOfDay: '2025-06-15' }).tracks;
    expect(lowerBound(entry!.caveats)).toBeUndefined();
    expect(entry!.caveats).toContain('Earlier months are lower bounds: daily streams are missing for 1 day (2024-02-10).');
  });

  it('daily data starting inside the window is said to be a lower bound if released earlier', () => {
    const [entry] = eligibility(history([track('t-1', ISRC)], steady('t-1', '2025-05-20', '2025-06-14', 3)), { asOfDay: '2025-06-15' }).tracks;
    expect(entry!.caveats).toContain('Daily streams are known from 2025-05-20 on: if the recording was released earlier, the 12-month total is a lower bound.');
  });
});

describe("S4A's own 12-month total as the basis", () => {
  // Only the last four weeks of daily streams were read (20 a day = 560), and S4A's "Last 12
  // months" figure for the window ending 14 June says 1,450.
  const recent = steady('t-1', '2025-05-18', '2025-06-14', 20);

  it('is used, and named, when daily coverage is incomplete and the total is fresher', () => {
    const observations = [...recent, s4a('t-1', '2025-06-14', 1450, 'streams_12m')];
    const [entry] = eligibility(history([track('t-1', ISRC)], observations), { asOfDay: '2025-06-15' }).tracks;
    expect(entry).toMatchObject({ trailing12mStreams: 1450, eligible: true, streamsThisMonth: 280, firstEligibleMonth: '2025-06', projectedEligibleDay: null });
    expect(entry!.months.at(-1)).toEqual({ month: '2025-06', streams: 280, trailing12m: 1450, eligible: true });
    expect(entry!.caveats).toContain(
      `The 12-month total is Spotify for Artists' own "Last 12 months" figure for the 365 days up to 2025-06-14 (1,450 streams), because the daily streams do not cover the whole window; it is an estimate of the 12 calendar months.`,
    );
  });

  it('is not used when it is older than the daily data', () => {
    const observations = [...recent, s4a('t-1', '2025-06-01', 1450, 'streams_12m')];
    const [entry] = eligibility(history([track('t-1', ISRC)], observations), { asOfDay: '2025-06-15' }).tracks;
    expect(entry!.trailing12mStreams).toBe(560);
  });

  it('is not used when daily coverage of the window is complete', () => {
    const observations = [...steady('t-1', '2024-03-01', '2025-06-14', 2), s4a('t-1', '2025-06-14', 1450, 'streams_12m')];
    const [entry] = eligibility(history([track('t-1', ISRC)], observations), { asOfDay: '2025-06-15' }).tracks;
    expect(entry!.trailing12mStreams).toBe(349 * 2);
    expect(entry!.caveats.some((caveat) => caveat.includes('Last 12 months'))).toBe(false);
  });

  it('is used alone when no daily streams were read, without a projection', () => {
    const [entry] = eligibility(history([track('t-1', ISRC)], [s4a('t-1', '2025-06-14', 640, 'streams_12m')]), { asOfDay: '2025-06-15' }).tracks;
    expect(entry).toMatchObject({ trailing12mStreams: 640, eligible: false, projectedEligibleDay: null });
  });

  it('ending after the asOf day is not used', () => {
    const observations = [...recent, s4a('t-1', '2025-06-20', 1450, 'streams_12m')];
    const [entry] = eligibility(history([track('t-1', ISRC)], observations), { asOfDay: '2025-06-15' }).tracks;
    expect(entry!.trailing12mStreams).toBe(560);
  });
});

describe('which values count', () => {
  it('each day at its latest stored value, even when read after the asOf day', () => {
    const observations = [
      s4a('t-1', '2025-03-01', 400, 'streams', '2025-03-02T08:00:00.000Z'),
      // Offline plays synced later: the day grew, and was read after the asOf day.
      s4a('t-1', '2025-03-01', 430, 'streams', '2025-04-20T08:00:00.000Z'),
      s4a('t-1', '2025-03-02', 580, 'streams', '2025-03-03T08:00:00.000Z'),
    ];
    const [entry] = eligibility(history([track('t-1', ISRC)], observations), { asOfDay: '2025-03-02' }).tracks;
    expect(entry!.trailing12mStreams).toBe(1010);
  });

  it('days after the asOf day, distributor counts and other stores do not', () => {
    const observations = [
      ...steady('t-1', '2025-03-01', '2025-03-10', 50),
      s4a('t-1', '2025-03-11', 900),
      { ...s4a('t-1', '2025-03-05', 900), source: 'imusician' },
      { ...s4a('t-1', '2025-03-06', 900), source: 'imusician', store: 'all' },
    ];
    const [entry] = eligibility(history([track('t-1', ISRC)], observations), { asOfDay: '2025-03-10' }).tracks;
    expect(entry!.trailing12mStreams).toBe(500);
  });
});
