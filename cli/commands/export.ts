/**
 * `export <history.json> --format csv|json|parquet --out <file>` (docs/contracts.md §2 and §4): the
 * spreadsheet CSV, the history re-written in normalised form, or a Parquet file for DuckDB,
 * Spark and other engines. Without --format, the --out extension (.csv / .json / .parquet)
 * decides.
 */
import { usageError, type CliIO } from '../io';
import type { ParsedCommand } from '../main';
import { readHistoryArgument } from '../read-history';
import { historyCsvChunks } from '../../core/history/csv';
import { historyFileChunks } from '../../core/history/write';
import { historyParquet } from '../parquet';

const USAGE = 'usage: crosscount export <history.json> --format csv|json|parquet --out <file>';
const FORMATS = ['csv', 'json', 'parquet'] as const;
type ExportFormat = (typeof FORMATS)[number];

export async function runExport(args: ParsedCommand, io: CliIO): Promise<void> {
  const [input, ...extra] = args.positionals;
  if (input === undefined || extra.length > 0) throw usageError(`export reads exactly one history file\n${USAGE}`);
  const out = args.values.out;
  if (typeof out !== 'string' || out === '') throw usageError(`export needs --out <file>, the file to write\n${USAGE}`);
  const format = exportFormat(args.values.format, out);

  const history = await readHistoryArgument(input, io);
  // Written chunk by chunk: the export of a history of any size is never one string.
  if (format === 'parquet') await io.writeFile(out, await historyParquet(history));
  else await io.writeFile(out, format === 'csv' ? historyCsvChunks(history) : historyFileChunks(history, io.now()));
  io.stdout(`${out}: written as ${format.toUpperCase()}\n`);
}

function exportFormat(value: string | boolean | undefined, out: string): ExportFormat {
  const chosen = typeof value === 'string' ? value : /\.(csv|json|parquet)$/i.exec(out)?.[1]?.toLowerCase();
  if (chosen === undefined) throw usageError(`export needs --format csv or --format json\n${USAGE}`);
  if (!(FORMATS as readonly string[]).includes(chosen)) throw usageError(`unknown --format "${chosen}"; use csv or json\n${USAGE}`);
  return chosen as ExportFormat;
}
