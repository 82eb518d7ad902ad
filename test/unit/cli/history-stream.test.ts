/**
 * A history file given to the CLI is parsed as it is read off the disk, in chunks: the same
 * history as reading it whole, whatever the chunk boundaries (inside a line, inside a
 * multi-byte character); a file that is not in the writer's layout, not a regular file or not
 * there gives no streamed history, and the command reads it whole as before (same messages).
 */
import fc from 'fast-check';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileChunks } from '../../../cli/file-chunks';
import { readHistoryStreamed } from '../../../cli/history-stream';
import { nodeIO } from '../../../cli/node-io';
import { readHistoryArgument } from '../../../cli/read-history';
import { parseHistoryFile } from '../../../core/history/parse';
import { parseHistoryLineChunks } from '../../../core/history/parse-lines';
import { writeHistoryFile } from '../../../core/history/write';
import { historyArbitrary } from '../history/arbitraries';

const folder = mkdtempSync(join(tmpdir(), 'crosscount-stream-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** `bytes` cut at the given points (sorted, deduplicated, inside the array). */
function cut(bytes: Uint8Array, points: number[]): Uint8Array[] {
  const at = [...new Set(points.map((point) => point % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...at, bytes.length]) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  return chunks;
}

describe('a history file read in chunks', () => {
  it('gives what reading it whole gives, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(historyArbitrary({ mode: 'wild', maxObservations: 60 }), fc.array(fc.nat(), { maxLength: 12 }), (history, points) => {
        const text = writeHistoryFile(history, new Date('2025-09-01T00:00:00.000Z'));
        expect(parseHistoryLineChunks(cut(new TextEncoder().encode(text), points))).toEqual(parseHistoryFile(text));
      }),
      { numRuns: 150 },
    );
  });

  it('is read from the disk chunk by chunk by the CLI, with the same result', async () => {
    const history = {
      tracks: [{ id: 't-1', isrc: 'CHA012400001', title: 'Hafenlichter – Zürich', artists: ['Lake Avenue'], spotifyTrackIds: [], distributorIds: { imusician: '884211' } }],
      observations: Array.from({ length: 3_000 }, (_, i) => ({ track: 't-1', source: 'imusician', store: 'spotify', metric: 'streams' as const, day: `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`, value: i, observedAt: `2025-10-01T08:${String(i % 60).padStart(2, '0')}:00.000Z` })),
    };
    const file = join(folder, 'history.json');
    const text = writeHistoryFile(history, new Date('2025-10-02T00:00:00.000Z'));
    writeFileSync(file, text);
    const streamed = readHistoryStreamed(file, nodeIO);
    expect(streamed).not.toBeNull();
    expect(streamed).toEqual(parseHistoryFile(text));
    expect(await readHistoryArgument(file, nodeIO)).toEqual(streamed);
  });

  it('gives nothing for what is not a regular file, and the command says what it always said', async () => {
    const directory = join(folder, 'a-folder');
    mkdirSync(directory);
    expect([...fileChunks(directory)]).toEqual([]);
    expect([...fileChunks(join(folder, 'missing.json'))]).toEqual([]);
    expect(readHistoryStreamed(join(folder, 'missing.json'), nodeIO)).toBeNull();
    await expect(readHistoryArgument(join(folder, 'missing.json'), nodeIO)).rejects.toThrow(/no such file/);
    await expect(readHistoryArgument(directory, nodeIO)).rejects.toThrow(/is a folder/);
  });

  it('falls back to the whole-file read for another layout, with its message', async () => {
    const file = join(folder, 'compact.json');
    writeFileSync(file, JSON.stringify({ format: 'crosscount-history', version: 1, exportedAt: '2025-10-02T00:00:00.000Z', tracks: [], observations: [{ track: 'nobody' }] }));
    expect(readHistoryStreamed(file, nodeIO)).toBeNull();
    await expect(readHistoryArgument(file, nodeIO)).rejects.toThrow(/compact\.json: /);
  });
});
