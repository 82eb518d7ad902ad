/**
 * `compare --json`, `compare` and `export` write their output in pieces, one track (or a few
 * thousand rows) at a time, and the pieces add up to exactly the text the whole result gives.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { nodeIO } from '../../../cli/node-io';
import { renderCompareTable } from '../../../cli/commands/compare';
import { writeHistoryCsv } from '../../../core/history/csv';
import { readHistoryBytes } from '../../../core/history/formats';
import { writeHistoryFile } from '../../../core/history/write';
import { syntheticHistory } from '../../../bench/synthetic-history';
import { compare as compareV1 } from '../../reference/v1/compare/index';
import { memoryIO } from './memory-io';
import { compare } from '../../../core/compare/index';
import { historyColumns } from '../../../core/columns/build';
import { withoutMessageData } from '../i18n/message-data';

const data = syntheticHistory(30, 120);
const file = writeHistoryFile(data.history, new Date('2026-01-01T00:00:00.000Z'));
/** The history as the commands read it back (normalised: tracks in id order). */
const read = readHistoryBytes(new TextEncoder().encode(file));

describe('streamed output', () => {
  it('compare --json prints, in many writes, exactly the JSON of the whole comparison', async () => {
    const run = memoryIO({ 'history.json': file });
    expect(await main(['compare', 'history.json', '--as-of', data.asOf, '--json'], run.io)).toBe(0);
    expect(run.stdout()).toBe(JSON.stringify(compare(historyColumns(read), { asOf: data.asOf }), null, 2) + '\n');
    // The streamed result is the row-by-row one, plus each reason's key and figures (docs/i18n.md).
    expect(withoutMessageData(JSON.parse(run.stdout()))).toEqual(JSON.parse(JSON.stringify(compareV1(read, { asOf: data.asOf }))));
    expect(run.stdoutWrites()).toBeGreaterThan(10);
  });

  it('compare --json of an empty history and of one ISRC keeps the contract’s shape', async () => {
    const empty = memoryIO({ 'empty.json': writeHistoryFile({ tracks: [], observations: [] }, new Date()) });
    expect(await main(['compare', 'empty.json', '--as-of', '2026-01-01', '--json'], empty.io)).toBe(0);
    expect(empty.stdout()).toBe(JSON.stringify({ asOf: '2026-01-01T23:59:59.999Z', tracks: [] }, null, 2) + '\n');
    const one = memoryIO({ 'history.json': file });
    const isrc = data.history.tracks[3]!.isrc!;
    expect(await main(['compare', 'history.json', '--as-of', data.asOf, '--isrc', isrc, '--json'], one.io)).toBe(0);
    expect(one.stdout()).toBe(JSON.stringify(compare(historyColumns(read), { asOf: data.asOf, isrc }), null, 2) + '\n');
  });

  it('the readable table is written track by track and reads as before', async () => {
    const run = memoryIO({ 'history.json': file });
    expect(await main(['compare', 'history.json', '--as-of', data.asOf], run.io)).toBe(0);
    expect(run.stdout()).toBe(renderCompareTable(compareV1(read, { asOf: data.asOf })));
    expect(run.stdoutWrites()).toBeGreaterThan(5);
  });

  it('export writes the CSV and the history file in chunks that add up to the whole file', async () => {
    const run = memoryIO({ 'history.json': file });
    expect(await main(['export', 'history.json', '--format', 'csv', '--out', 'all.csv'], run.io)).toBe(0);
    expect(run.text('all.csv')).toBe(writeHistoryCsv(data.history));
    expect(run.chunkCounts.get('all.csv')).toBeGreaterThan(1);
    expect(await main(['export', 'history.json', '--format', 'json', '--out', 'again.json'], run.io)).toBe(0);
    expect(run.text('again.json')).toBe(writeHistoryFile(data.history, run.io.now()));
    expect(run.chunkCounts.get('again.json')).toBeGreaterThan(1);
  });

  it('the real file writer puts the chunks into the file in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscount-stream-'));
    const path = join(dir, 'out.txt');
    const lines = Array.from({ length: 50_000 }, (_, i) => `line ${i}\n`);
    await nodeIO.writeFile(path, lines.values());
    expect(readFileSync(path, 'utf8')).toBe(lines.join(''));
  });
});
