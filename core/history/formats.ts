/**
 * What an importer is, and the importer of Crosscount's own history files. Every format is
 * listed in core/import/registry.ts: each says whether a file is its kind (`detect`, from the
 * first bytes and the name) and turns it into a History (`read`), throwing InputFileError for
 * bad input.
 */
import type { History } from '../model/history';
import { MAX_HISTORY_BYTES } from './history-file';
import { InputFileError } from './input-error';
import { parseHistoryFile } from './parse';
import { parseHistoryLines } from './parse-lines';

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
function decodeText(bytes: Uint8Array, maxBytes: number = MAX_HISTORY_BYTES): string {
  if (bytes.length > maxBytes) throw new InputFileError('', `is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB Crosscount reads`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputFileError('', 'is not UTF-8 text, so it is not a history file');
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
  // The writer's own layout is read line by line (bounded memory); anything else, or any
  // problem, is read whole, which names the problem.
  return parseHistoryLines(bytes) ?? parseHistoryFile(decodeText(bytes));
}
