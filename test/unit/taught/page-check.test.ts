/** A candidate beside what the page renders (core/taught-page-check.ts). */
import { describe, expect, it } from 'vitest';
import { comparePageEvidence, numbersInText } from '../../../core/taught-page-check';

describe('numbersInText', () => {
  it('reads counts as pages write them, not decimals or percentages', () => {
    expect(numbersInText('Mar 3, 2026: 1,204 streams')).toEqual([3, 2026, 1204]);
    expect(numbersInText('1.204 Streams · 1 204 écoutes · 1\u202f204')).toEqual([1204, 1204, 1204]);
    expect(numbersInText('12.5% up, 3.2 avg')).toEqual([]);
  });
});

describe('comparePageEvidence', () => {
  const points = [104, 98, 121, 117, 130].map((count, i) => ({ day: `2026-03-0${i + 1}`, count }));
  it('counts the series’ numbers the page shows', () => {
    expect(comparePageEvidence(points, { numbers: [104, 98, 121, 117, 130, 2026], labels: [] })).toEqual({ kind: 'numbers', shown: 5, count: 5 });
  });
  it('or its total when only that is on the page', () => {
    expect(comparePageEvidence(points, { numbers: [570, 3], labels: [] })).toEqual({ kind: 'total', total: 570 });
  });
  it('one coincidence or small numbers are not a match', () => {
    expect(comparePageEvidence(points, { numbers: [98, 1, 2, 3], labels: [] })).toEqual({ kind: 'nothing' });
    expect(comparePageEvidence([{ count: 3 }, { count: 4 }], { numbers: [3, 4, 7], labels: [] })).toEqual({ kind: 'nothing' });
  });
});
