/**
 * The one visual language for reasons (docs/ui.md): level → look, never colour alone (icon + short
 * label), the full message on hover and focus.
 */
import { REASON_LABEL_KEYS, type Reason, type ReasonCode, type ReasonLevel } from '../core/compare/types';
import { formatMessage, t } from './i18n';

export const LEVEL_ICONS: Readonly<Record<ReasonLevel, string>> = {
  expected: '✓',
  possible: '◔',
  unexplained: '!',
};

/** The chip's short label in the artist's language (docs/ui.md "Words"). */
function reasonLabel(code: ReasonCode): string {
  return t(REASON_LABEL_KEYS[code]);
}

/** The reason's full sentence in the artist's language (the core gives its key and figures). */
export function reasonText(reason: Reason): string {
  return reason.key ? formatMessage({ key: reason.key, params: reason.params }) : reason.message;
}

export function ReasonChip({ reason }: { reason: Reason }) {
  const label = reasonLabel(reason.code);
  const message = reasonText(reason);
  return (
    <span class={`cc-chip cc-chip--${reason.level}`} title={message} tabIndex={0} aria-label={t('chipLabel', { label, message })}>
      <span class="cc-chip__icon" aria-hidden="true">
        {LEVEL_ICONS[reason.level]}
      </span>
      {label}
    </span>
  );
}

/** The reason that matters most for a row: unexplained first, then possible, then expected. */
export function leadingReason(reasons: readonly Reason[]): Reason | undefined {
  const rank: Record<ReasonLevel, number> = { unexplained: 0, possible: 1, expected: 2 };
  return [...reasons].sort((a, b) => rank[a.level] - rank[b.level])[0];
}
