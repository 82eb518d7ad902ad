/** Monthly totals: S4A's daily streams summed per month beside a distributor's report figure. */
import { sourceName } from '../../core/compare/format';
import type { MonthComparison } from '../../core/compare/types';
import { formatCount, formatMonth } from '../../components/format';
import { ComparisonCells } from '../../components/ComparisonCells';

export function MonthTable({ months, locale }: { months: readonly MonthComparison[]; locale?: string }) {
  const rows = [...months].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : a.distributorSource.localeCompare(b.distributorSource)));
  return (
    <table class="cc-table" data-testid="month-table">
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col">Report from</th>
          <th scope="col" class="cc-num">
            Spotify for Artists
          </th>
          <th scope="col" class="cc-num">
            Report
          </th>
          <th scope="col" class="cc-num">
            Difference
          </th>
          <th scope="col" class="cc-num">
            Ratio
          </th>
          <th scope="col">Reasons</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.month}|${row.distributorSource}`} class={row.status === 'pending' ? 'cc-row--pending' : undefined}>
            <th scope="row">{formatMonth(row.month, locale)}</th>
            <td>{row.distributorSource ? sourceName(row.distributorSource) : '—'}</td>
            <ComparisonCells
              row={row}
              locale={locale}
              spotifyNote={row.spotify !== null && <span class="cc-muted hp-days-covered"> ({formatCount(row.spotifyDays, locale)} d)</span>}
            />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
