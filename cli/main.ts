/**
 * The command line of docs/contracts.md §2: `npm run --silent cli -- <command> [options]`.
 * Exit status 0 done, 1 bad input or failure (one line on stderr), 2 usage error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, usageError, type CliIO } from './io';
import { runImport } from './commands/import';
import { runExport } from './commands/export';
import { runCompare } from './commands/compare';
import { runEligibility } from './commands/eligibility';
import { runEvidence } from './commands/evidence';
import { runMoney } from './commands/money';
import { escapeControls } from '../core/model/inert';

export interface ParsedCommand {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

interface Command {
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: ParsedCommand, io: CliIO): Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  import: {
    usage: 'import <file>… --out <history.json> [--format <name>] [--window-end <day>]',
    options: { out: { type: 'string' }, format: { type: 'string' }, 'window-end': { type: 'string' } },
    run: runImport,
  },
  export: {
    usage: 'export <history.json> --format csv|json|parquet --out <file>',
    options: { out: { type: 'string' }, format: { type: 'string' } },
    run: runExport,
  },
  compare: {
    usage: 'compare <history.json> [--as-of <ISO time or day>] [--isrc X] [--json]',
    options: { 'as-of': { type: 'string' }, isrc: { type: 'string' }, json: { type: 'boolean' } },
    run: runCompare,
  },
  eligibility: {
    usage: 'eligibility <history.json> [--as-of <day>] [--json]',
    options: { 'as-of': { type: 'string' }, json: { type: 'boolean' } },
    run: runEligibility,
  },
  money: {
    usage: 'money <history.json> [--as-of <day>] [--isrc X] [--json]',
    options: { 'as-of': { type: 'string' }, isrc: { type: 'string' }, json: { type: 'boolean' } },
    run: runMoney,
  },
  evidence: {
    usage: 'evidence <history.json> --isrc X [--days d1,d2,…] [--months m1,m2,…]',
    options: { isrc: { type: 'string' }, days: { type: 'string' }, months: { type: 'string' } },
    run: runEvidence,
  },
};

function usage(): string {
  return ['usage: crosscount <command> [options]', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n');
}

/**
 * The terminal sees no control character from a title, an artist or a file name: every line
 * the commands print goes through escapeControls (core/model/inert.ts), which writes ANSI
 * escapes, C1 controls and bidi overrides as `\uXXXX` (in JSON output the same value).
 */
function inertOutput(io: CliIO): CliIO {
  return { ...io, stdout: (text) => io.stdout(escapeControls(text)), stderr: (text) => io.stderr(escapeControls(text)) };
}

export async function main(argv: readonly string[], rawIO: CliIO): Promise<number> {
  const io = inertOutput(rawIO);
  const [name, ...rest] = argv;
  try {
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      io.stdout(usage() + '\n');
      return name ? 0 : 2;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw usageError(`unknown command "${name}"\n${usage()}`);
    let parsed: ParsedCommand;
    try {
      const result = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
      parsed = { positionals: result.positionals, values: result.values as ParsedCommand['values'] };
    } catch (error) {
      throw usageError(`${(error as Error).message.split('\n')[0]}\nusage: crosscount ${command.usage}`);
    }
    await command.run(parsed, io);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`crosscount: ${error.message}\n`);
      return error.exitCode;
    }
    // An unexpected failure is still one line, never a stack trace.
    io.stderr(`crosscount: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
