import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { History } from '../../../core/model/history';
import { writeHistoryFile } from '../../../core/history/write';
import { parseHistoryFile } from '../../../core/history/parse';
import { mergeHistories, normaliseHistory } from '../../../core/history/merge';
import { historyArbitrary } from './arbitraries';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/history/${name}`, import.meta.url), 'utf8');
const EXPORTED_AT = new Date('2026-11-21T10:00:00.000Z');

describe('writeHistoryFile', () => {
  it('writes format v1 with the contract key order, one entry per line, normalised', () => {
    const history: History = {
      tracks: [{ distributorIds: { imusician: '804113' }, spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], artists: ['Nora Vell'], title: 'Glacier Lights', isrc: 'CHA012400001', id: 't-7f3a' }],
      observations: [
        { observedAt: '2025-04-02T08:00:00.000Z', value: 153, day: '2025-03-30', metric: 'streams', store: 'spotify', source: 'spotify', track: 't-7f3a' },
        { observedAt: '2025-04-01T08:00:00.000Z', value: 153, day: '2025-03-30', metric: 'streams', store: 'spotify', source: 'spotify', track: 't-7f3a' },
      ],
    };
    expect(writeHistoryFile(history, EXPORTED_AT)).toBe(
      [
        '{',
        '  "format": "crosscount-history",',
        '  "version": 1,',
        '  "exportedAt": "2026-11-21T10:00:00.000Z",',
        '  "tracks": [',
        '    {"id":"t-7f3a","isrc":"CHA012400001","title":"Glacier Lights","artists":["Nora Vell"],"spotifyTrackIds":["4uLU6hMCjMI75M1A2tKUQC"],"distributorIds":{"imusician":"804113"}}',
        '  ],',
        '  "observations": [',
        '    {"track":"t-7f3a","source":"spotify","store":"spotify","metric":"streams","day":"2025-03-30","value":153,"observedAt":"2025-04-01T08:00:00.000Z"}',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty history as valid JSON', () => {
    const text = writeHistoryFile({ tracks: [], observations: [] }, EXPORTED_AT);
    expect(JSON.parse(text)).toEqual({ format: 'crosscount-history', version: 1, exportedAt: '2026-11-21T10:00:00.000Z', tracks: [], observations: [] });
    expect(parseHistoryFile(text)).toEqual({ tracks: [], observations: [] });
  });

  it('re-writes the fixtures byte for byte (they are normalised)', () => {
    for (const [name, exportedAt] of [
      ['s4a-readings.json', '2025-04-04T20:00:00.000Z'],
      ['imusician-readings.json', '2025-04-06T09:30:00.000Z'],
    ] as const) {
      const text = fixture(name);
      expect(writeHistoryFile(parseHistoryFile(text), new Date(exportedAt))).toBe(text);
    }
  });

  it('merges the fixtures: one track by ISRC, one by Spotify id', () => {
    const merged = mergeHistories(parseHistoryFile(fixture('s4a-readings.json')), parseHistoryFile(fixture('imusician-readings.json')));
    expect(merged.tracks).toEqual([
      { id: 't-0b4e', isrc: 'CHA012400001', title: 'Glacier Lights', artists: ['Nora Vell'], spotifyTrackIds: ['4uLU6hMCjMI75M1A2tKUQC'], distributorIds: { imusician: '804113' } },
      { id: 't-5d10', isrc: 'DEAB72500117', title: 'Night Bus, Zürich', artists: ['Nora Vell', 'Tom "Ludo" Ries'], spotifyTrackIds: ['0aZ9bY8cX7dW6eV5fU4gT3'], distributorIds: { imusician: '811902' } },
    ]);
    const day = (track: string, source: string) => merged.observations.filter((o) => o.track === track && o.source === source && o.metric === 'streams' && o.day === '2025-03-30');
    expect(day('t-0b4e', 'spotify').map((o) => o.value)).toEqual([149, 153]);
    expect(day('t-0b4e', 'imusician').map((o) => o.value)).toEqual([142]);
    expect(day('t-5d10', 'imusician').map((o) => o.value)).toEqual([14]);
  });

  it('write → parse gives the normalised history back (lossless)', () => {
    fc.assert(
      fc.property(historyArbitrary({ mode: 'wild' }), fc.string(), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), (history, title, artists) => {
        // Hostile-looking text in titles and artists (quotes, commas, =, line breaks, unicode).
        const withText: History = { ...history, tracks: history.tracks.map((t, i) => (i === 0 ? { ...t, title, artists } : t)) };
        expect(parseHistoryFile(writeHistoryFile(withText, EXPORTED_AT))).toEqual(normaliseHistory(withText));
      }),
      { numRuns: 200 },
    );
  });
});
