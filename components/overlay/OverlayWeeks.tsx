/**
 * The panel's weekly counts (a dashboard that shows one count per week, core/views/weeks.ts):
 * each recent week beside Spotify for Artists' 7 days summed, the difference and the reason (./OverlayCells.tsx, as for days),
 * in a table of its own under the days. A week's count is never shown as a day's: its row is
 * the week's first and last day, and the Spotify cell says when it sums fewer than 7 days.
 */
import type { OverlayView } from '../../core/views/types';
import type { WeekRow } from '../../core/views/weeks';
import { formatDay } from '../format';
import { t } from '../i18n';
import { arrivesNote, OverlayHead, PairCells, WhyCell } from './OverlayCells';

interface OverlayWeeksProps {
  view: OverlayView;
  today: string;
  locale?: string;
  onEvidence?: () => void;
}

function WeekLine({ row, name, settleDays, today, locale, onEvidence }: { row: WeekRow; name: string | null; settleDays: number; today: string; locale?: string; onEvidence?: () => void }) {
  return (
    <tr class={row.status === 'pending' ? 'cc-row--pending' : undefined} data-testid="overlay-week" data-week={row.week}>
      <th scope="row">
        <time dateTime={row.week}>{t('weekRange', { first: formatDay(row.week, locale), last: formatDay(row.lastDay, locale) })}</time>
        {name ? <span class="cc-muted"> · {name}</span> : null}
      </th>
      <PairCells
        spotify={row.spotify}
        distributor={row.distributor}
        diff={row.diff}
        ratio={row.ratio}
        locale={locale}
        spotifyNote={row.spotify !== null && row.spotifyDays < 7 ? <span class="cc-muted"> {t('weekSpotifyDays', { days: row.spotifyDays })}</span> : null}
        testId="overlay-week-count"
      />
      <WhyCell reasons={row.reasons} pending={arrivesNote(row.status, row.lastDay, settleDays, today)} onEvidence={onEvidence} />
    </tr>
  );
}

export function OverlayWeeks({ view, today, locale, onEvidence }: OverlayWeeksProps) {
  if (view.weeks.length === 0) return null;
  const nameOf = (source: string) => view.weeklyDistributorNames[view.weeklyDistributorSources.indexOf(source)] ?? source;
  // One weekly dashboard names the column; with several, each row names its own.
  const several = view.weeklyDistributorSources.length > 1;
  return (
    <table class="cc-days cc-weeks" data-testid="overlay-weeks">
      <caption class="cc-weeks__caption">{t('overlayWeeksCaption')}</caption>
      <OverlayHead period={t('colWeek')} other={several ? t('colDistributor') : nameOf(view.weeklyDistributorSources[0] ?? '')} otherTestId="overlay-week-column" />
      <tbody>
        {view.weeks.map((row) => (
          <WeekLine key={`${row.week}-${row.distributorSource}`} row={row} name={several ? nameOf(row.distributorSource) : null} settleDays={view.settleDays} today={today} locale={locale} onEvidence={onEvidence} />
        ))}
      </tbody>
    </table>
  );
}
