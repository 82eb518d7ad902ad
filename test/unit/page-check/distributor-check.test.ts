/** A distributor's reading beside what its page shows per day (core/page-check/distributor-check.ts). */
import { describe, expect, it } from 'vitest';
import { checkDistributorReading, comparePageDays } from '../../../core/page-check/distributor-check';
import type { DatedSeries } from '../../../core/page-check/dated';
import { inEnglish } from '../said';

const HARBOUR = { ref: 'a', isrc: 'CHA012400001', title: 'Harbour Lights', artists: [], spotifyTrackId: null, distributorId: null };
const ACOUSTIC = { ref: 'b', isrc: 'CHA012400002', title: 'Harbour Lights - Acoustic', artists: [], spotifyTrackId: null, distributorId: null };
const DAYS = ['2026-03-10', '2026-03-11', '2026-03-12'];
const obs = (ref: string, values: number[]) => values.map((value, i) => ({ ref, store: 'spotify', metric: 'streams' as const, day: DAYS[i]!, value }));

/** An iMusician-like reading: two tracks, each three days, nothing refused yet. */
const reading = () => ({ kind: 'daily-series', recognised: true, partial: false, reason: null, rejected: 0, tracks: [HARBOUR, ACOUSTIC], observations: [...obs('a', [94, 1234, 88]), ...obs('b', [40, 41, 42])] });
const table = (context: string, counts: number[]): DatedSeries => ({ kind: 'table', context, figures: counts.map((count, i) => ({ day: DAYS[i]!, count })) });
const evidence = (dated: DatedSeries[], numbers: number[] = []) => ({ numbers, labels: [], dated });

describe('checkDistributorReading', () => {
  it.each([
    {
      name: 'the page agrees: all kept, the other track’s days said to be unchecked',
      dated: [table('Harbour Lights · Spotify', [94, 1234, 88])],
      stored: 6,
      check: "checked against the page's days: 3 of 3 days agree; 3 days the page does not show, kept unchecked",
    },
    {
      name: 'one day differs: that day is refused, the rest kept',
      dated: [table('Harbour Lights · Spotify', [94, 1243, 88])],
      stored: 5,
      check: "checked against the page's days: 2 of 3 days agree; not stored: 2026-03-11 (response 1,234, page 1,243); 3 days the page does not show, kept unchecked",
    },
    {
      name: 'the page names another ISRC: another track’s days, nothing refused',
      dated: [table('Other Song · ISRC CH-XXX-24-00009', [1, 2, 3])],
      stored: 6,
      check: "not checked: the days the page shows are another track's, or agree with none of these counts",
    },
    {
      name: 'unnamed days agreeing with no series: not this reading’s to judge',
      dated: [table('Daily stats', [7, 8, 9])],
      stored: 6,
      check: "not checked: the days the page shows are another track's, or agree with none of these counts",
    },
    {
      name: 'unnamed days belong to the series they agree with most (the longer title never steals them)',
      dated: [table('Harbour Lights - Acoustic', [40, 41, 43])],
      stored: 5,
      check: "checked against the page's days: 2 of 3 days agree; not stored: 2026-03-12 (response 42, page 43); 3 days the page does not show, kept unchecked",
    },
    {
      name: 'a named track whose every day differs is refused on the last attempt',
      dated: [table('ISRC CHA012400002', [1, 2, 3])],
      stored: 3,
      check: "checked against the page's days: 0 of 3 days agree; not stored: 2026-03-10 (response 40, page 1), 2026-03-11 (response 41, page 2), 2026-03-12 (response 42, page 3); 3 days the page does not show, kept unchecked",
    },
  ])('$name', ({ dated, stored, check }) => {
    const step = checkDistributorReading(reading(), evidence(dated), true);
    if (step.status !== 'checked') throw new Error(step.status);
    expect(step.outcome.observations).toHaveLength(stored);
    expect(inEnglish(step.check)).toBe(check);
    if (stored < 6) expect(step.outcome).toMatchObject({ partial: true, rejected: 6 - stored, reason: step.check });
    else expect(step.outcome).toMatchObject({ partial: false, rejected: 0, reason: null });
  });

  it.each([
    { name: 'the page shows the counts as loose numbers', numbers: [94, 1234, 88, 2026], check: 'checked against the page: 3 of 6 counts shown' },
    { name: 'the page shows their total', numbers: [94 + 1234 + 88 + 40 + 41 + 42], check: 'checked against the page: their total 1,539 shown' },
    { name: 'the page shows none of them', numbers: [5, 6], check: 'checked against the page: none of these counts shown' },
  ])('no days on the page, $name: words, nothing refused', ({ numbers, check }) => {
    const step = checkDistributorReading(reading(), { numbers, labels: [] }, true);
    if (step.status !== 'checked') throw new Error(step.status);
    expect(step.outcome.observations).toHaveLength(6);
    expect(inEnglish(step.check)).toBe(check);
  });

  it.each([
    { name: 'nothing on the page yet', evidence: { numbers: [], labels: [] } },
    { name: 'days of another track', evidence: evidence([table('ISRC CH-XXX-24-00009', [1, 2, 3])]) },
    { name: 'every day shown differs', evidence: evidence([table('Harbour Lights', [1, 2, 3])]) },
  ])('before the last attempt, $name: not yet', ({ evidence: shown }) => {
    expect(checkDistributorReading(reading(), shown, false)).toEqual({ status: 'not-yet' });
  });

  it('a reading without streams needs no check', () => {
    expect(checkDistributorReading({ ...reading(), observations: [] }, evidence([]), false)).toEqual({ status: 'none' });
  });
});

describe('comparePageDays', () => {
  it('a day shown twice with two counts is no figure; one shown by two tables is compared once', () => {
    const twice: DatedSeries = { kind: 'chart', context: 'Harbour Lights', figures: [{ day: DAYS[0]!, count: 94 }, { day: DAYS[1]!, count: 1 }, { day: DAYS[1]!, count: 2 }] };
    expect(comparePageDays(reading(), evidence([twice, table('Harbour Lights', [94, 1234, 88])]))).toEqual({ kind: 'days', compared: 3, differing: [], notShown: 3, allDisagree: false });
  });
});
