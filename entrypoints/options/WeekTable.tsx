/**
 * Weekly counts (a dashboard that shows one count per week, core/views/weeks.ts) beside Spotify
 * for Artists' 7 days summed: week · distributor · Spotify for Artists · the weekly count ·
 * difference · ratio · reason. Most recent first; pending weeks in italics, as days are.
 */
import { sourceName } from '../../core/compare/format';
import type { WeekRow } from '../../core/views/weeks';
import { ComparisonCells } from '../../components/ComparisonCells';
import { formatDay } from '../../components/format';
import { t } from '../../components/i18n';

export function WeekTable({ weeks, locale }: { weeks: readonly WeekRow[]; locale?: string }) {
  const rows = [...weeks].sort((a, b) => (a.week < b.week ? 1 : a.week > b.week ? -1 : a.distributorSource.localeCompare(b.distributorSource)));
  return (
    <table class="cc-table" data-testid="week-table">
      <caption>{t('weekTableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colWeek')}</th>
          <th scope="col">{t('colDistributor')}</th>
          <th scope="col" class="cc-num">
            Spotify for Artists
          </th>
          <th scope="col" class="cc-num">
            {t('colWeekCount')}
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
          <tr key={`${row.week}|${row.distributorSource}`} class={row.status === 'pending' ? 'cc-row--pending' : undefined} data-week={row.week}>
            <th scope="row">
              <time dateTime={row.week}>{t('weekRange', { first: formatDay(row.week, locale), last: formatDay(row.lastDay, locale) })}</time>
            </th>
            <td>{sourceName(row.distributorSource)}</td>
            <ComparisonCells
              row={row}
              locale={locale}
              spotifyNote={row.spotify !== null && row.spotifyDays < 7 && <span class="cc-muted hp-days-covered"> {t('weekSpotifyDays', { days: row.spotifyDays })}</span>}
            />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
