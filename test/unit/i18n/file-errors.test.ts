/**
 * An import's refusal reaches the screens as a key and values (docs/i18n.md): the place in the
 * file stays data (`observations[1].day`, row 3), the words come from the catalog. Real files
 * go through the real importers; German must read as German, numbers grouped the German way.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../components/i18n';
import { InputFileError } from '../../../core/history/input-error';
import { englishMessage } from '../../../core/i18n/english';
import type { Message } from '../../../core/i18n/message';
import { message } from '../../../core/i18n/typed';
import { importFile } from '../../../core/import/registry';
import { reportFormatName, reportFormats } from '../../../core/sources/reports';
import { speak } from './catalogs';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const NOW = new Date('2025-04-20T10:00:00.000Z');
const encode = (text: string) => new TextEncoder().encode(text);
const fixture = (path: string) => new Uint8Array(readFileSync(resolve(FIXTURES, path)));

function history(observations: unknown[]): string {
  const track = { id: 't1', isrc: null, title: 'Harbour Lights', artists: [], spotifyTrackIds: [], distributorIds: {} };
  return JSON.stringify({ format: 'crosscount-history', version: 1, exportedAt: '2025-04-10T00:00:00.000Z', tracks: [track], observations });
}

const observation = { track: 't1', source: 'spotify', store: 'spotify', metric: 'streams', day: '2025-04-01', value: 12, observedAt: '2025-04-05T00:00:00.000Z' };

/** What the importer refuses a file with (it must refuse it). */
async function refusal(bytes: Uint8Array, fileName: string): Promise<InputFileError> {
  const error = await importFile(bytes, fileName, { now: NOW }).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputFileError);
  return error as InputFileError;
}

const CASES: Array<{ name: string; file: () => [Uint8Array, string]; german: string }> = [
  {
    name: 'a history file with an impossible day',
    file: () => [encode(history([observation, { ...observation, day: '2025-02-30' }])), 'h.json'],
    german: 'observations[1].day: "2025-02-30" ist kein gültiges Datum (JJJJ-MM-TT)',
  },
  {
    name: 'a history file cut short',
    file: () => [encode(history([observation]).slice(0, 120)), 'h.json'],
    german: 'Zeile 1, Spalte 121: kein gültiges JSON: der Text endet zu früh, mitten in einem Text (abgeschnitten?)',
  },
  {
    name: 'a count for a recording the file does not list',
    file: () => [encode(history([{ ...observation, track: 'elsewhere' }])), 'h.json'],
    german: 'observations[0].track: "elsewhere" ist keine Aufnahme in dieser Datei',
  },
  {
    name: 'a report row with a fractional stream count',
    file: () => [fixture('reports/imusician-sales-broken.csv'), 'imusician-sales-broken.csv'],
    german: 'Zeile 3, Spalte M (Quantity): "12.5" ist keine ganze Zahl von Streams',
  },
  {
    name: 'a Spotify for Artists timeline with a day after the import',
    file: () => [encode('date,streams\n2025-04-01,10\n2025-05-01,12\n'), 'Harbour Lights-timeline.csv'],
    german: 'Zeile 3, Spalte date: "2025-05-01" liegt nach dem Importtag 2025-04-20',
  },
  {
    name: 'the audience timeline of the whole profile',
    file: () => [fixture('spotify/3kXmZp7QvR2nLw9YtB4sHd-audience-timeline.csv'), '3kXmZp7QvR2nLw9YtB4sHd-audience-timeline.csv'],
    german:
      'das ist die Zielgruppen-Zeitleiste des ganzen Profils (alle Songs zusammen); Crosscount vergleicht die Zahlen jedes einzelnen Songs, daher wird daraus nichts importiert. Lade stattdessen die Zeitleiste jedes Songs von seiner Statistikseite herunter.',
  },
];

/** Words that would give English away inside a German sentence. */
const ENGLISH = /\b(is|not|the|row|column|line|file|missing|expected|found|empty|of|and|or|a)\b/;

describe('import refusals in the artist’s language', () => {
  it.each(CASES)('$name: key and values, the CLI’s English, German without English words', async ({ file, german }) => {
    const error = await refusal(...file());
    // The CLI's line is the English catalog's phrasing of the same key and values.
    expect(error.message).toBe(englishMessage(error.detail));
    expect(error.problem.key).toMatch(/^[a-z][A-Za-z0-9]+$/);
    speak('de');
    const text = formatMessage(JSON.parse(JSON.stringify(error.detail)) as Message);
    expect(text).toBe(german);
    // Place names and values from the file aside ("observations[1].day", "date", "Quantity").
    const words = text.replace(/"[^"]*"|\S*\[\d+\]\.\w+|\([A-Z][a-z]+\)|Spalte \w+/g, '');
    expect(words).not.toMatch(ENGLISH);
  });

  it('the place is data: a history file’s field path is passed as it is written', async () => {
    const error = await refusal(encode(history([observation, { ...observation, day: '2025-02-30' }])), 'h.json');
    expect(error.where).toEqual(message('fileAtPath', { path: 'observations[1].day' }));
    expect(error.problem).toEqual(message('fieldNotDay', { value: '"2025-02-30"' }));
  });

  it.each([
    [{ source: 'Spotify!' }, 'fieldNotSourceId'],
    [{ metric: 'plays' }, 'fieldNotMetric'],
    [{ value: -3 }, 'fieldNotCount'],
    [{ value: '12' }, 'fieldNotNumber'],
    [{ observedAt: 'yesterday' }, 'fieldNotInstant'],
    [{ metric: 'streams_month', day: '2025-03-30' }, 'fieldMonthEnd'],
    [{ day: '2025-04-09' }, 'fieldDayAfterRead'],
    [{ metric: 'streams_month', day: '2025-05-31' }, 'fieldMonthAfterRead'],
  ])('a schema refusal of %j is a message of its own, not zod’s words', async (change, key) => {
    const error = await refusal(encode(history([{ ...observation, ...change }])), 'h.json');
    expect(error.problem.key).toBe(key);
    speak('de');
    expect(formatMessage(error.problem)).not.toMatch(ENGLISH);
  });

  it('counts in a refusal use the locale’s grouping (no "1,000,000" in German)', () => {
    speak('de', 'de-DE');
    expect(formatMessage(message('reportTooLong', { rows: 1_000_000 }))).toBe(
      'mehr als 1.000.000 Zeilen; kein Bericht ist so lang (teile ihn auf oder importiere ein Jahr nach dem anderen)',
    );
    speak('fr', 'fr-FR');
    expect(formatMessage(message('reportZipSeveral', { count: 2, names: 'a.csv, b.csv' }))).toBe(
      'le zip contient 2 relevés (a.csv, b.csv) ; décompressez-le et importez-les un par un',
    );
  });

  it('each report format’s name says in English what its label says', () => {
    for (const format of reportFormats) expect(englishMessage(reportFormatName(format))).toBe(format.label);
  });
});
