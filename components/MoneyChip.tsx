/** A money flag as a chip, in the one visual language of the day reasons (docs/ui.md "Reason levels"). */
import type { MoneyFlag } from '../core/money';
import { moneyFlagLabel, moneyFlagText } from './money-words';
import { LEVEL_ICONS } from './ReasonChip';

export function MoneyChip({ flag }: { flag: MoneyFlag }) {
  const text = moneyFlagText(flag);
  const label = moneyFlagLabel(flag.code);
  return (
    <span class={`cc-chip cc-chip--${flag.level}`} title={text} tabIndex={0} aria-label={`${label}: ${text}`} data-code={flag.code}>
      <span class="cc-chip__icon" aria-hidden="true">
        {LEVEL_ICONS[flag.level]}
      </span>
      {label}
    </span>
  );
}
