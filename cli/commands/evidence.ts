/**
 * `evidence <history.json> --isrc X [--days d1,d2,…]` (docs/contracts.md §2): a support-ready Markdown
 * report of the chosen days (default: the settled anomalies), as known now.
 */
import { EvidenceError, evidenceReport } from '../../core/evidence/index';
import { isDay, isMonth } from '../../core/model/day';
import { CliError, usageError, type CliIO } from '../io';
import type { ParsedCommand } from '../main';
import { historyFileArgument, isrcOption } from './compare';
import { readHistoryArgument } from '../read-history';

const USAGE = 'evidence <history.json> --isrc X [--days d1,d2,…] [--months m1,m2,…]';

/** A comma-separated option: its non-empty items, each valid, or a usage error naming the option. */
function listOption(value: string | boolean | undefined, name: string, example: string, isValid: (item: string) => boolean, noun: string, format: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = String(value)
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (items.length === 0) throw usageError(`${name}: give one or more ${noun}s, e.g. ${name} ${example}`);
  const bad = items.find((item) => !isValid(item));
  if (bad !== undefined) throw usageError(`${name}: ${JSON.stringify(bad)} is not a calendar ${noun} (${format})`);
  return items;
}

/** `--days 2025-04-01,2025-04-03` → the days; anything else is a usage error. */
function daysOption(value: string | boolean | undefined): string[] | undefined {
  return listOption(value, '--days', '2025-04-01,2025-04-03', isDay, 'day', 'YYYY-MM-DD');
}

/** `--months 2025-01,2025-02` → the sales-report months whose money to include. */
function monthsOption(value: string | boolean | undefined): string[] | undefined {
  return listOption(value, '--months', '2025-01,2025-02', isMonth, 'month', 'YYYY-MM');
}

export async function runEvidence(args: ParsedCommand, io: CliIO): Promise<void> {
  const file = historyFileArgument(args, USAGE);
  const isrc = isrcOption(args.values.isrc);
  if (!isrc) throw usageError(`missing --isrc\nusage: crosscount ${USAGE}`);
  const days = daysOption(args.values.days);
  const months = monthsOption(args.values.months);
  const history = await readHistoryArgument(file, io);
  try {
    io.stdout(evidenceReport(history, { isrc, days, months, asOf: io.now().toISOString() }));
  } catch (error) {
    if (error instanceof EvidenceError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}
