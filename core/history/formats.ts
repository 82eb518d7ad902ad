/**
 * The file formats `import` reads, as a list of importers. Each says whether a file is its kind
 * (`detect`, from the first bytes and the name) and turns it into a History (`read`). The CLI
 * (and later the extension's import page) picks the first importer that detects a file, or the
 * one named with `--format <name>`.
 *
 * To add a format (Spotify for Artists CSV, distributor report files …): write an Importer next
 * to its reader and add it to IMPORTERS below. `read` throws InputFileError for bad input.
 */
import type { History } from '../model/history';
import { MAX_HISTORY_BYTES } from './history-file';
import { InputFileError } from './input-error';
import { parseHistoryFile } from './parse';

export interface ImportContext {
  /** The time of the import: `observedAt` for values that carry no reading time of their own. */
  now: Date;
}

export interface Importer {
  /** The `--format` name: lower-case, e.g. "history", "s4a-csv", "imusician-report". */
  name: string;
  /** What it reads, for messages and `--help`: "Crosscount history file". */
  description: string;
  /** True when the file looks like this format. Must not throw, and should only look at the start. */
  detect(bytes: Uint8Array, fileName: string): boolean;
  read(bytes: Uint8Array, fileName: string, context: ImportContext): History | Promise<History>;
}

/** How much of a file `detect` functions need to look at. */
export const DETECT_BYTES = 64 * 1024;

/** Decodes UTF-8 text (a leading byte-order mark removed), refusing what is not UTF-8. */
export function decodeText(bytes: Uint8Array, maxBytes: number = MAX_HISTORY_BYTES): string {
  if (bytes.length > maxBytes) throw new InputFileError('file', `larger than the ${Math.round(maxBytes / 1024 / 1024)} MB Crosscount reads`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputFileError('file', 'not UTF-8 text');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The start of a file as text, for detection (bad bytes become U+FFFD, nothing throws). */
export function startText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes.subarray(0, DETECT_BYTES)).replace(/^\uFEFF/, '');
}

export const historyImporter: Importer = {
  name: 'history',
  description: 'Crosscount history file',
  // A JSON object that names the format near its start (writeHistoryFile puts it first).
  detect: (bytes) => {
    const start = startText(bytes);
    return start.trimStart().startsWith('{') && /"format"\s*:\s*"crosscount-history"/.test(start);
  },
  read: (bytes) => readHistoryBytes(bytes),
};

/** A history file's bytes → History, or InputFileError (HistoryFileError) naming the problem. */
export function readHistoryBytes(bytes: Uint8Array): History {
  return parseHistoryFile(decodeText(bytes));
}

export const IMPORTERS: readonly Importer[] = [historyImporter];

export function importerNamed(name: string, importers: readonly Importer[] = IMPORTERS): Importer | undefined {
  return importers.find((importer) => importer.name === name);
}

export function detectImporter(bytes: Uint8Array, fileName: string, importers: readonly Importer[] = IMPORTERS): Importer | undefined {
  return importers.find((importer) => importer.detect(bytes, fileName));
}

/** Why a file was not recognised; says which formats are still to come while readers land. */
export function unrecognisedFileProblem(importers: readonly Importer[] = IMPORTERS): string {
  if (importers.length === 1) {
    return `not a ${importers[0]!.description}; Spotify for Artists CSV and distributor reports are read once their readers land`;
  }
  const known = importers.map((importer) => importer.description).join(', ');
  return `not a file Crosscount can read (${known}); if it is one of these, name it with --format`;
}
