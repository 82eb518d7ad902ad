/**
 * Delimited text (CSV with `,` or `;`, TSV) → rows of cells, with papaparse doing the quoting
 * rules. The separator is guessed from the first non-blank line; line ends may be CR, LF or
 * CRLF, even mixed (DistroKid files with CR-only line ends exist).
 */
import Papa from 'papaparse';
import { ReportFileError } from './errors';
import { message } from '../../i18n/typed';


type Separator = ',' | ';' | '\t';
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

interface DelimitedLimits {
  /** Only the first `limit` records (a header-only read). */
  limit?: number;
  /** More records than this (blank ones included) refuse the file. */
  maxRecords?: number;
  /** A record with more cells than this refuses the file, naming the record. */
  maxColumns?: number;
  /** Characters per slice handed to papaparse (tests use small slices to cross many boundaries). */
  chunkChars?: number;
}

/** Characters handed to papaparse at once: a slice of whole records. */
const CHUNK_CHARS = 1 << 20;

const QUOTE = 0x22;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

/** The first line that holds more than white space ('' when none), found without splitting the text. */
function firstNonBlankLine(text: string): string {
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, Math.min(end, start + 64 * 1024));
    if (line.trim() !== '') return line;
    start = end + 1;
  }
  return '';
}

/**
 * Parses the text record by record (only its first `limit` records when given): papaparse
 * reads slices of about a megabyte of whole records, found by a scan that follows the same
 * quoting rules, so no whole-text `split` and no array of every row is ever made, and the
 * record and column caps are checked before a slice is parsed. Records are numbered from 1;
 * blank records stay in the count (they are rows in a spreadsheet too) but are not returned.
 */
export function* delimitedRows(text: string, fileName: string, limits: DelimitedLimits = {}): Generator<TextRow> {
  // One line-end style for papaparse. A CR inside a quoted value becomes LF: harmless here.
  const normalised = text.replace(/\r\n?/g, '\n');
  const delimiter = guessSeparator(firstNonBlankLine(normalised));
  const separator = delimiter.charCodeAt(0);
  const maxRecords = limits.limit ?? limits.maxRecords ?? Number.POSITIVE_INFINITY;
  const maxColumns = limits.maxColumns ?? Number.POSITIVE_INFINITY;
  const chunkChars = limits.chunkChars ?? CHUNK_CHARS;
  let record = 0; // records before the current slice
  let at = 0;
  while (at < normalised.length && record < maxRecords) {
    // Find the end of the slice: whole records, about CHUNK_CHARS long, counting as it goes.
    let position = at;
    let records = 0;
    let columns = 1;
    let fieldStart = true;
    let quoted = false;
    let end = -1;
    let lineStart = at;
    while (position < normalised.length) {
      const code = normalised.charCodeAt(position);
      if (quoted) {
        if (code === QUOTE) {
          if (normalised.charCodeAt(position + 1) === QUOTE) position++;
          else {
            let after = position + 1;
            while (after < normalised.length && (normalised.charCodeAt(after) === SPACE || (normalised.charCodeAt(after) === TAB && separator !== TAB))) after++;
            const next = after < normalised.length ? normalised.charCodeAt(after) : LF;
            if (next === separator || next === LF) quoted = false;
          }
        }
      } else if (code === separator) {
        if (++columns > maxColumns) throw new ReportFileError(fileName, message('reportTooWide', { cells: String(maxColumns) }), { row: record + records + 1 });
        fieldStart = true;
        position++;
        continue;
      } else if (code === LF) {
        records++;
        columns = 1;
        fieldStart = true;
        position++;
        lineStart = position;
        if (record + records >= maxRecords || position - at >= chunkChars) {
          end = position;
          break;
        }
        continue;
      } else if (code === QUOTE && fieldStart) {
        quoted = true;
      }
      fieldStart = false;
      position++;
    }
    if (end === -1) {
      end = normalised.length;
      if (end > lineStart) records++; // the last record, without a line end
    }
    if (limits.limit === undefined && record + records > maxRecords) {
      throw new ReportFileError(fileName, message('reportTooLong', { rows: maxRecords }));
    }
    const slice = normalised.slice(at, end);
    // The slice keeps its last line end (papaparse reads `"x" \n` and `"x" ` differently); the
    // empty record papaparse sees after it is not part of the file and is dropped below.
    const result = Papa.parse<string[]>(slice, { delimiter, newline: '\n', quoteChar: '"', header: false, skipEmptyLines: false });
    const quoteError = result.errors.find((error) => error.type === 'Quotes');
    if (quoteError) {
      const row = quoteError.row === undefined ? undefined : record + quoteError.row + 1;
      throw new ReportFileError(fileName, message('reportQuoteNotClosed', { detail: { text: message(quoteError.code === 'MissingQuotes' ? 'reportQuoteUnterminated' : 'reportQuoteMalformed') } }), row === undefined ? {} : { row });
    }
    for (let index = 0; index < Math.min(result.data.length, records); index++) {
      const cells = result.data[index]!;
      if (cells.some((cell) => cell.trim() !== '')) yield { number: record + index + 1, cells };
    }
    record += records;
    at = end;
  }
  // The record cap reached at a line end, with more text after it.
  if (limits.limit === undefined && at < normalised.length) {
    throw new ReportFileError(fileName, message('reportTooLong', { rows: maxRecords }));
  }
}

/** The rows of `delimitedRows` as an array (small texts, tests). */
export function parseDelimited(text: string, fileName: string, limit?: number): TextRow[] {
  return [...delimitedRows(text, fileName, limit === undefined ? {} : { limit })];
}
