/**
 * The one visual language for reasons (UI.md): level → look, never colour alone (icon + short
 * label), the full message on hover and focus.
 */
import type { Reason, ReasonCode, ReasonLevel } from '../core/compare/types';
import type { MessageKey } from '../core/i18n/keys';
import { formatMessage, t } from './i18n';

export const LEVEL_ICONS: Readonly<Record<ReasonLevel, string>> = {
  expected: '✓',
  possible: '◔',
  unexplained: '!',
};

/** Short chip labels (UI.md "Words"), one catalog key per reason code. */
const CHIP_KEYS: Readonly<Record<ReasonCode, MessageKey>> = {
  MATCH: 'chipMatch',
  REPORTING_DELAY: 'chipDelay',
  FILTERED_PLAYS: 'chipFilteredPlays',
  OTHER_STORES: 'chipOtherStores',
  DAY_SHIFT: 'chipDayShift',
  LATE_REVISION: 'chipRevised',
  LOW_VOLUME: 'chipFewStreams',
  MISSING_SOURCE: 'chipMissing',
  ANOMALY: 'chipAnomaly',
};

/** The chip's short label in the artist's language. */
export function reasonLabel(code: ReasonCode): string {
  return t(CHIP_KEYS[code] as 'chipMatch');
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
