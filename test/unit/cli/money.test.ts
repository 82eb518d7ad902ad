/** `money` (docs/contracts.md §3): the contract's JSON exactly, the table, exit codes; `import` keeps revenue. */
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { writeHistoryFile } from '../../../core/history/write';
import { fixture } from '../sources/reports/helpers';
import { history } from '../money/build';
import { memoryIO } from './memory-io';

const CLIMBING = { '2024-01': 0, '2024-02': 300, '2024-03': 400, '2024-04': 500, '2024-05': 600, '2024-06': 600 };
const historyText = writeHistoryFile(
  history(CLIMBING, [
    { month: '2024-03', streams: 380, amount: '0.9', statement: '2024-07' },
    { month: '2024-05', streams: 580, amount: '1.2345678901234567', statement: '2024-09' },
  ]),
  new Date('2024-12-01T00:00:00.000Z'),
);

describe('crosscount money', () => {
  it('--json prints exactly the contract fields, amounts as JSON numbers with every digit', async () => {
    const run = memoryIO({ 'h.json': historyText });
    expect(await main(['money', 'h.json', '--as-of', '2024-12-15', '--json'], run.io)).toBe(0);
    const text = run.stdout();
    expect(text).toContain('"amount": 1.2345678901234567,');
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['asOf', 'tracks']);
    expect(Object.keys(parsed.tracks[0])).toEqual(['isrc', 'title', 'unpaidSpotifyStreams', 'months']);
    expect(parsed.tracks[0]).toMatchObject({ isrc: 'CHA1B2400001', title: 'Harbour Lights', unpaidSpotifyStreams: 700 });
    const march = parsed.tracks[0].months.find((row: { month: string }) => row.month === '2024-03');
    expect(Object.keys(march)).toEqual(['month', 'source', 'store', 'streams', 'revenue', 'perStream', 's4aStreams', 'eligible', 'flags']);
    expect(march).toMatchObject({ source: 'imusician', store: 'spotify', streams: 380, revenue: { amount: 0.9, currency: 'EUR' }, s4aStreams: 400, eligible: false });
    expect(march.flags.map((flag: { code: string; level: string }) => `${flag.code} ${flag.level}`)).toEqual(['BELOW_THRESHOLD expected', 'INELIGIBLE_WITH_REVENUE possible']);
    expect(parsed.tracks[0].months.map((row: { month: string }) => row.month)).toEqual(['2024-05', '2024-03']);
  });

  it('prints a readable table by default, saying currencies are never added', async () => {
    const run = memoryIO({ 'h.json': historyText });
    expect(await main(['money', 'h.json', '--as-of', '2024-12-15'], run.io)).toBe(0);
    const lines = run.stdout().split('\n');
    expect(lines[0]).toBe("Sales reports against Spotify for Artists, as of 2024-12-15. Amounts are in each report's own currency and never added across currencies.");
    expect(run.stdout()).toContain('700 Spotify streams earned nothing: the recording was under 1,000 in those months.');
    expect(lines).toContain('  2024-03  iMusician   Spotify               380           0.9 EUR     0.00237        400  no        ✓ BELOW_THRESHOLD, ◔ INELIGIBLE_WITH_REVENUE');
  });

  it('--isrc limits to one recording; bad options are usage errors (2), a bad file is 1', async () => {
    const run = memoryIO({ 'h.json': historyText, 'bad.json': '{"format":"nope"}' });
    expect(await main(['money', 'h.json', '--isrc', 'CHA1B2499999', '--json', '--as-of', '2024-12-15'], run.io)).toBe(0);
    expect(JSON.parse(run.stdout()).tracks).toEqual([]);
    expect(await main(['money', 'h.json', '--as-of', '2024-13-01'], run.io)).toBe(2);
    expect(await main(['money', 'h.json', '--isrc', 'nope'], run.io)).toBe(2);
    expect(await main(['money'], run.io)).toBe(2);
    expect(await main(['money', 'bad.json'], run.io)).toBe(1);
    expect(run.stderr()).toContain('crosscount: bad.json: format: "nope" is not "crosscount-history"');
  });

  it('import keeps the reports\' revenue in the history file it writes', async () => {
    const run = memoryIO({ 'sales.csv': fixture('imusician-sales.csv'), 'dk.tsv': fixture('distrokid-v1.tsv') });
    expect(await main(['import', 'sales.csv', 'dk.tsv', '--out', 'all.json'], run.io)).toBe(0);
    const written = JSON.parse(run.text('all.json'));
    expect(written.version).toBe(1);
    expect(written.money).toContainEqual(expect.objectContaining({ track: 'imusician:CHA1B2400001', store: 'spotify', month: '2024-01', statement: '2024-05', currency: 'EUR', amount: '6.68', streams: 2111 }));
    expect(written.money).toContainEqual(expect.objectContaining({ track: 'distrokid:QZHN52400101', store: 'spotify', month: '2024-02', currency: 'USD' }));
    expect(run.stdout()).toBe('all.json: 4 tracks, 17 observations, 19 money lines from 2 files\n');
  });
});
