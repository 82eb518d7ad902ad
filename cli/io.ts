/** What commands may touch of the outside world; tests pass an in-memory one. */
export interface CliIO {
  /** Writes to standard output; a returned promise settles once the text is handed on (back-pressure). */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
  /**
   * Reads a regular file whole (anything else, a device, FIFO or socket, is refused at once).
   * `check` sees the size and the first PREFIX_BYTES before the rest is read, and throws to
   * refuse the file (an InputFileError: too large for its kind).
   */
  readFile(path: string, check?: (size: number, prefix: Uint8Array) => void): Promise<Uint8Array>;
  /**
   * A regular file's bytes in chunks, read one after the other as they are asked for (closed
   * when the iteration ends or is abandoned); no chunks when it is not a regular file that can
   * be opened (`readFile` then says why). Optional: without it, files are read whole.
   */
  readFileChunks?(path: string): Iterable<Uint8Array>;
  /**
   * Writes the whole file or nothing (temporary file + rename). Chunks are written as they
   * come, so a file of any size never has to be one string.
   */
  writeFile(path: string, data: FileData): Promise<void>;
  now(): Date;
}

/** A file's contents: whole, or as text chunks produced one after the other. */
export type FileData = string | Uint8Array | Iterable<string> | AsyncIterable<string>;

/** Writes chunks to standard output one after the other, waiting whenever it is full. */
export async function streamToStdout(io: CliIO, chunks: Iterable<string>): Promise<void> {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= STDOUT_BATCH) {
      await io.stdout(pending);
      pending = '';
    }
  }
  if (pending.length > 0) await io.stdout(pending);
}

/** Characters gathered before one write: few system calls, bounded memory. */
const STDOUT_BATCH = 1 << 16;

/** A failure to report as one line on stderr. `exitCode` 1: bad input; 2: usage. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, 2);
