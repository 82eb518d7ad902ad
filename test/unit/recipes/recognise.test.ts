import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { applyRecipe, describeCandidate, describeRefusal, recognise } from '../../../core/recipes';
import { confirm } from './helpers';
import { englishMessage } from '../../../core/i18n/english';

const fixture = (name: string): unknown => JSON.parse(readFileSync(`test/fixtures/distributors/${name}.json`, 'utf8'));
const API = 'https://distrokid.com/api/stats/tracks/88412/daily?from=2026-03-01';
describe('recognise: candidates on varied shapes (hypothetical fixtures)', () => {
  it('finds each track of a daily list, with its ISRC, title and sorted points, and asks for the store', () => {
    const { candidates, refusals, truncated } = recognise(API, fixture('daily-tracks'));
    expect(truncated).toBe(false);
    expect(refusals).toEqual([]);
    expect(candidates.map((one) => [one.identity.isrc, one.identity.title, one.store, one.cadence])).toEqual([
      ['QZABC2600001', 'Harbour Lights', null, 'daily'],
      ['QZABC2600002', 'Low Tide', null, 'daily'],
    ]);
    expect(candidates[0]!.points.slice(0, 3)).toEqual([
      { day: '2026-03-03', count: 104 },
      { day: '2026-03-04', count: 98 },
      { day: '2026-03-05', count: 121 },
    ]);
    expect(candidates[1]!.points[0]).toEqual({ day: '2026-03-03', count: 12 });
    const draft = candidates[0]!.recipe;
    expect(draft.series).toEqual(['data', 'tracks', '*', 'daily']);
    expect(draft.points).toEqual({ kind: 'rows', day: ['date'], value: ['streams'] });
    expect(draft.identity).toEqual({ isrc: { up: 1, path: ['isrc'] }, title: { up: 1, path: ['title'] } });
    expect(draft.response).toEqual({ host: 'distrokid.com', path: '/api/stats/tracks/*/daily', method: 'GET' });
    expect(draft.store).toBeNull();
  });

  it('says a candidate in plain words', () => {
    const [candidate] = recognise(API, fixture('daily-tracks')).candidates;
    expect(englishMessage(describeCandidate(candidate!))).toBe('Daily numbers for “Harbour Lights”, Tue 3 Mar–Sat 7 Mar: 104, 98, 121 … — store: not named?');
  });

  it('reads weekly [epochMs, n] pairs at week starts, identity by song id and title', () => {
    const { candidates } = recognise(API, fixture('weekly-epoch-pairs'));
    expect(candidates.map((one) => [one.identity.trackId, one.cadence, one.points.length])).toEqual([
      ['88412', 'weekly', 4],
      ['88413', 'weekly', 2],
    ]);
    expect(candidates[0]!.points[0]).toEqual({ day: '2026-02-02', count: 702 });
    expect(candidates[0]!.recipe.dayFormat).toBe('epoch-ms');
    expect(englishMessage(describeCandidate(candidates[0]!))).toContain('Weekly numbers for “Harbour Lights”');
  });

  it('names the store from a breakdown key, with dotted dates', () => {
    const { candidates } = recognise(API, fixture('per-store-dotted'));
    expect(candidates.map((one) => [one.store, one.recipe.store, one.points.map((point) => point.count)])).toEqual([
      ['spotify', { kind: 'key', up: 0 }, [51, 48, 60]],
      ['apple', { kind: 'key', up: 0 }, [7, 5, 9]],
    ]);
    expect(candidates[0]!.recipe.identity.isrc).toEqual({ up: 2, path: ['track', 'isrc'] });
    expect(englishMessage(describeCandidate(candidates[0]!))).toMatch(/store: Spotify\?$/);
  });

  it('refuses revenue, countries, downloads and pairs without a track, and says why', () => {
    const { candidates, refusals } = recognise(API, fixture('refusals'));
    expect(candidates).toEqual([]);
    expect(refusals.map((one) => [one.where, one.reason])).toEqual(
      expect.arrayContaining([
        ['revenue.monthly', 'revenue'],
        ['countries[0].daily', 'countries'],
        ['downloads.downloads', 'downloads-only'],
        ['overview.daily', 'no-identity'],
      ]),
    );
    expect(englishMessage(describeRefusal(refusals.find((one) => one.reason === 'countries')!))).toBe('Per country: a share of the track, not its total.');
  });

  it('refuses monthly streams as not daily, and counts that are not whole', () => {
    const monthly = { tracks: [{ isrc: 'QZABC2600001', title: 'A', stats: [{ date: '2026-01-01', streams: 900 }, { date: '2026-02-01', streams: 800 }, { date: '2026-03-01', streams: 700 }] }] };
    expect(recognise(API, monthly).refusals.map((one) => one.reason)).toEqual(['not-daily']);
    const half = { tracks: [{ isrc: 'QZABC2600001', title: 'A', stats: [{ date: '2026-01-01', streams: '12.5' }] }] };
    expect(recognise(API, half).refusals.map((one) => one.reason)).toEqual(['bad-values']);
  });

  it('reads a chart dataset per store with parallel labels', () => {
    const body = { track: { isrc: 'QZABC2600001', title: 'A' }, chart: { labels: ['2026-03-01', '2026-03-02'], datasets: [{ label: 'Spotify', data: [5, 6] }] } };
    const [candidate] = recognise(API, body).candidates;
    expect(candidate!.store).toBe('spotify');
    expect(candidate!.recipe.points).toEqual({ kind: 'parallel', days: { up: 2, path: ['labels'] }, values: ['data'] });
    expect(candidate!.recipe.store).toEqual({ kind: 'path', at: { up: 0, path: ['label'] } });
    const reading = applyRecipe(confirm(candidate!), API, body);
    expect(reading).toMatchObject({ kind: 'read', series: [{ store: 'spotify', points: [{ day: '2026-03-01', count: 5 }, { day: '2026-03-02', count: 6 }] }] });
  });

  it('stays bounded on a huge or deep body and never throws on odd input', () => {
    let deep: unknown = { isrc: 'QZABC2600001', daily: [{ date: '2026-03-01', streams: 1 }] };
    for (let i = 0; i < 50; i++) deep = { next: deep };
    expect(recognise(API, deep).candidates).toEqual([]);
    const wide = { tracks: Array.from({ length: 30_000 }, (_, i) => ({ isrc: `QZABC26${String(i).padStart(5, '0')}`, daily: [{ date: '2026-03-01', streams: i }] })) };
    const result = recognise(API, wide);
    expect(result.truncated).toBe(true);
    expect(result.candidates.length).toBeLessThanOrEqual(50);
    for (const odd of [null, 1, 'x', [], {}, [[null]], { __proto__: { a: 1 } }]) expect(() => recognise(API, odd)).not.toThrow();
    expect(recognise('http://distrokid.com/api', fixture('daily-tracks')).candidates).toEqual([]);
  });
});
