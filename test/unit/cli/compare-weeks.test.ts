/**
 * `compare` with weekly counts (docs/contracts.md §2; issue 17): a taught dashboard's weeks are
 * listed under the track's days, each beside Spotify for Artists' 7 days summed, and in
 * `--json` as the track's `weeks`; a history without weekly counts prints byte for byte what it
 * printed before (the table and the contract's JSON). Data: ../views/weekly-history.ts.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { renderCompareTable } from '../../../cli/commands/compare';
import { compare } from '../../../core/compare/index';
import { writeHistoryFile } from '../../../core/history/write';
import { weekRows } from '../../../core/views/weeks';
import { AS_OF, INCIDENT, WEEKS, weeklyHistory } from '../views/weekly-history';
import { memoryIO } from './memory-io';

async function run(history: ReturnType<typeof weeklyHistory>, args: string[]) {
  const io = memoryIO({ 'h.json': writeHistoryFile(history, new Date(AS_OF)) });
  expect(await main(['compare', 'h.json', '--as-of', AS_OF, ...args], io.io)).toBe(0);
  return io.stdout();
}

describe('compare with weekly counts', () => {
  it('without weekly counts: the table and the JSON are exactly what they were', async () => {
    const daily = weeklyHistory(true, false);
    expect(await run(daily, [])).toBe(renderCompareTable(compare(daily, { asOf: AS_OF })));
    expect(await run(daily, ['--json'])).toBe(`${JSON.stringify(compare(daily, { asOf: AS_OF }), null, 2)}\n`);
  });

  it('daily and weekly: the days as before, then the weeks with both counts, the difference and the reason', async () => {
    const text = await run(weeklyHistory(true), []);
    const dailyText = await run(weeklyHistory(true, false), []);
    // The day table is unchanged; the weeks follow it.
    const daysPart = dailyText.slice(0, dailyText.indexOf('No unexplained days.'));
    expect(text.startsWith(daysPart.trimEnd())).toBe(true);
    const lines = text.split('\n');
    const title = lines.indexOf("  weekly counts from DistroKid, each week beside Spotify for Artists' 7 days summed");
    expect(title).toBeGreaterThan(0);
    expect(lines[title + 1]).toMatch(/^Week {2,}Spotify for Artists {2}DistroKid {2,}Diff {2,}Ratio {2}Status {3}Reason$/);
    const weekLines = lines.slice(title + 2, title + 2 + WEEKS.length);
    expect(weekLines.map((line) => line.slice(4, 14))).toEqual(WEEKS);
    expect(weekLines[0]).toMatch(/^Mon 2025-03-03 – Sun 2025-03-09 +[\d,]+ +[\d,]+ +−[\d,]+ +9\d % +settled +✓ Filtered plays: DistroKid shows/);
    expect(weekLines[WEEKS.indexOf(INCIDENT)]).toMatch(/settled +! Anomaly: DistroKid shows [\d,]+ against Spotify for Artists' [\d,]+ for these 7 days/);
    expect(weekLines[WEEKS.length - 1]).toMatch(/pending +✓ Delay: This week ended recently/);
    expect(text.endsWith('1 unexplained week: the evidence report lists them too.\n')).toBe(true);
  });

  it('weekly only: the weeks instead of "no distributor counts"', async () => {
    const text = await run(weeklyHistory(false), ['--isrc', 'CHXXX2400001']);
    expect(text).not.toContain('no distributor counts for this recording yet');
    expect(text).toContain("weekly counts from DistroKid, each week beside Spotify for Artists' 7 days summed");
  });

  it('--json: the track gains its weeks after its sources, the same rows the history page shows', async () => {
    const history = weeklyHistory(true);
    const printed = JSON.parse(await run(history, ['--json'])) as { tracks: Array<Record<string, unknown>> };
    const track = printed.tracks[0]!;
    expect(Object.keys(track).slice(-2)).toEqual(['sources', 'weeks']);
    const expected = weekRows(history.observations, { asOf: AS_OF, settleDays: 5, settleBySource: new Map([['imusician', 5]]) });
    expect(track.weeks).toEqual(JSON.parse(JSON.stringify(expected)));
    expect((track.weeks as Array<{ week: string; reasons: Array<{ code: string }> }>).find((row) => row.week === INCIDENT)!.reasons[0]!.code).toBe('ANOMALY');
  });
});
