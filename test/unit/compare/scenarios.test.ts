/**
 * Scenarios on realistic synthetic histories (seeded): eight weeks of daily readings with a
 * weekday rhythm and counting noise, and the things that happen to real dashboards.
 */
import { describe, expect, it } from 'vitest';
import { compare, type TrackComparison } from '../../../core/compare/index';
import { addDays } from '../../../core/model/day';
import { endOfPlan, syntheticHistory, type TrackPlan } from './synthetic';

const START = '2025-02-03';
const DAYS = 56;
const base = { start: START, days: DAYS };

function compareOne(plan: TrackPlan, seed = 1, extraDays = 0): TrackComparison {
  return compare(syntheticHistory([plan], seed), { asOf: endOfPlan(plan, extraDays) }).tracks[0]!;
}

const codesOf = (track: TrackComparison, status?: string) =>
  track.days.filter((row) => !status || row.status === status).flatMap((row) => row.reasons.map((reason) => reason.code));

describe('compare on synthetic histories', () => {
  it('a steady share of about 90 %: usual ratio 0.9, filtered plays, no anomaly, no shift', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const track = compareOne({ id: 't', ...base, mean: 800, distributors: [{ ratio: 0.9 }] }, seed);
      expect(track.baselineRatio).toBeGreaterThan(0.88);
      expect(track.baselineRatio).toBeLessThan(0.92);
      expect(track.lagDays).toBe(0);
      const settled = track.days.filter((row) => row.status === 'settled');
      expect(settled.length).toBe(DAYS - 5);
      expect(codesOf(track)).not.toContain('ANOMALY');
      expect(settled.filter((row) => row.reasons[0]!.code === 'FILTERED_PLAYS').length).toBeGreaterThan(settled.length * 0.9);
      // The most recent days are still pending: iMusician has not reported them. (S4A shows a
      // day the next evening, so the plan's very last day has no row yet.)
      const pending = track.days.filter((row) => row.status === 'pending');
      expect(pending.map((row) => row.day)).toEqual([addDays(START, DAYS - 5), addDays(START, DAYS - 4), addDays(START, DAYS - 3), addDays(START, DAYS - 2)]);
      expect(pending.every((row) => row.distributor === null && row.reasons[0]!.code === 'REPORTING_DELAY')).toBe(true);
    }
  });

  it('a one-day incident is the one anomaly, and only once it has settled', () => {
    const plan: TrackPlan = { id: 't', ...base, mean: 600, distributors: [{ ratio: 0.9, incidents: { 30: 0.35 } }] };
    const track = compareOne(plan);
    const anomalies = track.days.filter((row) => row.reasons.some((reason) => reason.code === 'ANOMALY'));
    expect(anomalies.map((row) => row.day)).toEqual([addDays(START, 30)]);
    expect(anomalies[0]!.status).toBe('settled');
    expect(track.baselineRatio).toBeGreaterThan(0.88);

    // Five days after the incident day its count is in, but the day has not settled yet.
    const early = compare(syntheticHistory([plan]), { asOf: `${addDays(START, 35)}T12:00:00.000Z` }).tracks[0]!;
    const day = early.days.find((row) => row.day === addDays(START, 30))!;
    expect(day.status).toBe('pending');
    expect(day.reasons[0]!.code).toBe('REPORTING_DELAY');
    expect(codesOf(early)).not.toContain('ANOMALY');
  });

  it('a late day that starts at 0 and rises: a delay while pending, then filtered plays and a revision', () => {
    const plan: TrackPlan = { id: 't', ...base, mean: 500, distributors: [{ ratio: 0.9, risesFromZero: [40] }] };
    const day = addDays(START, 40);
    const pending = compare(syntheticHistory([plan]), { asOf: `${addDays(day, 3)}T12:00:00.000Z` }).tracks[0]!.days.find((row) => row.day === day)!;
    expect(pending).toMatchObject({ status: 'pending', distributor: 0 });
    expect(pending.reasons[0]).toMatchObject({ code: 'REPORTING_DELAY', level: 'expected' });
    expect(pending.reasons[0]!.message).toContain('so far');

    const later = compareOne(plan).days.find((row) => row.day === day)!;
    expect(later.status).toBe('settled');
    expect(later.reasons.map((reason) => reason.code)).toEqual(['FILTERED_PLAYS', 'LATE_REVISION']);
    expect(later.revisions.filter((revision) => revision.source === 'imusician').map((revision) => revision.value)).toEqual([0, later.distributor]);
  });

  it('tiny tracks (a few streams a day) never raise an anomaly', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const track = compareOne({ id: 't', ...base, mean: 3, distributors: [{ ratio: 0.85, incidents: { 20: 0 } }] }, seed);
      expect(track.baselineRatio).toBeNull();
      const codes = new Set(codesOf(track, 'settled'));
      expect(codes.has('ANOMALY')).toBe(false);
      expect([...codes].every((code) => ['MATCH', 'LOW_VOLUME'].includes(code))).toBe(true);
    }
  });

  it('an all-store view: other stores, a usual ratio above 1, no anomaly', () => {
    const track = compareOne({ id: 't', ...base, mean: 700, distributors: [{ source: 'distrokid', store: 'all', ratio: 1.4 }] });
    expect(track.sources[0]).toMatchObject({ source: 'distrokid', store: 'all' });
    expect(track.baselineRatio).toBeGreaterThan(1.35);
    expect(track.baselineRatio).toBeLessThan(1.45);
    const settled = track.days.filter((row) => row.status === 'settled');
    expect(settled.every((row) => row.reasons[0]!.code === 'OTHER_STORES')).toBe(true);
    expect(settled[0]!.reasons[0]!.message).toContain('DistroKid');
  });

  it('a series shifted by one day is recognised, paired, and raises no anomaly', () => {
    for (const lag of [1, -1, 2]) {
      const track = compareOne({ id: 't', ...base, mean: 900, weekly: 0.35, distributors: [{ ratio: 0.9, lagDays: lag }] }, 3);
      expect(track.lagDays).toBe(lag);
      expect(codesOf(track)).not.toContain('ANOMALY');
      expect(track.days.filter((row) => row.status === 'settled').every((row) => row.reasons.some((reason) => reason.code === 'DAY_SHIFT'))).toBe(true);
    }
  });

  it('is conservative about shifts: aligned tracks of all sizes are never called shifted', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const mean = [15, 60, 200, 1500, 20000][seed % 5]!;
      const track = compareOne({ id: 't', ...base, mean, weekly: (seed % 3) * 0.2, distributors: [{ ratio: 0.8 + (seed % 4) * 0.05 }] }, seed);
      expect(track.lagDays, `seed ${seed}`).toBe(0);
    }
  });

  it('gaps on either side are missing days, not anomalies', () => {
    const track = compareOne({ id: 't', ...base, mean: 400, spotifyGaps: [12], distributors: [{ ratio: 0.9, gaps: [20, 21] }] });
    const byDay = new Map(track.days.map((row) => [row.day, row]));
    for (const offset of [12, 20, 21]) {
      expect(byDay.get(addDays(START, offset))).toMatchObject({ status: 'missing', reasons: [{ code: 'MISSING_SOURCE', level: 'possible' }] });
    }
    expect(byDay.get(addDays(START, 12))!.spotify).toBeNull();
    expect(byDay.get(addDays(START, 20))!.distributor).toBeNull();
    expect(codesOf(track)).not.toContain('ANOMALY');
  });

  it('two distributors: two rows a day, each with its own usual ratio', () => {
    const plan: TrackPlan = { id: 't', ...base, mean: 800, distributors: [{ ratio: 0.9 }, { source: 'distrokid', ratio: 0.8 }] };
    const track = compareOne(plan);
    expect(track.days.length).toBe(2 * (DAYS - 1));
    expect(track.sources.map((source) => [source.source, Math.round(source.baselineRatio! * 10) / 10])).toEqual([
      ['distrokid', 0.8],
      ['imusician', 0.9],
    ]);
    expect(codesOf(track)).not.toContain('ANOMALY');
  });

  it('a long incident (ten bad days in eight weeks) does not move the usual ratio', () => {
    const incidents = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [10 + i, 0.5]));
    const track = compareOne({ id: 't', ...base, mean: 1000, distributors: [{ ratio: 0.9, incidents }] });
    expect(track.baselineRatio).toBeGreaterThan(0.87);
    expect(track.days.filter((row) => row.reasons[0]!.code === 'ANOMALY').length).toBe(10);
  });

  it('a history of many tracks compares every track', () => {
    const plans: TrackPlan[] = Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, start: START, days: 30, mean: 5 + i * 40 }));
    const result = compare(syntheticHistory(plans, 9), { asOf: endOfPlan(plans[0]!) });
    expect(result.tracks.length).toBe(40);
    expect(result.tracks.every((track) => track.days.length === 29)).toBe(true);
  });
});
