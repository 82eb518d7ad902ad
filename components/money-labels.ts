/**
 * The few money words the overlay needs, apart from the Money tab's (money-words.ts), so the
 * content scripts carry only these.
 */
import type { MoneyFlagCode } from '../core/money';
import { formatMonth } from './format';

/** Short chip labels, as the day reasons have ("Delay", "Anomaly"). */
export const MONEY_FLAG_LABELS: Readonly<Record<MoneyFlagCode, string>> = {
  STATEMENT_PENDING: 'Pending',
  BELOW_THRESHOLD: 'Below threshold',
  REVENUE_WITHOUT_STREAMS: 'Paid, 0 streams',
  REVENUE_BEFORE_RELEASE: 'Before release',
  INELIGIBLE_WITH_REVENUE: 'Paid while not eligible',
  ELIGIBLE_WITHOUT_REVENUE: 'Eligible, not paid',
  RATE_OUTLIER: 'Unusual rate',
};

/** "Statement for Jan 2024:" before a flag in the overlay. */
export const overlayMonthLabel = (month: string, locale?: string) => `Statement for ${formatMonth(month, locale)}:`;
