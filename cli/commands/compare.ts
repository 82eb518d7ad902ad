/**
 * `compare <history.json> [--as-of <ISO time or day>] [--isrc X] [--json]` (docs/contracts.md §2):
 * the day-by-day comparison, as a readable table or as the exact JSON of the contract.
 */
import { historyColumns } from '../../core/columns/build';
import { compareColumns, formatCount, formatPercent, sourceName, trackComparison, REASON_LABELS, type ColumnarComparison, type CompareResult, type Reason, type TrackComparison } from '../../core/compare/index';
import { compareJsonChunks } from '../../core/compare/json';
import { dayStartMs, parseAsOf } from '../../core/model/day';
import { normaliseIsrc } from '../../core/model/schema';
import { CliError, streamToStdout, usageError, type CliIO } from '../io';
import { readHistoryArgument } from '../read-history';
import type { ParsedCommand } from '../main';
import { SPOTIFY_STORE } from '../../core/model/ids';

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

const LEVEL_ICONS: Record<Reason['level'], string> = { expected: '✓', possible: '◔', unexplained: '!' };
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function pad(text: string, width: number, right = false): string {
  const gap = Math.max(0, width - [...text].length);
  return right ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

function trackTable(track: TrackComparison): string[] {
  const lines: string[] = [];
  lines.push(`${track.title || 'Untitled'} · ${track.isrc ?? `no ISRC (track ${track.track})`}`);
  if (track.sources.length === 0) {
    lines.push('  no distributor counts for this recording yet', '');
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
  const table = track.days.map((row) => {
    const main = row.reasons[0]!;
    return [
      `${WEEKDAYS[new Date(dayStartMs(row.day)).getUTCDay()]} ${row.day}`,
      row.spotify === null ? '—' : formatCount(row.spotify),
      ...(several ? [sourceName(row.distributorSource)] : []),
      row.distributor === null ? '—' : formatCount(row.distributor),
      row.diff === null ? '—' : row.diff > 0 ? `+${formatCount(row.diff)}` : formatCount(row.diff),
      row.ratio === null ? '—' : formatPercent(row.ratio),
      row.status,
      `${LEVEL_ICONS[main.level]} ${REASON_LABELS[main.code]}: ${main.message}`,
      ...row.reasons.slice(1).map((reason) => `${LEVEL_ICONS[reason.level]} ${REASON_LABELS[reason.code]}: ${reason.message}`),
    ];
  });
  const columns = header.length - 1;
  const numeric = (index: number) => index > 0 && index < columns - 1 && header[index] !== 'Distributor';
  const widths = header.slice(0, columns).map((title, index) => Math.max([...title].length, ...table.map((cells) => [...cells[index]!].length)));
  const indent = widths.reduce((sum, width) => sum + width + 2, 0);
  lines.push(header.map((title, index) => (index < columns ? pad(title, widths[index]!, numeric(index)) : title)).join('  '));
  for (const cells of table) {
    lines.push(cells.slice(0, columns + 1).map((cell, index) => (index < columns ? pad(cell, widths[index]!, numeric(index)) : cell)).join('  '));
    for (const extra of cells.slice(columns + 1)) lines.push(' '.repeat(indent) + extra);
  }
  lines.push('');
  return lines;
}

/** The readable table of a comparison. */
export function renderCompareTable(result: CompareResult): string {
  return [...compareTableChunks({ asOf: result.asOf, tracks: result.tracks })].join('');
}

/** The table as text chunks, one track at a time (its rows built only while it is written). */
function* compareTableChunks(result: { asOf: string; tracks: ReadonlyArray<TrackComparison | (() => TrackComparison)> }): Generator<string> {
  yield `Crosscount comparison as of ${result.asOf.slice(0, 16).replace('T', ' ')} UTC\n\n`;
  if (result.tracks.length === 0) yield 'No recordings in this history.\n';
  let unexplained = 0;
  for (const entry of result.tracks) {
    const track = typeof entry === 'function' ? entry() : entry;
    unexplained += track.days.filter((row) => row.reasons.some((reason) => reason.level === 'unexplained')).length;
    yield trackTable(track).join('\n') + '\n';
  }
  yield unexplained === 0 ? 'No unexplained days.\n' : `${unexplained} unexplained day${unexplained === 1 ? '' : 's'}: see "crosscount evidence <history.json> --isrc X" for a report to send to support.\n`;
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
  await streamToStdout(io, args.values.json ? compareJsonChunks(result) : compareTableChunks(lazyTracks(result)));
}
