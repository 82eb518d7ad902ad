/**
 * Delimited text (CSV with `,` or `;`, TSV) → rows of cells, with papaparse doing the quoting
 * rules. The separator is guessed from the first non-blank line; line ends may be CR, LF or
 * CRLF, even mixed (DistroKid files with CR-only line ends exist).
 */
import Papa from 'papaparse';
import { ReportFileError } from './errors';

export type Separator = ',' | ';' | '\t';
const SEPARATORS: readonly Separator[] = ['\t', ';', ','];

/**
 * The separator that occurs most often outside quotes in `line`. Ties go to tab, then `;`,
 * then `,`: a header with tabs is TSV even if a name holds a comma. No separator at all → `,`.
 */
export function guessSeparator(line: string): Separator {
  const counts = new Map<Separator, number>(SEPARATORS.map((separator) => [separator, 0]));
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as Separator)) counts.set(char as Separator, counts.get(char as Separator)! + 1);
  }
  let best: Separator = ',';
  let bestCount = 0;
  for (const separator of SEPARATORS) {
    const count = counts.get(separator)!;
    if (count > bestCount) {
      best = separator;
      bestCount = count;
    }
  }
  return best;
}

export interface TextRow {
  /** 1-based record number, as a spreadsheet that opened the file shows it. */
  number: number;
  cells: string[];
}

/**
 * Parses the whole text, or only its first `limit` records. Records are numbered from 1;
 * blank records stay in the count (they are rows in a spreadsheet too) but are not returned.
 */
export function parseDelimited(text: string, fileName: string, limit?: number): TextRow[] {
  // One line-end style for papaparse. A CR inside a quoted value becomes LF: harmless here.
  const normalised = text.replace(/\r\n?/g, '\n');
  const firstLine = normalised.split('\n').find((line) => line.trim() !== '') ?? '';
  const result = Papa.parse<string[]>(normalised, {
    delimiter: guessSeparator(firstLine),
    newline: '\n',
    quoteChar: '"',
    header: false,
    skipEmptyLines: false,
    ...(limit === undefined ? {} : { preview: limit }),
  });
  const quoteError = result.errors.find((error) => error.type === 'Quotes');
  if (quoteError) {
    const row = quoteError.row === undefined ? undefined : quoteError.row + 1;
    throw new ReportFileError(fileName, `a quoted value is not closed properly (${quoteError.message.toLowerCase()})`, row === undefined ? {} : { row });
  }
  const rows: TextRow[] = [];
  result.data.forEach((cells, index) => {
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ number: index + 1, cells });
  });
  return rows;
}
