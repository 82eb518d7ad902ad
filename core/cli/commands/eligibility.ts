import type { CliIO } from '../io';
import type { ParsedCommand } from '../main';
import { notBuiltYet } from './not-built';

export async function runEligibility(_args: ParsedCommand, _io: CliIO): Promise<void> {
  notBuiltYet('eligibility', 4);
}
