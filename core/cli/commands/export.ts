// TODO(issue 2, history-file helper): implement per CONTRACTS §2.
import type { CliIO } from '../io';
import type { ParsedCommand } from '../main';
import { notBuiltYet } from './not-built';

export async function runExport(_args: ParsedCommand, _io: CliIO): Promise<void> {
  notBuiltYet('export', 2);
}
