/**
 * Every file format Crosscount imports, in one list: history files, Spotify for Artists
 * downloads and distributor report files. The CLI and the history page both detect a file's
 * format here (or take the one named with --format) and get one kind of error back,
 * InputFileError, whose one-line message names the problem and where it is.
 */
import type { History } from '../model/history';
import { DETECT_BYTES, historyImporter, startText, type Importer } from '../history/formats';
import { HISTORY_FORMAT } from '../history/history-file';
import { InputFileError } from '../history/input-error';
import type { Message } from '../i18n/message';
import { message } from '../i18n/typed';
import { SpotifyDownloadError, spotifyCsvImporter } from '../sources/spotify/csv-import';
import { ReportFileError, reportPlace, readReportDescribed, reportImporters, type FileImporter } from '../sources/reports';
import { LIMITS, megabytes } from './limits';

interface ImportOptions {
  now: Date;
  /** For Spotify for Artists songs tables: the last day of the range they show. */
  windowEndDay?: string;
}

function fromReportError(error: unknown): never {
  if (error instanceof ReportFileError) throw new InputFileError(reportPlace(error.location) ?? '', error.problem);
  throw error;
}

const spotifyDownloadImporter: Importer = {
  name: spotifyCsvImporter.id,
  description: spotifyCsvImporter.label,
  detect: (bytes, fileName) => spotifyCsvImporter.detect(startText(bytes), fileName),
  read(bytes, fileName, context) {
    refuseOverCap(bytes.length, this);
    const text = new TextDecoder('utf-8').decode(bytes);
    try {
      return spotifyCsvImporter.read(text, fileName, {
        importedAt: context.now.toISOString(),
        windowEndDay: (context as ImportOptions).windowEndDay,
      });
    } catch (error) {
      // The reader refuses bad input with its own error; anything else is a bug and goes on as it is.
      if (error instanceof SpotifyDownloadError) throw new InputFileError(error.where ?? '', error.problem);
      throw error;
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

/** A file's cap and the refusal naming its kind, from its first bytes and name (or the format named). */
function capOf(prefix: Uint8Array, fileName: string, format: Importer | undefined): { bytes: number; refusal: Message } {
  const importer = format ?? (historyImporter.detect(prefix, fileName) ? historyImporter : spotifyDownloadImporter.detect(prefix, fileName) ? spotifyDownloadImporter : undefined);
  if (importer === historyImporter) return { bytes: LIMITS.historyBytes, refusal: message('importTooLargeHistory', { size: megabytes(LIMITS.historyBytes) }) };
  if (importer === spotifyDownloadImporter) return { bytes: LIMITS.spotifyBytes, refusal: message('importTooLargeSpotify', { size: megabytes(LIMITS.spotifyBytes) }) };
  return { bytes: LIMITS.reportBytes, refusal: message('importTooLargeReport', { size: megabytes(LIMITS.reportBytes) }) };
}

function refuseOverCap(size: number, importer: Importer): void {
  const cap = capOf(new Uint8Array(), '', importer);
  if (size > cap.bytes) throw new InputFileError('', cap.refusal);
}

/**
 * The size check made before a file is read whole: `prefix` (its first PREFIX_BYTES) tells
 * its kind, each kind has its cap (docs/contracts.md, "Limits"). Throws InputFileError.
 */
export function checkImportSize(size: number, prefix: Uint8Array, fileName: string, format?: Importer): void {
  const cap = capOf(prefix, fileName, format);
  if (size > cap.bytes) throw new InputFileError('', cap.refusal);
}

/**
 * Reads one file: with the named importer, or the one that recognises it. History files and
 * Spotify downloads are told from the first bytes and the name; anything else is read once as
 * a report table, whose header picks the format (never parsed once per candidate format). A
 * file nobody recognises is refused with the headers seen and the formats expected.
 */
export async function importFileDescribed(bytes: Uint8Array, fileName: string, options: ImportOptions & { format?: Importer }): Promise<{ history: History; format: string; name: string }> {
  checkImportSize(bytes.length, bytes.subarray(0, DETECT_BYTES), fileName, options.format);
  const importer = options.format ?? [historyImporter, spotifyDownloadImporter].find((candidate) => candidate.detect(bytes, fileName));
  if (importer) return { history: await importer.read(bytes, fileName, options), format: importer.description, name: importer.name };
  if (bytes.length === 0) throw new InputFileError('', message('fileEmpty'));
  const start = startText(bytes).trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    throw new InputFileError('', message('importJsonNotHistory', { format: HISTORY_FORMAT }));
  }
  try {
    const read = readReportDescribed(bytes, fileName, { importedAt: options.now.toISOString() });
    return { history: read.history, format: read.label, name: read.id };
  } catch (error) {
    if (error instanceof ReportFileError && error.unknownFormat) {
      // The report reader names the headers it saw and every format it knows.
      throw new InputFileError('', message('importUnknownFormat', { problem: { text: error.problem } }));
    }
    return fromReportError(error);
  }
}

export async function importFile(bytes: Uint8Array, fileName: string, options: ImportOptions & { format?: Importer }): Promise<History> {
  return (await importFileDescribed(bytes, fileName, options)).history;
}
