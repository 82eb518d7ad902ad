/**
 * Weekly counts (a dashboard that shows one count per week, core/views/weeks.ts) beside Spotify
 * for Artists' 7 days summed: week · distributor · Spotify for Artists · the weekly count ·
 * difference · ratio · reason. Most recent first; pending weeks in italics, as days are.
 * The chart draws days only (a week's count drawn on a day would look like a sevenfold spike,
 * docs/domain.md "Weekly counts"): `WeeksNote` under it says so and leads to this table.
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

/** Under the chart: the weekly counts are not drawn as days, and where they are compared. */
export function WeeksNote({ weeks, onShow }: { weeks: readonly WeekRow[]; onShow: () => void }) {
  const names = [...new Set(weeks.map((row) => row.distributorSource))].map(sourceName).join(', ');
  const show = () => {
    onShow();
    // The days tab renders the table on this click; scroll once it is there.
    requestAnimationFrame(() => document.querySelector('[data-testid="week-table"]')?.scrollIntoView({ block: 'nearest' }));
  };
  return (
    <p class="cc-note" data-testid="chart-weeks-note">
      {t('chartWeeksNote', { names })}{' '}
      <button type="button" class="cc-link" onClick={show}>
        {t('chartShowWeeks')}
      </button>
    </p>
  );
}
