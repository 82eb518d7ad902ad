import type { CliIO } from '../io';
import type { ParsedCommand } from '../main';
import { notBuiltYet } from './not-built';

export async function runEvidence(_args: ParsedCommand, _io: CliIO): Promise<void> {
  notBuiltYet('evidence', 3);
}
