/**
 * A file that cannot be imported, with the first problem and where it is. Importers throw it
 * (or a subclass) for bad input; the CLI prints `crosscount: <file>: <message>` and exits 1,
 * the extension shows the message. Anything else thrown is a bug, not bad input.
 */
export class InputFileError extends Error {
  override name = 'InputFileError';
  constructor(
    /** Where: `observations[12].day`, `line 3 column 7`, `row 14`, `file` … ('' when the problem says it) */
    readonly location: string,
    readonly problem: string,
  ) {
    super(oneLine(location ? `${location}: ${problem}` : problem));
  }
}

// Long enough for "headers seen … formats expected", short enough to stay one readable line.
const MAX_MESSAGE = 1000;

/** Messages are one line and short, whatever a hostile file puts in them. */
export function oneLine(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}
