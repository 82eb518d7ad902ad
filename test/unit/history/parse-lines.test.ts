/**
 * History files in the writer's layout are read line by line, and give exactly what reading
 * them whole gives; any other layout, and any bad file, is read whole (same result, same
 * message naming the first problem).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readHistoryBytes } from '../../../core/history/formats';
import { parseHistoryFile } from '../../../core/history/parse';
import { parseHistoryLines } from '../../../core/history/parse-lines';
import { writeHistoryFile } from '../../../core/history/write';
import type { History } from '../../../core/model/history';
import { historyArbitrary } from './arbitraries';

const bytes = (text: string) => new TextEncoder().encode(text);
const written = (history: History) => writeHistoryFile(history, new Date('2025-09-01T00:00:00.000Z'));
const money = { track: 't-1', source: 'imusician', store: 'spotify', month: '2025-01', statement: '2025-05', currency: 'EUR', amount: '4.12', streams: 1290, observedAt: '2025-06-01T08:00:00.000Z' };

function errorOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('reading a history file line by line', () => {
  it('gives exactly what the whole-file parse gives, for any history the writer writes', () => {
    fc.assert(
      fc.property(fc.oneof(historyArbitrary({ mode: 'wild', maxObservations: 80 }), historyArbitrary({ mode: 'consistent', maxObservations: 80 })), (history) => {
        const text = written(history);
        const lines = parseHistoryLines(bytes(text));
        expect(lines).not.toBeNull();
        expect(lines).toEqual(parseHistoryFile(text));
      }),
      { numRuns: 150 },
    );
  });

  it('reads money, empty lists and a byte-order mark the same way', () => {
    const withMoney = written({
      tracks: [{ id: 't-1', isrc: 'CHA012400001', title: 'Harbour Lights', artists: [], spotifyTrackIds: [], distributorIds: {} }],
      observations: [],
      money: [money],
    });
    expect(withMoney).toContain('"money"');
    expect(parseHistoryLines(bytes(withMoney))).toEqual(parseHistoryFile(withMoney));
    const empty = written({ tracks: [], observations: [] });
    expect(parseHistoryLines(bytes(empty))).toEqual({ tracks: [], observations: [] });
    expect(parseHistoryLines(bytes(`\uFEFF${withMoney}`))).toEqual(parseHistoryFile(withMoney));
  });

  it('leaves any other layout to the whole-file parse, which reads it the same', () => {
    const history = parseHistoryFile(written({ tracks: [{ id: 't-1', isrc: null, title: 'A', artists: [], spotifyTrackIds: [], distributorIds: {} }], observations: [{ track: 't-1', source: 'spotify', store: 'spotify', metric: 'streams', day: '2025-01-01', value: 3, observedAt: '2025-01-02T08:00:00.000Z' }] }));
    for (const text of [JSON.stringify({ format: 'crosscount-history', version: 1, exportedAt: '2025-09-01T00:00:00.000Z', ...history }, null, 2), written(history).replace(/\n/g, '\r\n')]) {
      expect(parseHistoryLines(bytes(text))).toBeNull();
      expect(readHistoryBytes(bytes(text))).toEqual(history);
    }
  });

  it('gives up on a bad file, so the refusal names the first problem exactly as before', () => {
    const good = written({ tracks: [{ id: 't-1', isrc: null, title: 'A', artists: [], spotifyTrackIds: [], distributorIds: {} }], observations: [{ track: 't-1', source: 'spotify', store: 'spotify', metric: 'streams', day: '2025-01-01', value: 3, observedAt: '2025-01-02T08:00:00.000Z' }] });
    for (const bad of [good.replace('"2025-01-01"', '"2025-02-30"'), good.replace('"value":3', '"value":3.5'), good.replace('"track":"t-1","source"', '"track":"t-9","source"'), good.replace('"value":3', '"value":3,'), good.slice(0, -4)]) {
      expect(parseHistoryLines(bytes(bad))).toBeNull();
      expect(errorOf(() => readHistoryBytes(bytes(bad)))).toBe(errorOf(() => parseHistoryFile(bad)));
      expect(errorOf(() => readHistoryBytes(bytes(bad)))).not.toBe('no error');
    }
    const notUtf8 = new Uint8Array([...bytes(good.slice(0, 40)), 0xff, ...bytes(good.slice(40))]);
    expect(parseHistoryLines(notUtf8)).toBeNull();
    expect(errorOf(() => readHistoryBytes(notUtf8))).toContain('not UTF-8');
  });
});
