/**
 * Weekly counts (a dashboard that shows one count per week, core/views/weeks.ts) beside Spotify
 * for Artists' 7 days summed: week · distributor · Spotify for Artists · the weekly count ·
 * difference · ratio · reason. Most recent first; pending weeks in italics, as days are.
 */
import { sourceName } from '../../core/compare/format';
import type { WeekRow } from '../../core/views/weeks';
import { ComparisonTable } from '../../components/ComparisonTable';
import { formatDay } from '../../components/format';
import { t } from '../../components/i18n';

export function WeekTable({ weeks, locale }: { weeks: readonly WeekRow[]; locale?: string }) {
  const sorted = [...weeks].sort((a, b) => (a.week < b.week ? 1 : a.week > b.week ? -1 : a.distributorSource.localeCompare(b.distributorSource)));
  const rows = sorted.map((row) => ({
    key: `${row.week}|${row.distributorSource}`,
    period: <time dateTime={row.week}>{t('weekRange', { first: formatDay(row.week, locale), last: formatDay(row.lastDay, locale) })}</time>,
    source: sourceName(row.distributorSource),
    row,
    spotifyNote: row.spotify !== null && row.spotifyDays < 7 && <span class="cc-muted hp-days-covered"> {t('weekSpotifyDays', { days: row.spotifyDays })}</span>,
    data: { week: row.week },
  }));
  return <ComparisonTable testId="week-table" caption={t('weekTableCaption')} periodHeader={t('colWeek')} sourceHeader={t('colDistributor')} countHeader={t('colWeekCount')} rows={rows} locale={locale} />;
}
