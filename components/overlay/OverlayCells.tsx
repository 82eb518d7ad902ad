/**
 * The panel's cells, for a day (./Overlay.tsx) and a week (./OverlayWeeks.tsx) alike: both
 * counts and the difference with its share (compact: the panel stays small), then the "Why"
 * cell: the reason chips, most telling first (the full sentence is on each chip), when a
 * pending count arrives, and the evidence link where something is unexplained.
 */
import type { ComponentChildren } from 'preact';
import type { Reason } from '../../core/compare/types';
import { daysBetween } from '../../core/model/day';
import { formatCount, formatPercent, formatSigned } from '../format';
import { t } from '../i18n';
import { ReasonChip } from '../ReasonChip';

const LEVEL_RANK = { unexplained: 0, possible: 1, expected: 2 } as const;

/** "arrives in about 3 days" for a count still pending whose period ended on `lastDay`. */
export function arrivesNote(status: string, lastDay: string, settleDays: number, today: string): string | null {
  if (status !== 'pending') return null;
  const left = Math.max(1, settleDays - daysBetween(lastDay, today) + 1);
  return t('overlayArrives', { count: left });
}

/** The panel's table header: the period (day or week), Spotify, the other side's name, difference, why. */
export function OverlayHead({ period, other, otherTestId }: { period: string; other: string; otherTestId: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{period}</th>
        <th scope="col">{t('overlayColSpotify')}</th>
        <th scope="col" data-testid={otherTestId}>
          {other}
        </th>
        <th scope="col">{t('colDifference')}</th>
        <th scope="col">{t('overlayColWhy')}</th>
      </tr>
    </thead>
  );
}

interface PairCellsProps {
  spotify: number | null;
  distributor: number | null;
  diff: number | null;
  ratio: number | null;
  locale?: string;
  /** After Spotify's count (how many days a week sums). */
  spotifyNote?: ComponentChildren;
  /** Where the distributor's count came from: hover text, and words for screen readers. */
  readWith?: string;
  testId: string;
}

export function PairCells({ spotify, distributor, diff, ratio, locale, spotifyNote, readWith, testId }: PairCellsProps) {
  const percent = ratio === null ? '' : ` (${formatPercent(ratio, locale)})`;
  return (
    <>
      <td class="cc-num">
        {formatCount(spotify, locale)}
        {spotifyNote}
      </td>
      <td class="cc-num" title={readWith} data-testid={testId}>
        {formatCount(distributor, locale)}
        {readWith ? <span class="cc-visually-hidden"> ({readWith})</span> : null}
      </td>
      <td class="cc-num">
        {formatSigned(diff, locale)}
        {percent}
      </td>
    </>
  );
}

export function WhyCell({ reasons, pending, onEvidence }: { reasons: readonly Reason[]; pending: string | null; onEvidence?: () => void }) {
  const sorted = [...reasons].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  return (
    <td>
      {sorted.map((reason) => (
        <ReasonChip key={reason.code} reason={reason} />
      ))}
      {pending ? <span class="cc-muted cc-pending"> {pending}</span> : null}
      {onEvidence && sorted.some((reason) => reason.level === 'unexplained') ? (
        <button type="button" class="cc-link" data-testid="overlay-evidence" onClick={onEvidence}>
          {t('overlayEvidence')}
        </button>
      ) : null}
    </td>
  );
}
