/**
 * Every file format Crosscount imports, in one list: history files, Spotify for Artists
 * downloads and distributor report files. The CLI and the history page both detect a file's
 * format here (or take the one named with --format) and get one kind of error back,
 * InputFileError, whose one-line message names the problem and where it is.
 */
import type { History } from '../model/history';
import { historyImporter, startText, type Importer } from '../history/formats';
import { InputFileError } from '../history/input-error';
import { spotifyCsvImporter } from '../sources/spotify/csv-import';
import { ReportFileError, readReport, reportImporters, type FileImporter } from '../sources/reports';

export interface ImportOptions {
  now: Date;
  /** For Spotify for Artists songs tables: the last day of the range they show. */
  windowEndDay?: string;
}

/** The Spotify reader's errors start with the file name; the caller adds it back once. */
function withoutFileName(message: string, fileName: string): string {
  return message.startsWith(`${fileName}: `) ? message.slice(fileName.length + 2) : message;
}

function fromReportError(error: unknown): never {
  if (error instanceof ReportFileError) {
    const where = [error.location.row !== undefined ? `row ${error.location.row}` : '', error.location.column ? `column ${error.location.column}` : ''].filter(Boolean).join(', ');
    throw new InputFileError(where, error.problem);
  }
  throw error;
}

export const spotifyDownloadImporter: Importer = {
  name: spotifyCsvImporter.id,
  description: spotifyCsvImporter.label,
  detect: (bytes, fileName) => spotifyCsvImporter.detect(startText(bytes), fileName),
  read(bytes, fileName, context) {
    const text = new TextDecoder('utf-8').decode(bytes);
    try {
      return spotifyCsvImporter.read(text, fileName, {
        importedAt: context.now.toISOString(),
        windowEndDay: (context as ImportOptions).windowEndDay,
      });
    } catch (error) {
      // The reader throws plain errors, each a one-line description of bad input.
      throw new InputFileError('', withoutFileName(error instanceof Error ? error.message : String(error), fileName));
    }
  },
};

function reportImporter(report: FileImporter): Importer {
  return {
    name: report.id,
    description: report.label,
    detect: (bytes, fileName) => report.detect(bytes, fileName),
    read(bytes, fileName, context) {
      try {
        return report.read(bytes, fileName, { importedAt: context.now.toISOString() });
      } catch (error) {
        return fromReportError(error);
      }
    },
  };
}

export const IMPORTERS: readonly Importer[] = [historyImporter, spotifyDownloadImporter, ...reportImporters.map(reportImporter)];

export function importerNamed(name: string): Importer | undefined {
  return IMPORTERS.find((importer) => importer.name === name);
}

/**
 * Reads one file: with the named importer, or the first that recognises it. A file nobody
 * recognises is refused with the headers seen and the formats expected.
 */
export async function importFile(bytes: Uint8Array, fileName: string, options: ImportOptions & { format?: Importer }): Promise<History> {
  const importer = options.format ?? IMPORTERS.find((candidate) => candidate.detect(bytes, fileName));
  if (importer) return importer.read(bytes, fileName, options);
  if (bytes.length === 0) throw new InputFileError('', 'the file is empty');
  const start = startText(bytes).trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    throw new InputFileError('', 'a JSON file that is not a Crosscount history file (expected "format": "crosscount-history")');
  }
  // Tables: the report reader names the headers it saw and every format it knows.
  try {
    readReport(bytes, fileName, { importedAt: options.now.toISOString() });
  } catch (error) {
    if (error instanceof ReportFileError) {
      throw new InputFileError('', `${error.problem}; or a Spotify for Artists download ("date,streams" in "<song>-timeline.csv", or a "…-songs-1year.csv" / "-28day" table) or a Crosscount history file`);
    }
    throw error;
  }
  throw new InputFileError('', 'not a file Crosscount can read');
}
