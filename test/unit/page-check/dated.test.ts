/** What a page shows per day, read from its tables' rows and its charts' point labels (core/page-check/dated.ts). */
import { describe, expect, it } from 'vitest';
import { datedLabelFigure, datedSeriesOf, datedTableFigures, MAX_DATED_FIGURES } from '../../../core/page-check/dated';

describe('datedTableFigures', () => {
  it.each([
    { name: 'a day cell and a count cell, no header', rows: [['2026-03-10', '94'], ['2026-03-11', '1,204']], locale: 'en', expected: [{ day: '2026-03-10', count: 94 }, { day: '2026-03-11', count: 1204 }] },
    { name: 'German numbers and dotted days ("1.234")', rows: [['Datum', 'Streams'], ['10.03.2026', '1.234'], ['11.03.2026', '987']], locale: 'de', expected: [{ day: '2026-03-10', count: 1234 }, { day: '2026-03-11', count: 987 }] },
    { name: '"1.234" without a locale that groups with "." is no count', rows: [['2026-03-10', '1.234'], ['2026-03-11', '987']], locale: 'en', expected: [{ day: '2026-03-11', count: 987 }] },
    { name: 'the header names the count column among several numbers', rows: [['Date', 'Streams', 'Downloads'], ['Mar 10, 2026', '512', '3']], locale: 'en', expected: [{ day: '2026-03-10', count: 512 }] },
    { name: 'two numbers and no header saying which: no figure', rows: [['2026-03-10', '512', '3']], locale: 'en', expected: [] },
    { name: 'an ambiguous day (03/04/2026) or an abbreviated count (1.2K): no figure', rows: [['03/04/2026', '512'], ['2026-03-10', '1.2K']], locale: 'en', expected: [] },
    { name: 'a total row and a title cell are no days', rows: [['Total', '9,999'], ['Harbour Lights', '2026-03-12', '77']], locale: 'en', expected: [{ day: '2026-03-12', count: 77 }] },
  ])('$name', ({ rows, locale, expected }) => {
    expect(datedTableFigures(rows, locale)).toEqual(expected);
  });
});

describe('datedLabelFigure', () => {
  it.each([
    { label: 'Mar 10, 2026, 1,234 streams', locale: 'en', expected: { day: '2026-03-10', count: 1234 } },
    { label: '2026-03-10: 94', locale: 'en', expected: { day: '2026-03-10', count: 94 } },
    { label: '10.03.2026 – 1.234 Streams', locale: 'de', expected: { day: '2026-03-10', count: 1234 } },
    { label: 'Tuesday, March 10, 2026 · 1 234 écoutes', locale: 'fr', expected: { day: '2026-03-10', count: 1234 } },
    { label: 'Mar 10, 2026, 1,234 listeners', locale: 'en', expected: null },
    { label: 'Mar 10, 2026, 1.2K streams', locale: 'en', expected: null },
    { label: '1,234 streams', locale: 'en', expected: null },
    { label: 'Mar 10, 2026', locale: 'en', expected: null },
  ])('"$label" ($locale)', ({ label, locale, expected }) => {
    expect(datedLabelFigure(label, locale)).toEqual(expected);
  });
});

describe('datedSeriesOf', () => {
  it('keeps the tables and charts that show days, with their words, and is bounded', () => {
    const series = datedSeriesOf(
      [
        { kind: 'table', context: 'Harbour Lights · Spotify', rows: [['2026-03-10', '94']] },
        { kind: 'chart', context: '', labels: ['512', 'Mar 11, 2026: 60'] },
        { kind: 'table', context: 'menu', rows: [['Home', 'Stats']] },
      ],
      'en',
    );
    expect(series).toEqual([
      { kind: 'table', context: 'Harbour Lights · Spotify', figures: [{ day: '2026-03-10', count: 94 }] },
      { kind: 'chart', context: '', figures: [{ day: '2026-03-11', count: 60 }] },
    ]);
    const huge = Array.from({ length: 3 }, () => ({ kind: 'table' as const, context: '', rows: Array.from({ length: MAX_DATED_FIGURES }, () => ['2026-03-10', '5']) }));
    expect(datedSeriesOf(huge).reduce((sum, one) => sum + one.figures.length, 0)).toBe(MAX_DATED_FIGURES);
  });
});
