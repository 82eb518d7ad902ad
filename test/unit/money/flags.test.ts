/**
 * The money view and its flags (docs/contracts.md §3) on hand-made histories: each flag at its
 * level, and the cases that must not raise it.
 */
import { describe, expect, it } from 'vitest';
import { money, MONEY_FLAG_CODES, MONEY_FLAG_LEVELS, type MoneyMonth } from '../../../core/money';
import { history, ISRC, report, s4a, tracks, type Line } from './build';

/** Each month before April builds toward 1,000: Jan 0, Feb 300, Mar 400 (700), Apr 500 (1,200: eligible). */
const CLIMBING = { '2024-01': 0, '2024-02': 300, '2024-03': 400, '2024-04': 500, '2024-05': 600, '2024-06': 600, '2024-07': 600, '2024-08': 600, '2024-09': 600, '2024-10': 600, '2024-11': 600 };
const AS_OF = '2024-12-15';

function entry(lines: readonly Line[], month: string, options: { s4aTotals?: Record<string, number>; asOf?: string; store?: string; currency?: string } = {}): MoneyMonth {
  const result = money(history(options.s4aTotals ?? CLIMBING, lines), { asOfDay: options.asOf ?? AS_OF });
  const found = result.tracks[0]!.months.find((row) => row.month === month && row.store === (options.store ?? 'spotify') && (options.currency === undefined || row.revenue?.currency === options.currency));
  if (!found) throw new Error(`no ${month} entry`);
  return found;
}

const codes = (row: MoneyMonth) => row.flags.map((flag) => flag.code);

/** Settled, eligible months at a steady 0.003 EUR per stream: the usual rate. */
const USUAL: Line[] = ['2024-05', '2024-06'].map((month) => ({ month, streams: 580, amount: '1.74' }));

