/**
 * Any report file → one table: a header row and data rows, each row keeping the number a
 * spreadsheet would show, so that error messages point at the right place. Handles plain
 * text (CSV/TSV, any of the encodings and line ends), a zipped CSV/TSV, and an .xlsx workbook.
 */
import { isLegacyExcel, isZip, unzipEntries, zipEntryNames } from './archive';
import { decodeText } from './decode';
import { delimitedRows } from './delimited';
import { LIMITS, megabytes } from '../../import/limits';
import { ReportFileError } from './errors';
import { message } from '../../i18n/typed';

import { isXlsxEntryList, streamFirstSheet, type Cell } from './xlsx';

export type { Cell } from './xlsx';

export interface TableRow {
  number: number;
  cells: Cell[];
}

export interface Table {
  fileName: string;
  /** Header cells as written (trimmed), for messages. */
  headers: string[];
  /** The same, normalised with normaliseHeader: what formats match on. */
  keys: string[];
  headerRow: number;
  /** The data rows, read as they are iterated (once): a large file is never held as rows. */
  rows: Iterable<TableRow>;
  /** Only for workbooks: serial dates count from 1904. */
  date1904: boolean;
}

/** Trim, lower-case, collapse inner white space (including no-break spaces). */
function normaliseHeader(header: string): string {
  return header.replace(/[\s\u00a0\u202f\ufeff]+/g, ' ').trim().toLowerCase();
}

/** How many leading records a header-only read looks at for the first non-blank one. */
const HEADER_SEARCH_RECORDS = 50;

/** A header-only read of a text file decodes this much of it: headers are at the start. */
const HEADER_SEARCH_BYTES = 64 * 1024;

/** Years of monthly rows for a whole catalogue stay far below this; more is not a report. */
const MAX_REPORT_BYTES = LIMITS.reportBytes;

/** The first `length` bytes, moved back to a UTF-8 character boundary so they still decode as UTF-8. */
function prefix(bytes: Uint8Array, length: number): Uint8Array {
  if (bytes.length <= length) return bytes;
  let end = length;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

const TEXT_ENTRY = /\.(csv|tsv|txt)$/i;

export function readTable(bytes: Uint8Array, fileName: string, { headerOnly = false } = {}): Table {
  if (bytes.length === 0) throw new ReportFileError(fileName, message('fileEmpty'));
  if (bytes.length > MAX_REPORT_BYTES) throw new ReportFileError(fileName, message('reportTooLarge', { size: megabytes(MAX_REPORT_BYTES) }));
  if (isLegacyExcel(bytes)) {
    throw new ReportFileError(fileName, message('reportOldExcel'));
  }
  const read = isZip(bytes)
    ? zippedRows(bytes, fileName, headerOnly)
    : textRows(decodeText(headerOnly ? prefix(bytes, HEADER_SEARCH_BYTES) : bytes), fileName, headerOnly);
  const iterator = read.rows[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) throw new ReportFileError(read.fileName, message('reportNoHeader'));
  const header = first.value;
  const headers = header.cells.map((cell) => String(cell).trim());
  const rows: Iterable<TableRow> = { [Symbol.iterator]: () => iterator };
  return { fileName: read.fileName, headers, keys: headers.map(normaliseHeader), headerRow: header.number, rows, date1904: read.date1904 };
}

interface Rows {
  rows: Iterable<TableRow>;
  date1904: boolean;
  /** The name messages use: for a zipped report, "archive.zip → report.csv". */
  fileName: string;
}

function textRows(text: string, fileName: string, headerOnly: boolean): Rows {
  const limits = headerOnly ? { limit: HEADER_SEARCH_RECORDS } : { maxRecords: LIMITS.reportRows, maxColumns: LIMITS.reportColumns };
  return { rows: delimitedRows(text, fileName, limits), date1904: false, fileName };
}

function zippedRows(bytes: Uint8Array, fileName: string, headerOnly: boolean): Rows {
  const names = zipEntryNames(bytes, fileName);
  if (isXlsxEntryList(names)) {
    const sheet = streamFirstSheet(bytes, fileName);
    return { rows: sheet.rows, date1904: sheet.date1904, fileName };
  }
  // Skip folders and macOS resource forks (__MACOSX/._report.csv).
  const reports = names.filter((name) => TEXT_ENTRY.test(name) && !name.startsWith('__MACOSX/') && !/(^|\/)\._/.test(name));
  if (reports.length !== 1) {
    const problem = reports.length === 0 ? message('reportZipEmpty') : message('reportZipSeveral', { count: reports.length, names: reports.join(', ') });
    throw new ReportFileError(fileName, problem);
  }
  const entry = unzipEntries(bytes, fileName, (name) => name === reports[0]).get(reports[0]!);
  if (!entry) throw new ReportFileError(fileName, message('reportZipCannotUnpack', { name: reports[0]! }));
  const inner = `${fileName} → ${reports[0]}`;
  if (entry.length === 0) throw new ReportFileError(inner, message('fileEmpty'));
  return textRows(decodeText(entry), inner, headerOnly);
}

/** Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
