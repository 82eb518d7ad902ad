/**
 * `compare`'s weeks (docs/contracts.md §2): a dashboard that shows one count per week (a taught
 * recipe of cadence `weekly`, core/recipes/README.md) is compared per week with Spotify for
 * Artists' 7 days summed (core/views/weeks.ts), under the track's days as a table of its own,
 * and in `--json` as the track's `weeks` list. A history without weekly counts prints exactly
 * as before: no section, no key.
 */
import { formatCount, sourceName, type TrackComparison } from '../../core/compare/index';
import type { History } from '../../core/model/history';
import { DEFAULT_SETTLE_DAYS } from '../../core/model/settle';
import { weekInputsByTrack, weekRows, type WeekRow } from '../../core/views/weeks';
import { alignedLines, pairCells, weekdayDay } from './text-table';

/** A track's week rows (oldest first) from its comparison, each source settling as its days taught. */
export type WeeksOf = (track: TrackComparison) => WeekRow[];

export function weeksOfHistory(history: History, asOf: string, settleDays = DEFAULT_SETTLE_DAYS): WeeksOf {
  const inputs = weekInputsByTrack(history.observations);
  return (track) => {
    const observations = inputs.get(track.track);
    if (!observations) return [];
    return weekRows(observations, { asOf, settleDays, settleBySource: new Map(track.sources.map((source) => [source.source, source.settleDays])) });
  };
}

/** The weeks' lines: a title, then week · Spotify for Artists (7 days summed) · the weekly count · diff · ratio · status · reason. */
export function weekTable(rows: readonly WeekRow[]): string[] {
  const sources = [...new Set(rows.map((row) => row.distributorSource))];
  const several = sources.length > 1;
  const names = sources.map(sourceName).join(', ');
  const header = ['Week', 'Spotify for Artists', ...(several ? ['Distributor'] : []), several ? 'Weekly count' : sourceName(sources[0]!), 'Diff', 'Ratio', 'Status', 'Reason'];
  const table = rows.map((row) => [
    `${weekdayDay(row.week)} – ${weekdayDay(row.lastDay)}`,
    row.spotify === null ? '—' : `${formatCount(row.spotify)}${row.spotifyDays < 7 ? ` (${row.spotifyDays} of 7 days)` : ''}`,
    ...(several ? [sourceName(row.distributorSource)] : []),
    ...pairCells(row),
  ]);
  return [
    `  weekly counts from ${names}, each week beside Spotify for Artists' 7 days summed`,
    ...alignedLines(header, table, (index, title) => index > 0 && index < header.length - 2 && title !== 'Distributor'),
    '',
  ];
}
