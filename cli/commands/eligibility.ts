/**
 * `eligibility <history.json> [--as-of <day>] [--json]` (docs/contracts.md §2): per-ISRC royalty
 * eligibility for the calendar month of the day, a readable table or the contract's JSON.
 */
import { eligibility, eligibilityStatusWord, UNPUBLISHED_LISTENER_MINIMUM_CAVEAT, type EligibilityResult } from '../../core/eligibility';
import { isDay, type Day } from '../../core/model/day';
import { usageError, type CliIO } from '../io';
import { readHistoryArgument } from '../read-history';
import type { ParsedCommand } from '../main';

const USAGE = 'usage: crosscount eligibility <history.json> [--as-of <day>] [--json]';

function asOfDayFrom(value: string | boolean | undefined, io: CliIO): Day {
  if (value === undefined) return io.now().toISOString().slice(0, 10);
  if (typeof value !== 'string' || !isDay(value)) {
    throw usageError(`--as-of ${JSON.stringify(value)} is not a calendar day (YYYY-MM-DD)\n${USAGE}`);
  }
  return value;
}

export async function runEligibility(args: ParsedCommand, io: CliIO): Promise<void> {
  if (args.positionals.length !== 1) {
    throw usageError(`${args.positionals.length === 0 ? 'missing the history file' : 'only one history file at a time'}\n${USAGE}`);
  }
  const asOfDay = asOfDayFrom(args.values['as-of'], io);
  const file = args.positionals[0]!;
  const history = await readHistoryArgument(file, io);
  const result = eligibility(history, { asOfDay });
  io.stdout(args.values.json ? `${JSON.stringify(result, null, 2)}\n` : formatEligibilityTable(result));
}

const number = (value: number) => value.toLocaleString('en-US');

function cell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fitted = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return align === 'left' ? fitted.padEnd(width) : fitted.padStart(width);
}

/** The readable form: one row per recording, its caveats indented below it. */
function formatEligibilityTable(result: EligibilityResult): string {
  const lines: string[] = [];
  const month = result.tracks[0]?.month ?? result.asOf.slice(0, 7);
  lines.push(`Royalty eligibility for ${month} as of ${result.asOf}: ${number(result.threshold)} streams needed in the last 12 calendar months.`);
  if (result.tracks.length === 0) {
    lines.push('No tracks in this history file.');
    return `${lines.join('\n')}\n`;
  }
  lines.push('');
  const header = [cell('ISRC / track', 14), cell('Title', 28), cell('12 months', 10, 'right'), cell('This month', 10, 'right'), cell('Status', 26), cell('Since', 7), 'Projected'];
  lines.push(header.join('  '));
  for (const track of result.tracks) {
    lines.push(
      [
        cell(track.isrc ?? track.trackIds[0]!, 14),
        cell(track.title, 28),
        cell(number(track.trailing12mStreams), 10, 'right'),
        cell(number(track.streamsThisMonth), 10, 'right'),
        cell(eligibilityStatusWord(track, 'en-US'), 26),
        cell(track.firstEligibleMonth ?? '—', 7),
        track.projectedEligibleDay ?? '—',
      ]
        .join('  ')
        .trimEnd(),
    );
    for (const caveat of track.caveats) {
      // Said once below the table instead of under every recording.
      if (caveat !== UNPUBLISHED_LISTENER_MINIMUM_CAVEAT) lines.push(`    · ${caveat}`);
    }
  }
  lines.push('', `Note: ${UNPUBLISHED_LISTENER_MINIMUM_CAVEAT}`);
  return `${lines.join('\n')}\n`;
}
