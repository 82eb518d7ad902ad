/** What commands may touch of the outside world; tests pass an in-memory one. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** Writes the whole file or nothing (temporary file + rename). */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  now(): Date;
}

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
