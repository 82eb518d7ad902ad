/**
 * The one error a report import throws for anything wrong with the file itself: unknown
 * format, empty file, broken rows. Callers (CLI, extension) show `message` as is: it is one
 * line and names the file and, where there is one, the row and column.
 */
interface ReportFileLocation {
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
    readonly problem: string,
    readonly location: ReportFileLocation = {},
  ) {
    super(oneLine(formatMessage(fileName, problem, location)));
  }
}

function formatMessage(fileName: string, problem: string, { row, column }: ReportFileLocation): string {
  const where = [displayName(fileName)];
  if (row !== undefined) where.push(`row ${row}`);
  if (column !== undefined) where.push(`column ${column}`);
  return `${where.join(', ')}: ${problem}`;
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
