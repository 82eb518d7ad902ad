import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { main } from '../../../cli/main';
import { parseHistoryFile } from '../../../core/history/parse';
import { mergeHistories } from '../../../core/history/merge';
import { memoryIO } from './memory-io';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/history/${name}`, import.meta.url), 'utf8');
const S4A = fixture('s4a-readings.json');
const IMUSICIAN = fixture('imusician-readings.json');
const S4A_CSV = 'date,streams\n2025-03-30,153\n';

describe('crosscount import', () => {
  it('merges history files into one, written once', async () => {
    const run = memoryIO({ 'a.json': S4A, 'b.json': IMUSICIAN });
    expect(await main(['import', 'a.json', 'b.json', '--out', 'all.json'], run.io)).toBe(0);
    expect(run.written).toEqual(['all.json']);
    const written = run.text('all.json');
    expect(parseHistoryFile(written)).toEqual(mergeHistories(parseHistoryFile(S4A), parseHistoryFile(IMUSICIAN)));
    expect(JSON.parse(written).exportedAt).toBe('2025-04-06T12:00:00.000Z');
    expect(run.stdout()).toBe('all.json: 2 tracks, 31 observations from 2 files\n');
    expect(run.stderr()).toBe('');
  });

  it('lets the output be one of the inputs (adding to an existing history)', async () => {
    const run = memoryIO({ 'history.json': S4A, 'new.json': IMUSICIAN });
    expect(await main(['import', 'history.json', 'new.json', '--out', 'history.json'], run.io)).toBe(0);
    expect(parseHistoryFile(run.text('history.json')).tracks).toHaveLength(2);
  });

  it.each([
    ['a truncated file', { 'b.json': IMUSICIAN.slice(0, 400) }, 'crosscount: b.json: line 7 column 138: not JSON: the text ends too early, inside a string (cut off?)\n'],
    ['a future version', { 'b.json': IMUSICIAN.replace('"version": 1', '"version": 2') }, 'crosscount: b.json: version: 2 is newer than this Crosscount understands (1); update Crosscount to read it\n'],
    ['an impossible day', { 'b.json': IMUSICIAN.replace('"day":"2025-03-29"', '"day":"2025-02-29"') }, 'crosscount: b.json: observations[1].day: "2025-02-29" is not a calendar day (YYYY-MM-DD)\n'],
    ['a JSON file of another kind', { 'b.json': '{"tracks": []}' }, 'crosscount: b.json: a JSON file that is not a Crosscount history file (expected "format": "crosscount-history")\n'],
    ['an empty file', { 'b.csv': '' }, 'crosscount: b.csv: the file is empty\n'],
    ['a missing file', {}, 'crosscount: b.json: no such file\n'],
    ['bytes that are not UTF-8', { 'b.json': new Uint8Array([0x7b, 0x22, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x22, 0x3a, 0x22, 0x63, 0x72, 0x6f, 0x73, 0x73, 0x63, 0x6f, 0x75, 0x6e, 0x74, 0x2d, 0x68, 0x69, 0x73, 0x74, 0x6f, 0x72, 0x79, 0x22, 0xff]) }, 'crosscount: b.json: is not UTF-8 text, so it is not a history file\n'],
  ])('refuses %s: exit 1, one line, nothing written', async (_name, files, message) => {
    const run = memoryIO({ 'a.json': S4A, ...files });
    const input = Object.keys(files)[0] ?? 'b.json';
    expect(await main(['import', 'a.json', input, '--out', 'all.json'], run.io)).toBe(1);
    expect(run.stderr()).toBe(message);
    expect(run.written).toEqual([]);
    expect(run.stdout()).toBe('');
  });

  it('refuses a table it does not know, naming the headers seen and the formats expected', async () => {
    const run = memoryIO({ 'a.json': S4A, 'b.csv': S4A_CSV });
    expect(await main(['import', 'a.json', 'b.csv', '--out', 'all.json'], run.io)).toBe(1);
    expect(run.stderr()).toMatch(/^crosscount: b\.csv: not a report format this tool knows\. Headers seen: "date", "streams"\. Expected one of: DistroKid .*TuneCore .*Spotify for Artists download .*Crosscount history file\n$/);
    expect(run.written).toEqual([]);
  });

  it('reads every file with the format named by --format', async () => {
    const run = memoryIO({ 'a.json': S4A, 'b.csv': S4A_CSV });
    expect(await main(['import', 'a.json', 'b.csv', '--format', 'history', '--out', 'all.json'], run.io)).toBe(1);
    expect(run.stderr()).toBe('crosscount: b.csv: line 1 column 1: not JSON: unexpected "d" where a value should be\n');
  });

  it.each([
    [['import', 'a.json'], 'import needs --out <history.json>, the file to write'],
    [['import', '--out', 'all.json'], 'import needs at least one file to read'],
    [['import', 'a.json', '--out', 'all.json', '--format', 'xlsx'], 'unknown --format "xlsx"; known formats: history (Crosscount history file), spotify-csv (Spotify for Artists CSV download), distrokid (DistroKid earnings report), tunecore (TuneCore sales report), cdbaby (CD Baby sales report), believe (Believe sales report), imusician (iMusician sales report), amuse (Amuse royalty report)'],
    [['import', 'a.json', '--out', 'all.json', '--window-end', '2025-02-30'], '--window-end must be a calendar day (YYYY-MM-DD), the last day of a Spotify for Artists songs table\'s range'],
    [['import', 'a.json', '--out'], "Option '--out <value>' argument missing"],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const run = memoryIO({ 'a.json': S4A });
    expect(await main(argv, run.io)).toBe(2);
    expect(run.stderr().split('\n')[0]).toBe(`crosscount: ${message}`);
    expect(run.written).toEqual([]);
  });
});

describe('crosscount export', () => {
  it('writes the spreadsheet CSV', async () => {
    const run = memoryIO({ 'all.json': S4A });
    expect(await main(['export', 'all.json', '--format', 'csv', '--out', 'all.csv'], run.io)).toBe(0);
    const rows = Papa.parse<string[]>(run.text('all.csv').trimEnd(), { newline: '\r\n', delimiter: ',' }).data;
    expect(rows[0]).toEqual(['isrc', 'title', 'artists', 'source', 'store', 'metric', 'day', 'value', 'observed_at']);
    expect(rows).toHaveLength(parseHistoryFile(S4A).observations.length + 1);
    expect(rows).toContainEqual(['', 'Night Bus, Zürich', 'Nora Vell; Tom "Ludo" Ries', 'spotify', 'spotify', 'listeners', '2025-03-30', '13', '2025-03-31T08:12:40.000Z']);
    expect(run.stdout()).toBe('all.csv: written as CSV\n');
  });

  it('re-writes a normalised history file with --format json, or by the --out extension', async () => {
    const unsorted = S4A.replace('"exportedAt": "2025-04-04T20:00:00.000Z"', '"exportedAt": "2025-04-04T22:00:00+02:00"');
    const run = memoryIO({ 'all.json': unsorted });
    expect(await main(['export', 'all.json', '--out', 'copy.json'], run.io)).toBe(0);
    expect(parseHistoryFile(run.text('copy.json'))).toEqual(parseHistoryFile(S4A));
  });

  it('refuses a bad history file with exit 1 and writes nothing', async () => {
    const run = memoryIO({ 'all.json': S4A.replace('"value":153', '"value":-153') });
    expect(await main(['export', 'all.json', '--format', 'csv', '--out', 'all.csv'], run.io)).toBe(1);
    expect(run.stderr()).toMatch(/^crosscount: all\.json: observations\[\d+\]\.value: -153 is not a non-negative whole number\n$/);
    expect(run.written).toEqual([]);
  });

  it.each([
    [['export', 'all.json', '--out', 'all.txt'], 'export needs --format csv or --format json'],
    [['export', 'all.json', '--format', 'xlsx', '--out', 'all.xlsx'], 'unknown --format "xlsx"; use csv or json'],
    [['export', 'all.json', '--format', 'csv'], 'export needs --out <file>, the file to write'],
    [['export', 'a.json', 'b.json', '--format', 'csv', '--out', 'x.csv'], 'export reads exactly one history file'],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const run = memoryIO({ 'all.json': S4A });
    expect(await main(argv, run.io)).toBe(2);
    expect(run.stderr().split('\n')[0]).toBe(`crosscount: ${message}`);
  });
});
