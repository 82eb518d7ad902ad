/**
 * The panel's "Why" cell, for a day (./Overlay.tsx) and a week (./OverlayWeeks.tsx) alike: the
 * reason chips, most telling first (the full sentence is on each chip), when a pending count
 * arrives, and the evidence link where something is unexplained.
 */
import type { Reason } from '../../core/compare/types';
import { daysBetween } from '../../core/model/day';
import { t } from '../i18n';
import { ReasonChip } from '../ReasonChip';

const LEVEL_RANK = { unexplained: 0, possible: 1, expected: 2 } as const;

/** "arrives in about 3 days" for a count still pending whose period ended on `lastDay`. */
export function arrivesNote(status: string, lastDay: string, settleDays: number, today: string): string | null {
  if (status !== 'pending') return null;
  const left = Math.max(1, settleDays - daysBetween(lastDay, today) + 1);
  return t('overlayArrives', { count: left });
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
