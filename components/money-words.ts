/**
 * The money words every screen shares (docs/ui.md "Money", docs/i18n.md): the flags' chip
 * labels, their sentences (the core's message: key and parameters) and the overlay's month
 * label, all from the `_locales` catalogs. Amounts go through `formatMoney` (components/format.ts)
 * with the report's own currency; nothing here ever adds two currencies together.
 */
import type { MoneyFlag, MoneyFlagCode } from '../core/money';
import { MONEY_FLAG_LABEL_KEYS } from '../core/evidence/money';
import { formatMessage, t } from './i18n';


/** The flag's short chip label, as the day reasons have ("Delay", "Anomaly"). */
export function moneyFlagLabel(code: MoneyFlagCode): string {
  return t(MONEY_FLAG_LABEL_KEYS[code]);
}

/** The flag's sentence with the month's figures, in the artist's language and locale. */
export function moneyFlagText(flag: Pick<MoneyFlag, 'text'>): string {
  return formatMessage(flag.text);
}

/** "Statement for January 2024:" before a flag in the overlay. */
export function moneyMonthLabel(month: string): string {
  return t('moneyOverlayMonth', { month: { month } });
}