describe('money flags, one by one', () => {
  it('every flag has the level the contract gives it', () => {
    expect(MONEY_FLAG_LEVELS).toEqual({
      STATEMENT_PENDING: 'expected',
      BELOW_THRESHOLD: 'expected',
      REVENUE_WITHOUT_STREAMS: 'unexplained',
      REVENUE_BEFORE_RELEASE: 'unexplained',
      INELIGIBLE_WITH_REVENUE: 'possible',
      ELIGIBLE_WITHOUT_REVENUE: 'possible',
      RATE_OUTLIER: 'possible',
    });
    expect(MONEY_FLAG_CODES).toHaveLength(7);
  });

  it('STATEMENT_PENDING (expected) for a month less than 6 months back, not for an older one', () => {
    const lines = [{ month: '2024-07', streams: 580, amount: '1.74' }, { month: '2024-06', streams: 580, amount: '1.74' }];
    const recent = entry(lines, '2024-07');
    expect(recent.flags).toEqual([expect.objectContaining({ code: 'STATEMENT_PENDING', level: 'expected' })]);
    expect(recent.pending).toBe(true);
    expect(codes(entry(lines, '2024-06'))).toEqual([]);
  });

  it('BELOW_THRESHOLD (expected) with the streams that earned no royalty, on Spotify entries only', () => {
    const lines = [{ month: '2024-02', streams: 280, amount: '0' }, { month: '2024-02', store: 'apple', streams: 40, amount: '0.28' }];
    const row = entry(lines, '2024-02');
    expect(row).toMatchObject({ s4aStreams: 300, eligible: false, trailing12m: 300 });
    expect(row.flags).toEqual([{ code: 'BELOW_THRESHOLD', level: 'expected', message: expect.stringContaining('300 Spotify streams in 2024-02, when the recording had 300 of 1,000 streams'), text: { key: 'moneyFlagBelowThreshold', params: { streams: 300, month: { month: '2024-02' }, trailing: 300, threshold: 1000 } } }]);
    expect(entry(lines, '2024-02', { store: 'apple' })).toMatchObject({ s4aStreams: null, eligible: null, flags: [] });
  });

  it('REVENUE_WITHOUT_STREAMS (unexplained) for money on a line with 0 streams; not for a negative correction', () => {
    const row = entry([...USUAL, { month: '2024-05', store: 'deezer', streams: 0, amount: '0.42' }], '2024-05', { store: 'deezer' });
    expect(row.flags).toEqual([{ code: 'REVENUE_WITHOUT_STREAMS', level: 'unexplained', message: expect.stringContaining("iMusician's Deezer line for 2024-05 pays 0.42 EUR for 0 streams"), text: { key: 'moneyFlagRevenueWithoutStreams', params: { amount: { money: { amount: '0.42', currency: 'EUR' } }, month: { month: '2024-05' } } } }]);
    expect(row.perStream).toBeNull();
    expect(codes(entry([{ month: '2024-05', store: 'deezer', streams: 0, amount: '-0.42' }], '2024-05', { store: 'deezer' }))).toEqual([]);
  });

  it('REVENUE_BEFORE_RELEASE (unexplained) when S4A shows the whole month and everything before it without a stream', () => {
    const row = entry([{ month: '2024-01', store: 'apple', streams: 12, amount: '0.08' }], '2024-01', { store: 'apple' });
    expect(row.flags).toEqual([{ code: 'REVENUE_BEFORE_RELEASE', level: 'unexplained', message: expect.stringContaining('Spotify for Artists shows no stream of the recording in 2024-01 or before it'), text: { key: 'moneyFlagRevenueBeforeRelease', params: { amount: { money: { amount: '0.08', currency: 'EUR' } }, month: { month: '2024-01' } } } }]);
  });

  it('no REVENUE_BEFORE_RELEASE when S4A does not reach back to that month: nothing can be said', () => {
    const lines = [{ month: '2023-12', store: 'apple', streams: 12, amount: '0.08' }];
    expect(codes(entry(lines, '2023-12', { store: 'apple' }))).toEqual([]);
    // …nor once S4A shows a stream in the month.
    expect(codes(entry([{ month: '2024-02', store: 'apple', streams: 12, amount: '0.08' }], '2024-02', { store: 'apple' }))).toEqual([]);
  });

  it('INELIGIBLE_WITH_REVENUE (possible) for Spotify money in a month counted as not eligible', () => {
    const row = entry([{ month: '2024-03', streams: 380, amount: '0.9' }], '2024-03');
    expect(row).toMatchObject({ eligible: false, s4aStreams: 400 });
    expect(row.flags).toEqual([
      expect.objectContaining({ code: 'BELOW_THRESHOLD', level: 'expected' }),
      { code: 'INELIGIBLE_WITH_REVENUE', level: 'possible', message: expect.stringContaining('pays 0.9 EUR, though the recording had 700 of 1,000 streams in the 12 months'), text: { key: 'moneyFlagIneligibleWithRevenue', params: { amount: { money: { amount: '0.9', currency: 'EUR' } }, month: { month: '2024-03' }, trailing: 700, threshold: 1000 } } },
    ]);
  });

  it('ELIGIBLE_WITHOUT_REVENUE (possible) for a settled eligible month that pays nothing on Spotify; not while pending', () => {
    const row = entry([...USUAL, { month: '2024-04', streams: 480, amount: '0' }], '2024-04');
    expect(row).toMatchObject({ eligible: true, s4aStreams: 500 });
    expect(row.flags).toEqual([{ code: 'ELIGIBLE_WITHOUT_REVENUE', level: 'possible', message: expect.stringContaining('pays 0 EUR for 500 streams, though the recording was eligible by the count'), text: { key: 'moneyFlagEligibleWithoutRevenue', params: { month: { month: '2024-04' }, threshold: 1000 } } }]);
    expect(codes(entry([{ month: '2024-09', streams: 580, amount: '0' }], '2024-09'))).toEqual(['STATEMENT_PENDING']);
  });

  it('RATE_OUTLIER (possible) for a rate far from the usual one of that store; not for a small difference or few streams', () => {
    const usual = ['2024-05', '2024-06', '2024-07', '2024-08'].map((month) => ({ month, streams: 580, amount: '1.74' }));
    const far = entry([...usual, { month: '2024-04', streams: 480, amount: '7.2' }], '2024-04');
    expect(far.usualPerStream).toBeCloseTo(0.003, 10);
    expect(far.perStream).toBeCloseTo(0.015, 10);
    expect(far.flags).toEqual([{ code: 'RATE_OUTLIER', level: 'possible', message: expect.stringContaining('pays 0.015 EUR per stream over 480 streams, against a usual 0.003 EUR per stream'), text: { key: 'moneyFlagRateOutlier', params: { rate: { rate: { value: expect.closeTo(0.015, 10), currency: 'EUR' } }, month: { month: '2024-04' }, usual: { rate: { value: expect.closeTo(0.003, 10), currency: 'EUR' } } } } }]);
    expect(codes(entry([...usual, { month: '2024-04', streams: 480, amount: '2.4' }], '2024-04'))).toEqual([]);
    expect(codes(entry([...usual, { month: '2024-04', streams: 60, amount: '0.9' }], '2024-04'))).toEqual([]);
    // Without three other months there is no usual rate yet.
    expect(entry([...usual.slice(0, 2), { month: '2024-04', streams: 480, amount: '7.2' }], '2024-04')).toMatchObject({ usualPerStream: null, flags: [] });
  });
});

