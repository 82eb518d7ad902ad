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

/** `--days 2025-04-01,2025-04-03` → the days; anything else is a usage error. */
export function daysOption(value: string | boolean | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const days = String(value)
    .split(',')
    .map((day) => day.trim())
    .filter((day) => day.length > 0);
  if (days.length === 0) throw usageError(`--days: give one or more days, e.g. --days 2025-04-01,2025-04-03`);
  const bad = days.find((day) => !isDay(day));
  if (bad !== undefined) throw usageError(`--days: ${JSON.stringify(bad)} is not a calendar day (YYYY-MM-DD)`);
  return days;
}

/** `--months 2025-01,2025-02` → the sales-report months whose money to include. */
export function monthsOption(value: string | boolean | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const months = String(value)
    .split(',')
    .map((month) => month.trim())
    .filter((month) => month.length > 0);
  if (months.length === 0) throw usageError(`--months: give one or more months, e.g. --months 2025-01,2025-02`);
  const bad = months.find((month) => !isMonth(month));
  if (bad !== undefined) throw usageError(`--months: ${JSON.stringify(bad)} is not a calendar month (YYYY-MM)`);
  return months;
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
