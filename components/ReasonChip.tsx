/**
 * The one visual language for reasons (UI.md): level → look, never colour alone (icon + short
 * label), the full message on hover and focus.
 */
import { REASON_LABELS, type Reason, type ReasonLevel } from '../core/compare/types';

export const LEVEL_ICONS: Readonly<Record<ReasonLevel, string>> = {
  expected: '✓',
  possible: '◔',
  unexplained: '!',
};

export function ReasonChip({ reason }: { reason: Reason }) {
  return (
    <span class={`cc-chip cc-chip--${reason.level}`} title={reason.message} tabIndex={0} aria-label={`${REASON_LABELS[reason.code]}: ${reason.message}`}>
      <span class="cc-chip__icon" aria-hidden="true">
        {LEVEL_ICONS[reason.level]}
      </span>
      {REASON_LABELS[reason.code]}
    </span>
  );
}

/** The reason that matters most for a row: unexplained first, then possible, then expected. */
export function leadingReason(reasons: readonly Reason[]): Reason | undefined {
  const rank: Record<ReasonLevel, number> = { unexplained: 0, possible: 1, expected: 2 };
  return [...reasons].sort((a, b) => rank[a.level] - rank[b.level])[0];
}
