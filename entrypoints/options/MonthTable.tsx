/** Monthly totals: S4A's daily streams summed per month beside a distributor's report figure. */
import { t } from '../../components/i18n';
import { sourceName } from '../../core/compare/format';
import type { MonthComparison } from '../../core/compare/types';
import { formatMonth } from '../../components/format';
import { ComparisonTable } from '../../components/ComparisonTable';

export function MonthTable({ months, locale }: { months: readonly MonthComparison[]; locale?: string }) {
  const sorted = [...months].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : a.distributorSource.localeCompare(b.distributorSource)));
  const rows = sorted.map((row) => ({
    key: `${row.month}|${row.distributorSource}`,
    period: formatMonth(row.month, locale),
    source: row.distributorSource ? sourceName(row.distributorSource) : '—',
    row,
    spotifyNote: row.spotify !== null && <span class="cc-muted hp-days-covered"> {t('monthDaysCovered', { days: row.spotifyDays })}</span>,
  }));
  return <ComparisonTable testId="month-table" periodHeader={t('colMonth')} sourceHeader={t('monthReportFrom')} countHeader={t('monthReport')} rows={rows} locale={locale} />;
}
