/** Reads the history file a command is given; every problem becomes one line naming the file. */
import { readHistoryBytes } from '../core/history/formats';
import { InputFileError } from '../core/history/input-error';
import type { History } from '../core/model/history';
import { readHistoryStreamed } from './history-stream';
import { CliError, type CliIO } from './io';

export async function readHistoryArgument(file: string, io: CliIO): Promise<History> {
  const streamed = readHistoryStreamed(file, io);
  if (streamed) return streamed;
  const bytes = await io.readFile(file);
  try {
    return readHistoryBytes(bytes);
  } catch (error) {
    if (error instanceof InputFileError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}
