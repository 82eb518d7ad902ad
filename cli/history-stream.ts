/**
 * A history file given to a command, read as it is read from the disk: when the file is in
 * the writer's layout (core/history/parse-lines.ts), its chunks are parsed line by line as
 * they come, so neither the file's bytes nor its text exist whole (a 2 M-observation file is
 * 300 MB of bytes). Anything else gives null, and the command reads the file whole as always
 * (same result, same messages).
 */
import { parseHistoryLineChunks } from '../core/history/parse-lines';
import type { History } from '../core/model/history';
import type { CliIO } from './io';

export function readHistoryStreamed(file: string, io: CliIO): History | null {
  return io.readFileChunks ? parseHistoryLineChunks(io.readFileChunks(file)) : null;
}
