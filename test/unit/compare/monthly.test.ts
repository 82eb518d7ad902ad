/** The monthly view: S4A's daily streams summed per UTC month beside monthly report rows. */
import { describe, expect, it } from 'vitest';
import { compareMonths } from '../../../core/compare/index';
import { dayRange, lastDayOfMonth, monthOf } from '../../../core/model/day';
import type { History } from '../../../core/model/history';
import type { Observation } from '../../../core/model/schema';

const TRACK = { id: 't-1', isrc: 'CHXXX2400001', title: 'Glacier Lights', artists: ['Nora Vell'], spotifyTrackIds: [], distributorIds: {} };

/** S4A: 100 streams a day from `first` to `last`; the distributor's report: ratio × the month. */
function history(options: { first?: string; last?: string; reports: Record<string, number | [number, string][]>; store?: string; skipDays?: string[] }): History {
  const observations: Observation[] = [];
  for (const day of dayRange(options.first ?? '2025-01-01', options.last ?? '2025-08-31')) {
    if (options.skipDays?.includes(day)) continue;
    observations.push({ track: 't-1', source: 'spotify', store: 'spotify', metric: 'streams', day, value: 100, observedAt: `${day}T23:00:00.000Z` });
  }
  for (const [month, readings] of Object.entries(options.reports)) {
    const list = typeof readings === 'number' ? [[readings, '2025-09-01T10:00:00.000Z'] as [number, string]] : readings;
    for (const [value, observedAt] of list) {
      observations.push({ track: 't-1', source: 'imusician', store: options.store ?? 'spotify', metric: 'streams_month', day: lastDayOfMonth(month), value, observedAt });
    }
  }
  return { tracks: [TRACK], observations };
}

const usual = (month: string) => Math.round(0.9 * 100 * Number(lastDayOfMonth(month).slice(8)));

describe('compareMonths', () => {
  const reports = { '2025-01': usual('2025-01'), '2025-02': usual('2025-02'), '2025-03': 1500, '2025-04': usual('2025-04'), '2025-05': usual('2025-05'), '2025-06': usual('2025-06') };

  it('sums S4A per UTC month and explains each month like a day', () => {
    const result = compareMonths(history({ reports }), { asOf: '2025-12-15T00:00:00.000Z' });
    const months = result.tracks[0]!.months;
    expect(result.tracks[0]!.baselineRatio).toBe(0.9);
    const jan = months.find((row) => row.month === '2025-01')!;
    expect(jan).toMatchObject({ spotify: 3100, spotifyDays: 31, distributor: 2790, diff: -310, ratio: 0.9, status: 'settled' });
    expect(jan.reasons[0]).toMatchObject({ code: 'FILTERED_PLAYS', level: 'expected' });
    const mar = months.find((row) => row.month === '2025-03')!;
    expect(mar.reasons[0]).toMatchObject({ code: 'ANOMALY', level: 'unexplained' });
    expect(mar.reasons[0]!.message).toContain('1,500 of 3,100');
    expect(mar.reasons[0]!.message).toContain('settled month');
  });

  it('keeps months provisional for six months after they end (sales reports arrive late)', () => {
    const result = compareMonths(history({ reports: { ...reports, '2025-06': 900 } }), { asOf: '2025-12-15T00:00:00.000Z' });
    const byMonth = new Map(result.tracks[0]!.months.map((row) => [row.month, row]));
    const june = byMonth.get('2025-06')!;
    expect(june.status).toBe('pending');
    expect(june.reasons[0]).toMatchObject({ code: 'REPORTING_DELAY', level: 'expected' });
    expect(june.reasons[0]!.message).toContain('4 months after the month');
    expect(byMonth.get('2025-08')).toMatchObject({ distributor: null, status: 'pending', reasons: [{ code: 'REPORTING_DELAY' }] });
  });

  it('says when S4A misses days of a month instead of comparing an incomplete sum', () => {
    const result = compareMonths(history({ reports, skipDays: ['2025-02-10', '2025-02-11'] }), { asOf: '2025-12-15T00:00:00.000Z' });
    const feb = result.tracks[0]!.months.find((row) => row.month === '2025-02')!;
    expect(feb).toMatchObject({ spotifyDays: 26, reasons: [{ code: 'MISSING_SOURCE', level: 'possible' }] });
    expect(feb.reasons[0]!.message).toContain('26 of the 28 days');
  });

  it('a track released mid-month is not missing the days before its release', () => {
    const result = compareMonths(history({ first: '2025-01-20', reports }), { asOf: '2025-12-15T00:00:00.000Z' });
    const jan = result.tracks[0]!.months.find((row) => row.month === '2025-01')!;
    expect(jan.spotifyDays).toBe(12);
    expect(jan.reasons[0]!.code).not.toBe('MISSING_SOURCE');
  });

  it('uses only what was known at asOf, with the report revisions listed', () => {
    const revised = history({ reports: { ...reports, '2025-01': [[2000, '2025-05-01T10:00:00.000Z'], [2790, '2025-06-01T10:00:00.000Z']] } });
    const before = compareMonths(revised, { asOf: '2025-05-15T00:00:00.000Z' }).tracks[0]!.months.find((row) => row.month === '2025-01')!;
    expect(before.distributor).toBe(2000);
    const after = compareMonths(revised, { asOf: '2025-12-15T00:00:00.000Z' }).tracks[0]!.months.find((row) => row.month === '2025-01')!;
    expect(after.distributor).toBe(2790);
    expect(after.revisions.map((revision) => revision.value)).toEqual([2000, 2790]);
    expect(after.reasons.map((reason) => reason.code)).toContain('LATE_REVISION');
  });

  it('lists only tracks with monthly report data; months are in order', () => {
    const result = compareMonths(history({ reports: {} }), { asOf: '2025-12-15T00:00:00.000Z' });
    expect(result.tracks).toEqual([]);
    const full = compareMonths(history({ reports }), { asOf: '2025-12-15T00:00:00.000Z' }).tracks[0]!.months.map((row) => row.month);
    expect(full).toEqual([...full].sort());
    expect(full.every((month) => monthOf(`${month}-01`) === month)).toBe(true);
  });
});
