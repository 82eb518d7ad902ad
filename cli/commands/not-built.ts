import { CliError } from '../io';

/** For commands whose issue has not landed yet: say so clearly instead of pretending. */
export function notBuiltYet(command: string, issue: number): never {
  throw new CliError(`${command} is not built yet (issue #${issue}); import and export work now`);
}
