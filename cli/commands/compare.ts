/**
 * `compare <history.json> [--as-of <ISO time or day>] [--isrc X] [--json]` (docs/contracts.md §2):
 * the day-by-day comparison, as a readable table or as the exact JSON of the contract, and a
 * weekly dashboard's weeks under its track's days (./compare-weeks.ts).
 */
import { historyColumns } from '../../core/columns/build';
import { compareColumns, formatCount, formatPercent, sourceName, trackComparison, type ColumnarComparison, type ComparedPair, type CompareResult, type TrackComparison } from '../../core/compare/index';
import { compareJsonChunks } from '../../core/compare/json';
import { parseAsOf } from '../../core/model/day';
import { normaliseIsrc } from '../../core/model/schema';
import { CliError, streamToStdout, usageError, type CliIO } from '../io';
import { readHistoryArgument } from '../read-history';
import type { ParsedCommand } from '../main';
import { SPOTIFY_STORE } from '../../core/model/ids';
import { alignedLines, pairCells, weekdayDay } from './text-table';
import { weekTable, weeksOfHistory, type WeeksOf } from './compare-weeks';
import type { WeekRow } from '../../core/views/weeks';

/** The `--as-of` option as a canonical instant (a bare day is the end of that day), or now. */
function asOfOption(value: string | boolean | undefined, io: CliIO): string {
  if (value === undefined) return io.now().toISOString();
  const ms = typeof value === 'string' ? parseAsOf(value) : null;
  if (ms === null) throw usageError(`--as-of: ${JSON.stringify(value)} is not an ISO time or a day (e.g. 2025-04-01 or 2025-04-01T08:00:00Z)`);
  return new Date(ms).toISOString();
}

/** The one positional history file of a command. */
export function historyFileArgument(args: ParsedCommand, usage: string): string {
  const [file, ...extra] = args.positionals;
  if (!file) throw usageError(`missing <history.json>\nusage: crosscount ${usage}`);
  if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"\nusage: crosscount ${usage}`);
  return file;
}

/** The `--isrc` option, normalised; a value that is not an ISRC is a usage error. */
export function isrcOption(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  const isrc = typeof value === 'string' ? normaliseIsrc(value) : null;
  if (!isrc) throw usageError(`--isrc: ${JSON.stringify(value)} is not an ISRC (12 characters, e.g. CHXXX2400001)`);
  return isrc;
}


function trackTable(track: TrackComparison, weeks: readonly WeekRow[]): string[] {
  const lines: string[] = [];
  lines.push(`${track.title || 'Untitled'} · ${track.isrc ?? `no ISRC (track ${track.track})`}`);
  if (track.sources.length === 0) {
    lines.push(...(weeks.length > 0 ? weekTable(weeks) : ['  no distributor counts for this recording yet', '']));
    return lines;
  }
  for (const source of track.sources) {
    const name = sourceName(source.source);
    const parts = [
      `${name} (${source.store === SPOTIFY_STORE ? 'Spotify' : `store ${source.store}`})`,
      source.baselineRatio === null ? 'no usual ratio yet' : `usual ratio ${formatPercent(source.baselineRatio)} from ${source.baselineDays} settled days`,
      `settles after ${source.settleDays} days${source.settleLearned ? ' (learnt from this history)' : ''}`,
    ];
    if (source.lagDays !== 0) parts.push(`days shifted by ${source.lagDays}`);
    lines.push(`  ${parts.join(' · ')}`);
  }
  const several = track.sources.length > 1;
  const header = ['Day', 'Spotify for Artists', ...(several ? ['Distributor'] : []), several ? 'Count' : sourceName(track.sources[0]!.source), 'Diff', 'Ratio', 'Status', 'Reason'];
  const table = track.days.map((row) => [
    weekdayDay(row.day),
    row.spotify === null ? '—' : formatCount(row.spotify),
    ...(several ? [sourceName(row.distributorSource)] : []),
    ...pairCells(row),
  ]);
  lines.push(...alignedLines(header, table, (index, title) => index > 0 && index < header.length - 2 && title !== 'Distributor'));
  lines.push('');
  if (weeks.length > 0) lines.push(...weekTable(weeks));
  return lines;
}

/** The readable table of a comparison. */
export function renderCompareTable(result: CompareResult): string {
  return [...compareTableChunks({ asOf: result.asOf, tracks: result.tracks })].join('');
}

/** The table as text chunks, one track at a time (its rows built only while it is written); `weeksOf` adds a track's weeks. */
function* compareTableChunks(result: { asOf: string; tracks: ReadonlyArray<TrackComparison | (() => TrackComparison)> }, weeksOf?: WeeksOf): Generator<string> {
  yield `Crosscount comparison as of ${result.asOf.slice(0, 16).replace('T', ' ')} UTC\n\n`;
  if (result.tracks.length === 0) yield 'No recordings in this history.\n';
  let unexplained = 0;
  let unexplainedWeeks = 0;
  const isUnexplained = (row: ComparedPair) => row.reasons.some((reason) => reason.level === 'unexplained');
  for (const entry of result.tracks) {
    const track = typeof entry === 'function' ? entry() : entry;
    const weeks = weeksOf?.(track) ?? [];
    unexplained += track.days.filter(isUnexplained).length;
    unexplainedWeeks += weeks.filter(isUnexplained).length;
    yield trackTable(track, weeks).join('\n') + '\n';
  }
  yield unexplained === 0 ? 'No unexplained days.\n' : `${unexplained} unexplained day${unexplained === 1 ? '' : 's'}: see "crosscount evidence <history.json> --isrc X" for a report to send to support.\n`;
  if (unexplainedWeeks > 0) yield `${unexplainedWeeks} unexplained week${unexplainedWeeks === 1 ? '' : 's'}: the evidence report lists them too.\n`;
}

function lazyTracks(result: ColumnarComparison): { asOf: string; tracks: Array<() => TrackComparison> } {
  return { asOf: result.asOf, tracks: result.tracks.map((track) => () => trackComparison(track)) };
}

const USAGE = 'compare <history.json> [--as-of <ISO time or day>] [--isrc X] [--json]';

export async function runCompare(args: ParsedCommand, io: CliIO): Promise<void> {
  const file = historyFileArgument(args, USAGE);
  const asOf = asOfOption(args.values['as-of'], io);
  const isrc = isrcOption(args.values.isrc);
  const history = await readHistoryArgument(file, io);
  if (isrc && !history.tracks.some((track) => track.isrc === isrc)) throw new CliError(`${file}: no recording with ISRC ${isrc}`);
  const result = compareColumns(historyColumns(history), { asOf, isrc });
  // Streamed one track at a time: the rows of all tracks never exist at once.
  const weeksOf = weeksOfHistory(history, asOf);
  await streamToStdout(io, args.values.json ? compareJsonChunks(result, weeksOf) : compareTableChunks(lazyTracks(result), weeksOf));
}
