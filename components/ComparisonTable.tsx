/**
 * The shell of a table of periods compared (a month's report, a week's count): period ·
 * distributor · Spotify for Artists · the distributor's figure · difference · ratio · reasons,
 * one row a period and distributor, pending rows in italics. The cells are ./ComparisonCells.tsx,
 * as in the day table; each table (entrypoints/options/MonthTable.tsx, WeekTable.tsx) says only
 * what its period and figure are.
 */
import type { ComponentChildren } from 'preact';
import type { ComparedPair } from '../core/compare/types';
import { ComparisonCells, ComparisonHeaders } from './ComparisonCells';

export interface PeriodRow {
  /** Unique in the table (period and source). */
  key: string;
  /** The row header: the period as the artist reads it. */
  period: ComponentChildren;
  /** The distributor's name, or '—'. */
  source: string;
  row: ComparedPair & { status: string };
  /** After Spotify for Artists' count (e.g. how many days it sums). */
  spotifyNote?: ComponentChildren;
  /** `data-*` attributes of the row (the period's id, for tests and links). */
  data?: Record<string, string>;
}

interface ComparisonTableProps {
  testId: string;
  caption?: string;
  periodHeader: string;
  sourceHeader: string;
  /** The distributor figure's column ("Report", "Weekly count"). */
  countHeader: string;
  /** In the order shown. */
  rows: readonly PeriodRow[];
  locale?: string;
}

export function ComparisonTable({ testId, caption, periodHeader, sourceHeader, countHeader, rows, locale }: ComparisonTableProps) {
  return (
    <table class="cc-table" data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{periodHeader}</th>
          <th scope="col">{sourceHeader}</th>
          <ComparisonHeaders count={countHeader} />
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, period, source, row, spotifyNote, data }) => (
          <tr key={key} class={row.status === 'pending' ? 'cc-row--pending' : undefined} {...Object.fromEntries(Object.entries(data ?? {}).map(([name, value]) => [`data-${name}`, value]))}>
            <th scope="row">{period}</th>
            <td>{source}</td>
            <ComparisonCells row={row} locale={locale} spotifyNote={spotifyNote} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
