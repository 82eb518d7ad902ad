/** Monthly totals: S4A's daily streams summed per month beside a distributor's report figure. */
import { t } from '../../components/i18n';
import { sourceName } from '../../core/compare/format';
import type { MonthComparison } from '../../core/compare/types';
import { formatMonth } from '../../components/format';
import { ComparisonCells } from '../../components/ComparisonCells';

export function MonthTable({ months, locale }: { months: readonly MonthComparison[]; locale?: string }) {
  const rows = [...months].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : a.distributorSource.localeCompare(b.distributorSource)));
  return (
    <table class="cc-table" data-testid="month-table">
      <thead>
        <tr>
          <th scope="col">{t('colMonth')}</th>
          <th scope="col">{t('monthReportFrom')}</th>
          <th scope="col" class="cc-num">
            Spotify for Artists
          </th>
          <th scope="col" class="cc-num">
            {t('monthReport')}
          </th>
          <th scope="col" class="cc-num">
            {t('colDifference')}
          </th>
          <th scope="col" class="cc-num">
            {t('colRatio')}
          </th>
          <th scope="col">{t('colReasons')}</th>
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
              spotifyNote={row.spotify !== null && <span class="cc-muted hp-days-covered"> {t('monthDaysCovered', { days: row.spotifyDays })}</span>}
            />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
