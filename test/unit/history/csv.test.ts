import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import fc from 'fast-check';
import type { History } from '../../../core/model/history';
import { csvText, writeHistoryCsv } from '../../../core/history/csv';
import { normaliseHistory } from '../../../core/history/merge';
import { historyArbitrary } from './arbitraries';

describe('csvText', () => {
  it.each([
    ['Glacier Lights', 'Glacier Lights'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+41 79 000 00 00', "'+41 79 000 00 00"],
    ['-minus', "'-minus"],
    ['@handle', "'@handle"],
    ['\tindented', "'\tindented"],
    ['\rreturn', `"'\rreturn"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['Night Bus, Zürich', '"Night Bus, Zürich"'],
    ['Tom "Ludo" Ries', '"Tom ""Ludo"" Ries"'],
    ['two\nlines', '"two\nlines"'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(csvText(value)).toBe(expected);
  });
});

describe('writeHistoryCsv', () => {
  it('writes one row per observation with CRLF line ends, numbers plain, ISRC empty when unknown', () => {
    const history: History = {
      tracks: [
        { id: 't-1', isrc: 'CHA012400001', title: '=cmd|" /C calc"!A0', artists: ['Nora Vell', '-Ludo'], spotifyTrackIds: [], distributorIds: {} },
        { id: 't-2', isrc: null, title: 'Night Bus, Zürich', artists: [], spotifyTrackIds: [], distributorIds: {} },
      ],
      observations: [
        { track: 't-2', source: 'imusician', store: 'all', metric: 'streams_month', day: '2025-03-31', value: 1042, observedAt: '2025-07-15T10:00:00.000Z' },
        { track: 't-1', source: 'spotify', store: 'spotify', metric: 'streams', day: '2025-03-30', value: 153, observedAt: '2025-04-01T08:00:00.000Z' },
      ],
    };
    expect(writeHistoryCsv(history)).toBe(
      'isrc,title,artists,source,store,metric,day,value,observed_at\r\n' +
        `CHA012400001,"'=cmd|"" /C calc""!A0",Nora Vell; -Ludo,spotify,spotify,streams,2025-03-30,153,2025-04-01T08:00:00.000Z\r\n` +
        ',"Night Bus, Zürich",,imusician,all,streams_month,2025-03-31,1042,2025-07-15T10:00:00.000Z\r\n',
    );
  });

  it('a spreadsheet reading it back sees every observation, no cell that runs as a formula', () => {
    fc.assert(
      fc.property(historyArbitrary({ mode: 'wild' }), fc.string(), (history, title) => {
        const withTitle: History = { ...history, tracks: history.tracks.map((t, i) => (i === 0 ? { ...t, title } : t)) };
        const normal = normaliseHistory(withTitle);
        const parsed = Papa.parse<string[]>(writeHistoryCsv(withTitle), { newline: '\r\n', delimiter: ',' });
        const rows = parsed.data.filter((row) => row.length > 1);
        expect(rows[0]).toEqual(['isrc', 'title', 'artists', 'source', 'store', 'metric', 'day', 'value', 'observed_at']);
        expect(rows).toHaveLength(normal.observations.length + 1);
        const tracks = new Map(normal.tracks.map((t) => [t.id, t]));
        normal.observations.forEach((obs, i) => {
          const row = rows[i + 1]!;
          const track = tracks.get(obs.track)!;
          const unneutralised = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
          expect(row.map(unneutralised)).toEqual([track.isrc ?? '', track.title, track.artists.join('; '), obs.source, obs.store, obs.metric, obs.day, String(obs.value), obs.observedAt]);
          for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        });
      }),
      { numRuns: 200 },
    );
  });
});
