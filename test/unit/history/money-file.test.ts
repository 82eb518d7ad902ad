/** The history file's optional `money` list (docs/contracts.md §3): read, written, refused with its place. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHistoryFile } from '../../../core/history/parse';
import { writeHistoryFile } from '../../../core/history/write';

const root = new URL('../../../', import.meta.url).pathname;
const file = (money: unknown) =>
  JSON.stringify({
    format: 'crosscount-history',
    version: 1,
    exportedAt: '2025-09-01T00:00:00.000Z',
    tracks: [{ id: 't-1', isrc: 'CHA012400001', title: 'Harbour Lights', artists: [], spotifyTrackIds: [], distributorIds: {} }],
    observations: [],
    ...(money === undefined ? {} : { money }),
  });
const record = { track: 't-1', source: 'imusician', store: 'spotify', month: '2025-01', statement: '2025-05', currency: 'EUR', amount: '4.12', streams: 1290, observedAt: '2025-06-01T08:00:00.000Z' };

describe('money in history files', () => {
  it('files without money read as before, and are written back byte for byte without a money key', () => {
    const text = readFileSync(join(root, 'test/fixtures/history/s4a-readings.json'), 'utf8');
    const history = parseHistoryFile(text);
    expect(history).not.toHaveProperty('money');
    expect(writeHistoryFile(history, new Date('2025-09-01T00:00:00.000Z'))).not.toContain('"money"');
  });

  it('reads money records and normalises amounts and times', () => {
    const history = parseHistoryFile(file([{ ...record, amount: '4.120', observedAt: '2025-06-01T10:00:00+02:00' }]));
    expect(history.money).toEqual([{ ...record, amount: '4.12' }]);
  });

  it('writes money after the observations, one record per line, in the documented key order', () => {
    const text = writeHistoryFile(parseHistoryFile(file([record])), new Date('2025-09-01T00:00:00.000Z'));
    expect(text).toContain('  "observations": [],\n  "money": [\n    {"track":"t-1","source":"imusician","store":"spotify","month":"2025-01","statement":"2025-05","currency":"EUR","amount":"4.12","streams":1290,"observedAt":"2025-06-01T08:00:00.000Z"}\n  ]\n}');
  });

  it.each([
    [{ ...record, amount: 4.12 }, 'money[0].amount: 4.12 is not an amount written as a decimal string (e.g. "4.12")'],
    [{ ...record, amount: '4,12' }, 'money[0].amount: "4,12" is not an amount written as a decimal string (e.g. "4.12")'],
    [{ ...record, currency: 'euro' }, 'money[0].currency: "euro" is not a currency code (ISO 4217, e.g. EUR)'],
    [{ ...record, month: '2025-13' }, 'money[0].month: "2025-13" is not a calendar month (YYYY-MM)'],
    [{ ...record, streams: 1.5 }, 'money[0].streams: 1.5 is not a whole number'],
    [{ ...record, track: 't-9' }, 'money[0].track: "t-9" is not a track in this file'],
    [{ ...record, statement: undefined }, 'money[0].statement: missing'],
  ])('refuses %j with its place', (bad, message) => {
    expect(() => parseHistoryFile(file([record, bad].reverse().slice(0, 1)))).toThrow(message);
  });

  it('refuses a money key that is not a list', () => {
    expect(() => parseHistoryFile(file({}))).toThrow('money: expected a list, found {}');
  });
});
