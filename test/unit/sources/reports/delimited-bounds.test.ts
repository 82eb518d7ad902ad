/**
 * The report text parser reads slices of whole records (core/sources/reports/delimited.ts):
 * whatever the slices, it gives exactly what one papaparse run over the whole text gives, and
 * its record and column caps refuse naming the file and the row.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { delimitedRows, guessSeparator, type TextRow } from '../../../../core/sources/reports/delimited';
import { ReportFileError } from '../../../../core/sources/reports';

/** The reference: the whole text through papaparse at once (the parser before slicing). */
function wholeParse(text: string): TextRow[] | string {
  const normalised = text.replace(/\r\n?/g, '\n');
  const firstLine = normalised.split('\n').find((line) => line.trim() !== '') ?? '';
  const result = Papa.parse<string[]>(normalised, { delimiter: guessSeparator(firstLine), newline: '\n', quoteChar: '"', header: false, skipEmptyLines: false });
  if (result.errors.some((error) => error.type === 'Quotes')) return 'quotes';
  const rows: TextRow[] = [];
  result.data.forEach((cells, index) => {
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ number: index + 1, cells });
  });
  return rows;
}

function sliced(text: string, chunkChars: number): TextRow[] | string {
  try {
    return [...delimitedRows(text, 'r.csv', { chunkChars })];
  } catch (error) {
    if (error instanceof ReportFileError && error.problem.key === 'reportQuoteNotClosed') return 'quotes';
    throw error;
  }
}

const piece = fc.constantFrom('a', 'Zoë', ' ', ',', ';', '\t', '\n', '\r\n', '\r', '"', '""', '"x,y"', '"line\nbreak"', '12', '');

describe('sliced parsing', () => {
  it('gives what a whole-text parse gives, for any slice size', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')), fc.integer({ min: 1, max: 40 }), (text, chunkChars) => {
        const expected = wholeParse(text);
        // Malformed quoting is refused both ways; otherwise every row and number is the same.
        if (expected === 'quotes') return;
        expect(sliced(text, chunkChars)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses more records than the cap, blank ones counted, and a record wider than the cap', () => {
    expect(() => [...delimitedRows('h\n\n\n\n', 'r.csv', { maxRecords: 3 })]).toThrow('r.csv: more than 3 rows; no report is that long');
    expect([...delimitedRows('h\n1\n2\n', 'r.csv', { maxRecords: 3 })]).toHaveLength(3);
    expect(() => [...delimitedRows('a,b\n1,2,3,4\n', 'r.csv', { maxColumns: 3 })]).toThrow('r.csv, row 2: a row has more than 3 cells; no report is that wide');
    // Separators inside quotes are not cells.
    expect([...delimitedRows('a,b\n"1,2,3,4",5\n', 'r.csv', { maxColumns: 3 })]).toEqual([
      { number: 1, cells: ['a', 'b'] },
      { number: 2, cells: ['1,2,3,4', '5'] },
    ]);
  });

  it('finds the separator on the first non-blank line without splitting the text', () => {
    expect([...delimitedRows('\n\n\na;b\n1;2', 'r.csv')]).toEqual([
      { number: 4, cells: ['a', 'b'] },
      { number: 5, cells: ['1', '2'] },
    ]);
  });
});
