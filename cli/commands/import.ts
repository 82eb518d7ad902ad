/**
 * `import <file>… --out <history.json> [--format <name>]` (docs/contracts.md §2): reads every input
 * (format detected, or named with --format), merges them and writes the result. The output is
 * written only after every input was read: any refused input leaves nothing written.
 */
import { CliError, usageError, type CliIO } from '../io';
import type { ParsedCommand } from '../main';
import type { History } from '../../core/model/history';
import { historyImporter, type Importer } from '../../core/history/formats';
import { readHistoryStreamed } from '../history-stream';
import { checkImportSize, IMPORTERS, importFile, importerNamed } from '../../core/import/registry';
import { isDay } from '../../core/model/day';
import { InputFileError, oneLine } from '../../core/history/input-error';
import { mergeHistories } from '../../core/history/merge';
import { historyFileChunks } from '../../core/history/write';

const USAGE = 'usage: crosscount import <file>… --out <history.json> [--format <name>] [--window-end <day>]';

export async function runImport(args: ParsedCommand, io: CliIO): Promise<void> {
  const out = args.values.out;
  if (args.positionals.length === 0) throw usageError(`import needs at least one file to read\n${USAGE}`);
  if (typeof out !== 'string' || out === '') throw usageError(`import needs --out <history.json>, the file to write\n${USAGE}`);
  const forced = chosenImporter(args.values.format);
  const windowEnd = args.values['window-end'];
  if (windowEnd !== undefined && (typeof windowEnd !== 'string' || !isDay(windowEnd))) {
    throw usageError(`--window-end must be a calendar day (YYYY-MM-DD), the last day of a Spotify for Artists songs table's range\n${USAGE}`);
  }

  const now = io.now();
  const histories: History[] = [];
  for (const file of args.positionals) histories.push(await readInput(file, forced, io, now, windowEnd));

  const merged = mergeHistories(...histories);
  await io.writeFile(out, historyFileChunks(merged, now));
  const inputs = args.positionals.length === 1 ? '1 file' : `${args.positionals.length} files`;
  const money = merged.money?.length ? `, ${merged.money.length} money lines` : '';
  io.stdout(`${out}: ${merged.tracks.length} tracks, ${merged.observations.length} observations${money} from ${inputs}\n`);
}

function chosenImporter(format: string | boolean | undefined): Importer | undefined {
  if (format === undefined) return undefined;
  const importer = typeof format === 'string' ? importerNamed(format) : undefined;
  if (!importer) {
    const known = IMPORTERS.map((each) => `${each.name} (${each.description})`).join(', ');
    throw usageError(`unknown --format "${String(format)}"; known formats: ${known}\n${USAGE}`);
  }
  return importer;
}

async function readInput(file: string, forced: Importer | undefined, io: CliIO, now: Date, windowEndDay: string | undefined): Promise<History> {
  // A history file in the writer's layout is read as it comes off the disk (../history-stream.ts).
  const streamed = !forced || forced === historyImporter ? readHistoryStreamed(file, io) : null;
  if (streamed) return streamed;
  const bytes = await io.readFile(file, (size, prefix) => checkImportSize(size, prefix, file, forced));
  try {
    const history: History & { refusedRows?: readonly string[] } = await importFile(bytes, file, { now, windowEndDay, format: forced });
    // Rows a reader left out while keeping the rest of the file (a songs table's ambiguous rows): said, one line each.
    for (const line of history.refusedRows ?? []) io.stderr(`${file}: ${line}\n`);
    return history;
  } catch (error) {
    if (error instanceof InputFileError) throw new CliError(`${file}: ${error.message}`);
    // Anything else (a nesting too deep, a string too long for the engine) still names the file.
    throw new CliError(`${file}: cannot be read (${oneLine(error instanceof Error ? error.message : String(error))})`);
  }
}
