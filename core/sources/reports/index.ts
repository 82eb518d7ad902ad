/**
 * Distributor report files → `streams_month` observations (docs/contracts.md §1). Formats are tried
 * most specific first; each format's file documents its columns and which rows are streams.
 */
import type { History } from '../../model/history';
import { instantSchema } from '../../model/schema';
import type { Message, MessageParam } from '../../i18n/message';
import { message } from '../../i18n/typed';
import { aggregateReport } from './aggregate';
import { quote, ReportFileError } from './errors';
import { formatMatches, type ReportFormat } from './format';
import { amuseReport } from './formats/amuse';
import { believeReport } from './formats/believe';
import { cdbabyReport } from './formats/cdbaby';
import { distrokidReport } from './formats/distrokid';
import { imusicianSalesReport } from './formats/imusician';
import { tunecoreReport } from './formats/tunecore';
import type { FileImporter, ReadReportOptions } from './importer';
import { readTable, type Table } from './table';

export { ReportFileError, reportPlace } from './errors';
export type { FileImporter, ReadReportOptions } from './importer';

/** Most specific first: a file is the first format whose signature it has. */
export const reportFormats: readonly ReportFormat[] = [distrokidReport, tunecoreReport, cdbabyReport, believeReport, imusicianSalesReport, amuseReport];

function formatOf(table: Table): ReportFormat | undefined {
  const keys = new Set(table.keys);
  return reportFormats.find((format) => formatMatches(format, keys));
}

/** Each report format's name as a message: the same words as its English `label` (the CLI's format list). */
const REPORT_NAMES: Readonly<Record<string, Message>> = {
  amuse: message('reportNameAmuse'),
  believe: message('reportNameBelieve'),
  cdbaby: message('reportNameCdbaby'),
  distrokid: message('reportNameDistrokid'),
  imusician: message('reportNameImusician'),
  tunecore: message('reportNameTunecore'),
};

export function reportFormatName(format: ReportFormat): Message {
  return REPORT_NAMES[format.id] ?? message('fileProblemAsIs', { text: format.label });
}

/** How many headers an "unknown format" message shows; the message stays one line. */
const SHOWN_HEADERS = 25;

function unknownFormatError(table: Table): ReportFileError {
  const keys = new Set(table.keys);
  if (keys.has('statement date') && keys.has('track streams') && !keys.has('isrc')) {
    return new ReportFileError(table.fileName, message('reportImusicianSummary'));
  }
  const seen: MessageParam[] = table.headers.slice(0, SHOWN_HEADERS).map((header) => quote(header, 40));
  if (table.headers.length > SHOWN_HEADERS) seen.push({ text: message('reportHeadersInAll', { headers: String(table.headers.length) }) });
  const expected = reportFormats
    .map((format) => message('reportExpectedFormat', { report: { text: reportFormatName(format) }, headers: format.signature.join(' + ') }))
    .reduceRight((rest, first) => message('listSemicolon', { first: { text: first }, rest: { text: rest } }));
  const error = new ReportFileError(table.fileName, message('reportUnknownFormat', { headers: { list: seen }, expected: { text: expected } }));
  error.unknownFormat = true;
  return error;
}

function refuseMissingColumns(format: ReportFormat, table: Table): void {
  const keys = new Set(table.keys);
  const missing = format.required.filter((key) => !keys.has(key));
  if (missing.length > 0) {
    const columns = missing.map((key) => quote(key)).join(', ');
    const report = { text: reportFormatName(format) };
    throw new ReportFileError(table.fileName, missing.length > 1 ? message('reportColumnsMissing', { report, columns }) : message('reportColumnMissing', { report, column: columns }), {
      row: table.headerRow,
    });
  }
}

function observedAtOf(options: ReadReportOptions): string {
  const parsed = instantSchema.safeParse(options.importedAt);
  // A caller's mistake, not the file's: a plain error, never a ReportFileError.
  if (!parsed.success) throw new RangeError(`importedAt must be an ISO instant, got ${JSON.stringify(options.importedAt)}`);
  return parsed.data;
}

function readWithFormat(format: ReportFormat, table: Table, options: ReadReportOptions): History {
  refuseMissingColumns(format, table);
  return aggregateReport(format, table, observedAtOf(options));
}

/** Reads only the header (and, for workbooks, the sheet); never throws. */
function headerTable(bytes: Uint8Array, fileName: string): Table | null {
  try {
    return readTable(bytes, fileName, { headerOnly: true });
  } catch (error) {
    if (error instanceof ReportFileError) return null;
    throw error;
  }
}

function importerFor(format: ReportFormat): FileImporter {
  return {
    id: format.id,
    label: format.label,
    detect(bytes, fileName) {
      const table = headerTable(bytes, fileName);
      return table !== null && formatOf(table) === format;
    },
    read(bytes, fileName, options) {
      // Named explicitly (`--format`): the file needs this format's signature, even when a
      // more specific format would also match.
      const table = readTable(bytes, fileName);
      if (!formatMatches(format, new Set(table.keys))) {
        const missing = format.signature.filter((key) => !table.keys.includes(key));
        throw new ReportFileError(table.fileName, message('reportNotThisFormat', { report: { text: reportFormatName(format) }, headers: missing.map((key) => quote(key)).join(', ') }), { row: table.headerRow });
      }
      return readWithFormat(format, table, options);
    },
  };
}

export const reportImporters: FileImporter[] = reportFormats.map(importerFor);

/** The id of the report format the file's headers match, or null. Never throws. */
export function detectReportFormat(bytes: Uint8Array, fileName: string): string | null {
  const table = headerTable(bytes, fileName);
  return (table && formatOf(table)?.id) ?? null;
}

/** Reads any supported report; refuses an unknown, empty or broken file with ReportFileError. */
export function readReport(bytes: Uint8Array, fileName: string, options: ReadReportOptions): History {
  return readReportDescribed(bytes, fileName, options).history;
}

/** readReport, also saying which format the file was read as (the file is read once). */
export function readReportDescribed(bytes: Uint8Array, fileName: string, options: ReadReportOptions): { history: History; id: string; label: string } {
  const table = readTable(bytes, fileName);
  const format = formatOf(table);
  if (!format) throw unknownFormatError(table);
  return { history: readWithFormat(format, table, options), id: format.id, label: format.label };
}
