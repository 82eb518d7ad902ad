/** The support-ready evidence report. */
import { describe, expect, it } from 'vitest';
import { EvidenceError, evidenceReport, markdownText } from '../../../core/evidence/index';
import { addDays } from '../../../core/model/day';
import { endOfPlan, syntheticHistory, type TrackPlan } from '../compare/synthetic';

const START = '2025-02-03';
const plan: TrackPlan = { id: 't-1', isrc: 'CHXXX2400001', title: 'Glacier | Lights *live*', start: START, days: 42, mean: 600, distributors: [{ ratio: 0.9, incidents: { 20: 0.3 }, risesFromZero: [20] }] };
const history = syntheticHistory([plan], 4);
const asOf = endOfPlan(plan);
const incident = addDays(START, 20);

describe('evidenceReport', () => {
  it('by default reports the settled anomalies with both counts, every reading and its time, the usual ratio and the reasons', () => {
    const report = evidenceReport(history, { isrc: 'CHXXX2400001', asOf });
    expect(report).toContain('ISRC CHXXX2400001');
    expect(report).toContain('# Stream counts: `Glacier | Lights *live*` (ISRC CHXXX2400001)');
    expect(report).toContain('- Artist: `The Synthetics`');
    expect(report).toMatch(/Usual ratio: on a normal day iMusician shows about (89|90|91) % of Spotify for Artists' count/);
    const row = report.split('\n').find((line) => line.startsWith(`| Sun ${incident}`) || line.includes(` ${incident} |`))!;
    expect(row).toBeDefined();
    expect(row).toContain('settled');
    expect(report).toContain(`### `);
    expect(report).toContain(`(read ${addDays(incident, 1)} 20:00 UTC)`);
    expect(report).toContain(`0 (read ${addDays(incident, 1)} 08:00 UTC), then `);
    expect(report).toContain('Anomaly (unexplained): iMusician shows');
    expect(report).toContain('Revised (expected)');
    // Only the anomaly: a support team wants the days that matter.
    expect(report.match(/^### /gm)).toHaveLength(1);
  });

  it('reports the chosen days instead, and names days without readings', () => {
    const days = [addDays(START, 5), addDays(START, 6), '2024-01-01'];
    const report = evidenceReport(history, { isrc: 'ch-xxx-24-00001', days, asOf });
    expect(report.match(/^### /gm)).toHaveLength(2);
    expect(report).toContain('Filtered plays (expected)');
    expect(report).toContain('No readings from either dashboard for: Mon 2024-01-01.');
  });

  it('says so when no settled day stands out', () => {
    const calm = syntheticHistory([{ ...plan, distributors: [{ ratio: 0.9 }] }], 4);
    expect(evidenceReport(calm, { isrc: 'CHXXX2400001', asOf })).toContain('No settled day stands out');
  });

  it('uses only what was known at asOf', () => {
    const early = evidenceReport(history, { isrc: 'CHXXX2400001', days: [incident], asOf: `${addDays(incident, 2)}T00:00:00.000Z` });
    expect(early).toContain('pending');
    expect(early).not.toContain('Anomaly');
  });

  it('refuses an unknown ISRC, a malformed ISRC and a day that is not a day, with clear messages', () => {
    expect(() => evidenceReport(history, { isrc: 'DEAB72500117', asOf })).toThrow(new EvidenceError('no recording with ISRC DEAB72500117 in this history'));
    expect(() => evidenceReport(history, { isrc: 'nope', asOf })).toThrow(/"nope" is not an ISRC/);
    expect(() => evidenceReport(history, { isrc: 'CHXXX2400001', days: ['2025-02-30'], asOf })).toThrow(/"2025-02-30" is not a calendar day/);
  });

  it('markdownText keeps scraped text inert and on one line: a code span, fenced longer than any backtick run', () => {
    expect(markdownText('<img src=x onerror=alert(1)>\n| a | *b* _c_ [d](e)')).toBe('`<img src=x onerror=alert(1)> | a | *b* _c_ [d](e)`');
    expect(markdownText('# Title')).toBe('`# Title`');
    expect(markdownText('a `b` ``c``')).toBe('``` a `b` ``c`` ```');
    expect(markdownText('`quoted`')).toBe('`` `quoted` ``');
    expect(markdownText('red \u001b[31mALERT\u001b[0m \u202Eevil\u009B2J')).toBe('`red \\u001B[31mALERT\\u001B[0m \\u202Eevil\\u009B2J`');
    expect(markdownText(' \n\t ')).toBe('');
  });
});
