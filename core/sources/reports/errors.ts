/**
 * The one error a report import throws for anything wrong with the file itself: unknown
 * format, empty file, broken rows. The CLI shows `message` as is: it is one line and names the
 * file and, where there is one, the row and column; the screens phrase `problem` and the place
 * in the artist's language (docs/i18n.md).
 */
import { englishMessage } from '../../i18n/english';
import type { Message } from '../../i18n/message';
import { message } from '../../i18n/typed';

export interface ReportFileLocation {
  /** 1-based, as a spreadsheet shows it (the header is row 1 in a plain CSV). */
  row?: number;
  /** Spreadsheet column letter and header as written in the file, e.g. `M (Quantity)`. */
  column?: string;
}

export class ReportFileError extends Error {
  override readonly name = 'ReportFileError';
  /** Set when the file is no report format this tool knows (not a broken row of a known one). */
  unknownFormat = false;

  constructor(
    readonly fileName: string,
    readonly problem: Message,
    readonly location: ReportFileLocation = {},
  ) {
    super(oneLine(formatMessage(fileName, problem, location)));
  }
}

/** The row and column as a message ("row 14, column M (Quantity)"), null when the problem is the whole file's. */
export function reportPlace({ row, column }: ReportFileLocation): Message | null {
  // Row numbers as a spreadsheet shows them, never grouped like counts.
  if (row !== undefined && column !== undefined) return message('fileAtRowColumn', { row: String(row), column });
  if (row !== undefined) return message('fileAtRow', { row: String(row) });
  return column !== undefined ? message('fileAtColumn', { column }) : null;
}

function formatMessage(fileName: string, problem: Message, location: ReportFileLocation): string {
  const place = reportPlace(location);
  return `${displayName(fileName)}${place ? `, ${englishMessage(place)}` : ''}: ${englishMessage(problem)}`;
}

/** File names come from the user's disk: keep them, but never let them break the one line. */
function displayName(fileName: string): string {
  return fileName === '' ? '(unnamed file)' : fileName;
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

/** Quotes a value from the file for a message: JSON quoting escapes control characters. */
export function quote(value: string, max = 60): string {
  const characters = Array.from(value); // whole code points: never half an emoji
  const shown = characters.length > max ? `${characters.slice(0, max).join('')}…` : value;
  return JSON.stringify(shown);
}
