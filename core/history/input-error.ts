/**
 * A file that cannot be imported, with the first problem and where it is. Importers throw it
 * (or a subclass) for bad input; the CLI prints `crosscount: <file>: <message>` and exits 1,
 * the extension phrases `detail` in the artist's language (docs/i18n.md). Anything else thrown
 * is a bug, not bad input.
 */
import { englishMessage } from '../i18n/english';
import type { Message } from '../i18n/message';
import { message } from '../i18n/typed';

/**
 * Where in a file: a JSON path as it is (`observations[12].day`), the whole file, a line and
 * column, a row and column. Positions are strings: they are shown as the file's editor shows
 * them ("row 1043"), never grouped like counts.
 */
export type FilePlace = string | Message;

/** `observations[12].day` → its message; '' → nowhere in particular. */
export function placeMessage(place: FilePlace): Message | null {
  if (typeof place !== 'string') return place;
  return place === '' ? null : message('fileAtPath', { path: place });
}

export class InputFileError extends Error {
  override name = 'InputFileError';
  /** Where (null when the problem says it) and what, as messages for the screens. */
  readonly where: Message | null;
  readonly problem: Message;

  constructor(where: FilePlace, problem: Message) {
    const at = placeMessage(where);
    super(oneLine(at ? `${englishMessage(at)}: ${englishMessage(problem)}` : englishMessage(problem)));
    this.where = at;
    this.problem = problem;
  }

  /** The whole refusal as one message, "where: what" in the artist's language. */
  get detail(): Message {
    return this.where ? message('fileProblemAt', { where: { text: this.where }, problem: { text: this.problem } }) : this.problem;
  }
}

// Long enough for "headers seen … formats expected", short enough to stay one readable line.
const MAX_MESSAGE = 1000;

/** Messages are one line and short, whatever a hostile file puts in them. */
export function oneLine(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}
