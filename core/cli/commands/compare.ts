import type { CliIO } from '../io';
import type { ParsedCommand } from '../main';
import { notBuiltYet } from './not-built';

export async function runCompare(_args: ParsedCommand, _io: CliIO): Promise<void> {
  notBuiltYet('compare', 3);
}
