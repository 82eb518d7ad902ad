/** Reads the history file a command is given; every problem becomes one line naming the file. */
import { readHistoryBytes } from '../core/history/formats';
import { InputFileError, oneLine } from '../core/history/input-error';
import type { History } from '../core/model/history';
import { readHistoryStreamed } from './history-stream';
import { CliError, type CliIO } from './io';
import { checkImportSize, importerNamed } from '../core/import/registry';

export async function readHistoryArgument(file: string, io: CliIO): Promise<History> {
  const streamed = readHistoryStreamed(file, io);
  if (streamed) return streamed;
  const bytes = await io.readFile(file, (size, prefix) => checkImportSize(size, prefix, file, importerNamed('history')));
  try {
    return readHistoryBytes(bytes);
  } catch (error) {
    if (error instanceof InputFileError) throw new CliError(`${file}: ${error.message}`);
    // Anything else (a nesting too deep, a string too long for the engine) still names the file.
    throw new CliError(`${file}: cannot be read (${oneLine(error instanceof Error ? error.message : String(error))})`);
  }
}
