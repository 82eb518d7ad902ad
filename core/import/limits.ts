/**
 * The caps every import path enforces (docs/contracts.md, "Limits"), in one place: the CLI and
 * the history page check a file's kind and size against them before reading it whole, and the
 * readers stop at the row, column and entry caps. Each is far above what a real file holds
 * and low enough that a file at the cap is read within seconds and a few hundred MB (the
 * measured figures are in the README, "Limits", and test/reliability/import-bounds.test.ts).
 */
import { MAX_HISTORY_BYTES } from '../history/history-file';

export const LIMITS = {
  /** A Crosscount history file (read line by line): 2 million observations are about 400 MB. */
  historyBytes: MAX_HISTORY_BYTES,
  /** A Spotify for Artists download: one song's timeline since 2008 is about 80 KB. */
  spotifyBytes: 16 * 1024 * 1024,
  /** Rows of a Spotify download: days since 1970, or songs in a catalogue. */
  spotifyRows: 100_000,
  /** A distributor report as given (text, zipped text or .xlsx): years of a catalogue's months. */
  reportBytes: 64 * 1024 * 1024,
  /** What the chosen entries of a zip or workbook may unpack to, together. */
  unpackedBytes: 64 * 1024 * 1024,
  /** Records of a report (blank ones included) or rows of a sheet. */
  reportRows: 1_000_000,
  /** Cells in one record or sheet row; reports have about 20 columns. */
  reportColumns: 1_000,
  /** Entries in a zip's directory. */
  zipEntries: 10_000,
  /** Shared strings in a workbook. */
  sharedStrings: 2_000_000,
} as const;

/** How much of a file is read to tell its kind (and so its cap) before reading it whole. */
export const PREFIX_BYTES = 64 * 1024;

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
