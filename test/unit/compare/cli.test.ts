/** `compare` and `evidence` on the command line (docs/contracts.md §2), through main() with in-memory IO. */
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { compare } from '../../../core/compare/index';
import { addDays } from '../../../core/model/day';
import { writeHistoryFile } from '../../../core/history/write';
import { memoryIO } from '../cli/memory-io';
import { syntheticHistory, type TrackPlan } from './synthetic';

const START = '2025-02-03';
const plan: TrackPlan = { id: 't-1', isrc: 'CHXXX2400001', title: 'Glacier Lights', start: START, days: 42, mean: 600, distributors: [{ ratio: 0.9, incidents: { 20: 0.3 } }] };
const history = syntheticHistory([plan, { ...plan, id: 't-2', isrc: 'DEAB72500117', title: 'Night Bus', distributors: [{ ratio: 0.88 }] }], 4);
const file = writeHistoryFile(history, new Date('2025-03-20T10:00:00.000Z'));
const NOW = new Date('2025-03-20T12:00:00.000Z');

async function run(argv: string[], files: Record<string, string> = { 'h.json': file }) {
  const io = memoryIO(files, NOW);
  const code = await main(argv, io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('crosscount compare', () => {
  it('--json prints exactly the comparison of the contract, as of now by default', async () => {
    const { code, stdout, stderr } = await run(['compare', 'h.json', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(compare(history, { asOf: NOW.toISOString() }))));
  });

  it('--as-of with a bare day means the end of that day; --isrc selects one recording', async () => {
    const { code, stdout } = await run(['compare', 'h.json', '--json', '--as-of', '2025-03-01', '--isrc', 'DE-AB7-25-00117']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.asOf).toBe('2025-03-01T23:59:59.999Z');
    expect(result.tracks.map((track: { isrc: string }) => track.isrc)).toEqual(['DEAB72500117']);
    expect(result.tracks[0].days.every((row: { revisions: { observedAt: string }[] }) => row.revisions.every((r) => r.observedAt <= result.asOf))).toBe(true);
  });

  it('without --json prints a readable table with the reasons', async () => {
    const { code, stdout } = await run(['compare', 'h.json', '--as-of', '2025-03-16T23:59:59Z']);
    expect(code).toBe(0);
    expect(stdout).toContain('Glacier Lights · CHXXX2400001');
    expect(stdout).toMatch(/iMusician \(Spotify\) · usual ratio 9\d % from \d+ settled days · settles after 5 days/);
    expect(stdout).toMatch(/Day\s+Spotify for Artists\s+iMusician\s+Diff\s+Ratio\s+Status\s+Reason/);
    expect(stdout).toContain(`${addDays(START, 20)}`);
    expect(stdout).toContain('! Anomaly: iMusician shows');
    expect(stdout).toContain('✓ Filtered plays: iMusician shows');
    expect(stdout).toContain('1 unexplained day: see "crosscount evidence');
  });

  it('refuses bad options with a usage error (exit 2) and bad input with exit 1', async () => {
    expect(await run(['compare'])).toMatchObject({ code: 2, stderr: expect.stringContaining('missing <history.json>') });
    expect(await run(['compare', 'h.json', '--as-of', '2025-02-30'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--as-of: "2025-02-30" is not an ISO time or a day') });
    expect(await run(['compare', 'h.json', '--isrc', 'nope'])).toMatchObject({ code: 2, stderr: expect.stringContaining('is not an ISRC') });
    expect(await run(['compare', 'missing.json'])).toMatchObject({ code: 1, stderr: 'crosscount: missing.json: no such file\n' });
    expect(await run(['compare', 'h.json', '--isrc', 'GBXYZ2510042'])).toMatchObject({ code: 1, stderr: 'crosscount: h.json: no recording with ISRC GBXYZ2510042\n' });
    const broken = await run(['compare', 'bad.json'], { 'bad.json': '{"format":"crosscount-history","version":2}' });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^crosscount: bad\.json: .+\n$/);
    expect(broken.stderr.split('\n')).toHaveLength(2);
  });
});

describe('crosscount evidence', () => {
  it('prints the Markdown report of the settled anomalies', async () => {
    const { code, stdout } = await run(['evidence', 'h.json', '--isrc', 'CHXXX2400001']);
    expect(code).toBe(0);
    expect(stdout).toContain('# Stream counts: `Glacier Lights` (ISRC CHXXX2400001)');
    expect(stdout).toContain(`| ${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(addDays(START, 20)).getUTCDay()]} ${addDays(START, 20)} |`);
  });

  it('--days chooses the days', async () => {
    const { code, stdout } = await run(['evidence', 'h.json', '--isrc', 'CHXXX2400001', '--days', `${addDays(START, 3)}, ${addDays(START, 4)}`]);
    expect(code).toBe(0);
    expect(stdout.match(/^### /gm)).toHaveLength(2);
  });

  it('refuses a missing --isrc, bad days and an unknown ISRC clearly', async () => {
    expect(await run(['evidence', 'h.json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('missing --isrc') });
    expect(await run(['evidence', 'h.json', '--isrc', 'CHXXX2400001', '--days', '2025-13-01'])).toMatchObject({ code: 2, stderr: expect.stringContaining('"2025-13-01" is not a calendar day') });
    expect(await run(['evidence', 'h.json', '--isrc', 'CHXXX2400001', '--days', ' , '])).toMatchObject({ code: 2, stderr: expect.stringContaining('--days: give one or more days, e.g. --days 2025-04-01,2025-04-03') });
    expect(await run(['evidence', 'h.json', '--isrc', 'CHXXX2400001', '--months', '2025-01,2025-1'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--months: "2025-1" is not a calendar month (YYYY-MM)') });
    expect(await run(['evidence', 'h.json', '--isrc', 'CHXXX2400001', '--months', ','])).toMatchObject({ code: 2, stderr: expect.stringContaining('--months: give one or more months, e.g. --months 2025-01,2025-02') });
    expect(await run(['evidence', 'h.json', '--isrc', 'GBXYZ2510042'])).toMatchObject({ code: 1, stderr: 'crosscount: h.json: no recording with ISRC GBXYZ2510042 in this history\n' });
  });
});
