import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import type { CliIO } from '../../../cli/io';
import { CliError } from '../../../cli/io';
import { eligibility } from '../../../core/eligibility';
import { history, months, s4a, steady, track } from './fixtures';

/** An in-memory CliIO: files by path, output collected, a fixed clock. */
function memoryIO(files: Record<string, string | Uint8Array>, now = '2025-04-15T10:00:00.000Z') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    async readFile(path) {
      const content = files[path];
      if (content === undefined) throw new CliError(`${path}: no such file`);
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
    async writeFile() {
      throw new Error('eligibility writes no files');
    },
    now: () => new Date(now),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

const SONG = 'CHXXX2400001';
const tracks = [track('t-single', SONG, 'Night Drive'), track('t-album', SONG, 'Night Drive'), track('t-live', 'CHXXX2400002', 'Night Drive (Live)')];
const observations = [
  ...months('t-single', '2025-02', [400, 350]),
  ...months('t-album', '2025-02', [0, 300]),
  ...steady('t-single', '2025-04-01', '2025-04-14', 10),
  ...steady('t-album', '2025-04-01', '2025-04-14', 5),
  ...months('t-live', '2025-02', [300, 300]),
  ...steady('t-live', '2025-04-01', '2025-04-14', 6),
  s4a('t-live', '2025-04-14', 88, 'listeners_12m'),
];
const fileText = JSON.stringify({ format: 'crosscount-history', version: 1, exportedAt: '2025-04-15T09:00:00.000Z', ...history(tracks, observations) });

describe('crosscount eligibility', () => {
  it('--json prints the contract shape, keys in order, for the month of today (UTC) by default', async () => {
    const { io, stdout, stderr } = memoryIO({ 'history.json': fileText });
    expect(await main(['eligibility', 'history.json', '--json'], io)).toBe(0);
    expect(stderr()).toBe('');
    const printed = JSON.parse(stdout());
    expect(printed).toEqual(eligibility(history(tracks, observations), { asOfDay: '2025-04-15' }));
    expect(Object.keys(printed)).toEqual(['asOf', 'threshold', 'tracks']);
    expect(printed.asOf).toBe('2025-04-15');
    expect(printed.threshold).toBe(1000);
    expect(Object.keys(printed.tracks[0])).toEqual([
      'isrc', 'title', 'trackIds', 'month', 'trailing12mStreams', 'eligible', 'streamsThisMonth',
      'firstEligibleMonth', 'projectedEligibleDay', 'listeners12m', 'caveats', 'caveatMessages', 'months',
    ]);
    expect(Object.keys(printed.tracks[0].months[0])).toEqual(['month', 'streams', 'trailing12m', 'eligible']);
    expect(printed.tracks[0]).toMatchObject({ isrc: SONG, trackIds: ['t-single', 't-album'], month: '2025-04', trailing12mStreams: 1260, eligible: true, streamsThisMonth: 210, firstEligibleMonth: '2025-03' });
    expect(printed.tracks[1]).toMatchObject({ isrc: 'CHXXX2400002', trailing12mStreams: 684, eligible: false, listeners12m: 88 });
  });

  it('--as-of evaluates the month of that day', async () => {
    const { io, stdout } = memoryIO({ 'history.json': fileText });
    expect(await main(['eligibility', 'history.json', '--as-of', '2025-02-28', '--json'], io)).toBe(0);
    const printed = JSON.parse(stdout());
    expect(printed.asOf).toBe('2025-02-28');
    expect(printed.tracks[0]).toMatchObject({ month: '2025-02', trailing12mStreams: 400, eligible: false });
  });

  it('prints a readable table without --json', async () => {
    const { io, stdout } = memoryIO({ 'history.json': fileText });
    expect(await main(['eligibility', 'history.json', '--as-of', '2025-04-14'], io)).toBe(0);
    const text = stdout();
    expect(text).toContain('Royalty eligibility for 2025-04 as of 2025-04-14: 1,000 streams needed in the last 12 calendar months.');
    expect(text).toMatch(/CHXXX2400001\s+Night Drive\s+1,260\s+210\s+Earning\s+2025-03/);
    expect(text).toMatch(/CHXXX2400002\s+Night Drive \(Live\)\s+684\s+84\s+Not yet — 316 to go\s+—\s+2025-\d\d-\d\d/);
    expect(text).toContain('    · The 2 tracks with this ISRC (t-single, t-album) count together');
    // The unpublished listener minimum is said once, at the end.
    expect(text.match(/does not publish/g)).toHaveLength(1);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^Note: Spotify also requires a minimum number of unique listeners/);
  });

  it.each([
    [['eligibility', 'history.json', '--as-of', '2025-02-30'], '--as-of "2025-02-30" is not a calendar day (YYYY-MM-DD)'],
    [['eligibility', 'history.json', '--as-of', '2025-02-28T10:00:00Z'], 'is not a calendar day'],
    [['eligibility'], 'missing the history file'],
    [['eligibility', 'a.json', 'b.json'], 'only one history file at a time'],
    [['eligibility', 'history.json', '--isrc', 'X'], "Unknown option '--isrc'"],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const { io, stdout, stderr } = memoryIO({ 'history.json': fileText });
    expect(await main(argv, io)).toBe(2);
    expect(stderr()).toContain(message);
    expect(stderr().startsWith('crosscount: ')).toBe(true);
    expect(stdout()).toBe('');
  });

  it.each([
    ['a missing file', {}, 'crosscount: history.json: no such file\n'],
    ['a file that is not UTF-8', { 'history.json': new Uint8Array([0xff, 0xfe, 0x00, 0x41]) }, 'crosscount: history.json: is not UTF-8 text, so it is not a history file\n'],
  ])('bad input exits 1 with one line: %s', async (_name, files, expected) => {
    const { io, stderr } = memoryIO(files);
    expect(await main(['eligibility', 'history.json'], io)).toBe(1);
    expect(stderr()).toBe(expected);
  });

  it('a refused history file exits 1 naming the file and the first problem', async () => {
    const bad = JSON.parse(fileText);
    bad.observations[3].day = '2025-02-30';
    const { io, stderr } = memoryIO({ 'history.json': JSON.stringify(bad) });
    expect(await main(['eligibility', 'history.json'], io)).toBe(1);
    const line = stderr();
    expect(line).toMatch(/^crosscount: history\.json: observations\[3\]\.day: .*2025-02-30/);
    expect(line.trimEnd().split('\n')).toHaveLength(1);
  });
});
