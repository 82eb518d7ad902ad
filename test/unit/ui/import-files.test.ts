/** Import on the history page, with the real fixture files: preview per file, merged payload. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHistoryFile } from '../../../core/history/parse';
import { formatMessage } from '../../../components/i18n';
import { englishMessage } from '../../../core/i18n/english';
import { importPayload, readImportFiles, type FileInput } from '../../../entrypoints/options/import-files';
import { speak } from '../i18n/catalogs';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const file = (path: string): FileInput => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(resolve(FIXTURES, path))) });
const NOW = new Date('2025-04-20T10:00:00.000Z');

describe('readImportFiles', () => {
  it('previews each file: what it is, how much it adds, its days and sources', async () => {
    const previews = await readImportFiles([file('history/s4a-readings.json'), file('reports/imusician-sales.csv'), file('reports/distrokid-v2.zip')], NOW);
    expect(previews.map((entry) => entry.ok)).toEqual([true, true, true]);
    expect(previews[0]).toMatchObject({ fileName: 's4a-readings.json', format: 'history', tracks: 2, observations: 23, firstDay: '2025-03-28', lastDay: '2025-04-02', sources: ['spotify'] });
    expect(previews[1]).toMatchObject({ fileName: 'imusician-sales.csv', tracks: 2, observations: 10, firstDay: '2024-01-31', lastDay: '2024-02-29', sources: ['imusician'] });
    expect(previews[2]).toMatchObject({ tracks: 1, sources: ['distrokid'] });
  });

  it('reports a bad file with its problem and location, without stopping the others', async () => {
    const previews = await readImportFiles([file('reports/imusician-sales-broken.csv'), file('reports/empty.csv'), file('spotify/catalog-songs.json'), file('history/imusician-readings.json')], NOW);
    expect(previews.map((entry) => entry.ok)).toEqual([false, false, false, true]);
    // The problem and its place are a key and values, not a sentence: the page phrases them.
    expect(previews[0]).toEqual({
      fileName: 'imusician-sales-broken.csv',
      ok: false,
      error: {
        key: 'fileProblemAt',
        params: {
          where: { text: { key: 'fileAtRowColumn', params: { row: '3', column: 'M (Quantity)' } } },
          problem: { text: { key: 'reportNotWholeStreams', params: { value: '"12.5"' } } },
        },
      },
    });
    expect(previews[1]).toMatchObject({ ok: false, error: { key: 'fileEmpty' } });
    const errors = previews.flatMap((entry) => (entry.ok ? [] : [entry.error]));
    // In English, the same words as the CLI's.
    expect(errors.map(englishMessage)).toEqual([
      'row 3, column M (Quantity): "12.5" is not a whole number of streams',
      'the file is empty',
      'a JSON file that is not a Crosscount history file (expected "format": "crosscount-history")',
    ]);
    speak('de');
    expect(errors.map(formatMessage)).toEqual([
      'Zeile 3, Spalte M (Quantity): "12.5" ist keine ganze Zahl von Streams',
      'die Datei ist leer',
      'eine JSON-Datei, die keine Crosscount-Verlaufsdatei ist (erwartet "format": "crosscount-history")',
    ]);
  });
});

describe('importPayload', () => {
  it('merges the files that were read into one history file, leaving out the bad ones', async () => {
    const previews = await readImportFiles([file('history/s4a-readings.json'), file('history/imusician-readings.json'), file('reports/imusician-sales-broken.csv')], NOW);
    const payload = importPayload(previews, NOW)!;
    expect(payload.fileName).toBe('s4a-readings.json, imusician-readings.json');
    const merged = parseHistoryFile(payload.text);
    // Glacier Lights (same ISRC) and Night Bus (same Spotify id) are one track each.
    expect(merged.tracks.map((track) => track.title).sort()).toEqual(['Glacier Lights', 'Night Bus, Zürich']);
    expect(merged.observations).toHaveLength(23 + 8);
  });

  it('is null when no file could be read', async () => {
    expect(importPayload(await readImportFiles([file('reports/empty.csv')], NOW), NOW)).toBeNull();
  });
});
