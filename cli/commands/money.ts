/**
 * `money <history.json> [--as-of <day>] [--isrc X] [--json]` (docs/contracts.md §3): per
 * recording and month, the sales reports' streams and revenue next to Spotify for Artists'
 * streams and eligibility, with flags; a readable table or the contract's exact JSON.
 */
import { formatCount, sourceName, storeName } from '../../core/compare/format';
import { isDay, type Day } from '../../core/model/day';
import { money, type MoneyFlag, type MoneyResult, type MoneyTrack } from '../../core/money';
import { usageError, type CliIO } from '../io';
import type { ParsedCommand } from '../main';
import { readHistoryArgument } from '../read-history';
import { historyFileArgument, isrcOption } from './compare';

const USAGE = 'money <history.json> [--as-of <day>] [--isrc X] [--json]';

function asOfDayOption(value: string | boolean | undefined, io: CliIO): Day {
  if (value === undefined) return io.now().toISOString().slice(0, 10);
  if (typeof value !== 'string' || !isDay(value)) throw usageError(`--as-of: ${JSON.stringify(value)} is not a calendar day (YYYY-MM-DD)\nusage: crosscount ${USAGE}`);
  return value;
}

export async function runMoney(args: ParsedCommand, io: CliIO): Promise<void> {
  const file = historyFileArgument(args, USAGE);
  const asOfDay = asOfDayOption(args.values['as-of'], io);
  const isrc = isrcOption(args.values.isrc);
  const history = await readHistoryArgument(file, io);
  const result = money(history, { asOfDay, isrc });
  io.stdout(args.values.json ? moneyJson(result) : formatMoneyTable(result));
}

/** A marker no JSON string of ours contains: amounts are swapped in as number tokens after stringify. */
const AMOUNT_MARK = '\u0000amount:';

/**
 * The contract's JSON, exactly its fields in its order. `revenue.amount` is a JSON number
 * written with the exact digits of the decimal (never through a double, which could drop some).
 */
function moneyJson(result: MoneyResult): string {
  const shaped = {
    asOf: result.asOf,
    tracks: result.tracks.map((track) => ({
      isrc: track.isrc,
      title: track.title,
      unpaidSpotifyStreams: track.unpaidSpotifyStreams,
      months: track.months.map((row) => ({
        month: row.month,
        source: row.source,
        store: row.store,
        streams: row.streams,
        revenue: row.revenue === null ? null : { amount: `${AMOUNT_MARK}${row.revenue.amount}`, currency: row.revenue.currency },
        perStream: row.perStream,
        s4aStreams: row.s4aStreams,
        eligible: row.eligible,
        flags: row.flags.map((each) => ({ code: each.code, level: each.level, message: each.message })),
      })),
    })),
  };
  return `${JSON.stringify(shaped, null, 2).replace(/"\\u0000amount:(-?\d+(?:\.\d+)?)"/g, '$1')}\n`;
}

const LEVEL_ICONS: Record<MoneyFlag['level'], string> = { expected: '✓', possible: '◔', unexplained: '!' };

function pad(text: string, width: number, right = false): string {
  const fitted = [...text].length > width ? `${[...text].slice(0, width - 1).join('')}…` : text;
  const gap = Math.max(0, width - [...fitted].length);
  return right ? ' '.repeat(gap) + fitted : fitted + ' '.repeat(gap);
}

function rate(value: number | null): string {
  return value === null ? '—' : value.toPrecision(3);
}

function trackTable(track: MoneyTrack): string[] {
  const lines = [`${track.title || 'Untitled'} · ${track.isrc ?? `no ISRC (track ${track.trackIds[0] ?? '?'})`}`];
  if (track.unpaidSpotifyStreams > 0) lines.push(`  ${formatCount(track.unpaidSpotifyStreams)} Spotify streams earned nothing: the recording was under 1,000 in those months.`);
  if (track.months.length === 0) {
    lines.push('  no sales report for this recording yet', '');
    return lines;
  }
  lines.push(
    `  ${[pad('Month', 7), pad('Source', 10), pad('Store', 14), pad('Streams', 9, true), pad('Revenue', 16, true), pad('Per stream', 10, true), pad('S4A', 9, true), pad('Eligible', 8), 'Flags'].join('  ')}`,
  );
  for (const row of track.months) {
    const revenue = row.revenue === null ? '—' : `${row.revenue.amount} ${row.revenue.currency}`;
    const flags = row.flags.map((each) => `${LEVEL_ICONS[each.level]} ${each.code}`).join(', ');
    lines.push(
      `  ${[
        pad(row.month, 7),
        pad(sourceName(row.source), 10),
        pad(storeName(row.store), 14),
        pad(formatCount(row.streams), 9, true),
        pad(revenue, 16, true),
        pad(rate(row.perStream), 10, true),
        pad(row.s4aStreams === null ? '—' : formatCount(row.s4aStreams), 9, true),
        pad(row.eligible === null ? '—' : row.eligible ? 'yes' : 'no', 8),
        flags,
      ]
        .join('  ')
        .trimEnd()}`,
    );
    for (const each of row.flags) if (each.code !== 'STATEMENT_PENDING') lines.push(`      ${LEVEL_ICONS[each.level]} ${each.message}`);
  }
  lines.push('');
  return lines;
}

function formatMoneyTable(result: MoneyResult): string {
  const lines = [`Sales reports against Spotify for Artists, as of ${result.asOf}. Amounts are in each report's own currency and never added across currencies.`, ''];
  if (result.tracks.length === 0) lines.push('No recordings in this history file.', '');
  for (const track of result.tracks) lines.push(...trackTable(track));
  return lines.join('\n');
}