describe('the money view', () => {
  it('lists one entry per month, source and store, newest first, with the contract fields', () => {
    const result = money(history(CLIMBING, [...USUAL, { month: '2024-05', store: 'apple', streams: 40, amount: '0.28' }]), { asOfDay: AS_OF });
    expect(result.asOf).toBe(AS_OF);
    const track = result.tracks[0]!;
    expect(track).toMatchObject({ isrc: ISRC, title: 'Harbour Lights' });
    expect(track.months.map((row) => `${row.month} ${row.store}`)).toEqual(['2024-06 spotify', '2024-05 apple', '2024-05 spotify']);
    expect(track.months[2]).toMatchObject({ source: 'imusician', streams: 580, revenue: { amount: '1.74', currency: 'EUR' }, perStream: 1.74 / 580, s4aStreams: 600, eligible: true });
  });

  it('counts the Spotify streams of finished months that were not eligible as unpaid', () => {
    const result = money(history(CLIMBING, []), { asOfDay: AS_OF });
    // Jan 0 + Feb 300 + Mar 400 (April on: eligible).
    expect(result.tracks[0]!.unpaidSpotifyStreams).toBe(700);
    // The current month is still open: not counted while the recording is below the threshold.
    expect(money(history({ '2024-01': 100, '2024-02': 200 }, []), { asOfDay: '2024-02-20' }).tracks[0]!.unpaidSpotifyStreams).toBe(100);
  });

  it('sums a corrected negative row into its month: the correction is kept, not dropped', () => {
    const lines: Line[] = [
      { month: '2024-05', streams: 600, amount: '1.80', statement: '2024-09' },
      { month: '2024-05', streams: -20, amount: '-0.06', statement: '2024-10' },
    ];
    const row = entry([...lines, { month: '2024-06', streams: 580, amount: '1.74' }], '2024-05');
    expect(row).toMatchObject({ streams: 580, revenue: { amount: '1.74', currency: 'EUR' } });
    expect(row.perStream).toBeCloseTo(0.003, 12);
  });

  it('keeps two currencies apart: two entries, never one sum', () => {
    const lines: Line[] = [
      { month: '2024-05', streams: 400, amount: '1.2', currency: 'EUR' },
      { month: '2024-05', streams: 200, amount: '0.7', currency: 'USD', statement: '2024-09' },
    ];
    const result = money(history(CLIMBING, lines), { asOfDay: AS_OF });
    const may = result.tracks[0]!.months.filter((row) => row.month === '2024-05');
    expect(may.map((row) => ({ streams: row.streams, revenue: row.revenue }))).toEqual([
      { streams: 400, revenue: { amount: '1.2', currency: 'EUR' } },
      { streams: 200, revenue: { amount: '0.7', currency: 'USD' } },
    ]);
  });

  it('a re-imported report revises its statement: the latest import holds, nothing is counted twice', () => {
    const first = report([{ month: '2024-05', streams: 600, amount: '1.8', statement: '2024-09', observedAt: '2024-10-01T08:00:00.000Z' }]);
    const again = report([{ month: '2024-05', streams: 610, amount: '1.83', statement: '2024-09', observedAt: '2024-11-01T08:00:00.000Z' }]);
    const h = { tracks: tracks(), observations: [...s4a(CLIMBING), ...first.observations, ...again.observations], money: [...first.money, ...again.money] };
    const row = money(h, { asOfDay: AS_OF }).tracks[0]!.months.find((each) => each.month === '2024-05')!;
    expect(row).toMatchObject({ streams: 610, revenue: { amount: '1.83', currency: 'EUR' } });
  });

  it('without money columns, a report month still shows its streams with revenue null', () => {
    const h = history(CLIMBING, [{ month: '2024-05', streams: 580 }]);
    expect(money(h, { asOfDay: AS_OF }).tracks[0]!.months[0]).toMatchObject({ streams: 580, revenue: null, perStream: null, s4aStreams: 600, eligible: true, flags: [] });
  });

  it('filters by ISRC', () => {
    const h = history(CLIMBING, USUAL);
    expect(money(h, { asOfDay: AS_OF, isrc: 'CHA1B2499999' }).tracks).toEqual([]);
    expect(money(h, { asOfDay: AS_OF, isrc: 'cha1b2400001' }).tracks).toHaveLength(1);
  });
});

describe('the usual rate', () => {
  it('is the artist’s over every recording, also when one recording is asked for', () => {
    const base = history(CLIMBING, [{ month: '2024-05', streams: 480, amount: '7.2' }]);
    const other = { id: 'imusician:CHA1B2400009', isrc: 'CHA1B2400009', title: 'Other Song', artists: [], spotifyTrackIds: [], distributorIds: {} };
    const others = report(['2024-06', '2024-07', '2024-08'].map((month) => ({ month, streams: 580, amount: '1.74', track: other.id })));
    const h = { tracks: [...base.tracks, other], observations: [...base.observations, ...others.observations], money: [...base.money!, ...others.money] };
    const row = money(h, { asOfDay: AS_OF, isrc: ISRC }).tracks[0]!.months[0]!;
    expect(row.usualPerStream).toBeCloseTo(0.003, 10);
    expect(row.flags.map((flag) => flag.code)).toEqual(['RATE_OUTLIER']);
  });
});
