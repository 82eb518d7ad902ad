/**
 * Every word the money screens show an artist (docs/ui.md "Money"), in one place so the
 * translation layer can take them over as they are: flag labels and sentences, the Money tab,
 * the popup line, the overlay's month line. Amounts go through Intl.NumberFormat with the
 * report's own currency; nothing here ever adds two currencies together.
 */
import { ELIGIBILITY_THRESHOLD } from '../core/eligibility/rules';
import type { MoneyFlag, MoneyMonth, Revenue } from '../core/money';
import { formatCount, formatMonth } from './format';

export { MONEY_FLAG_LABELS, overlayMonthLabel } from './money-labels';

const currencyFormatters = new Map<string, Intl.NumberFormat>();

/** "€4.12", "4,12 €", "US$0.0031": the locale's currency form, with every digit the report has (at least two). */
export function formatMoney(revenue: Revenue, locale?: string): string {
  const decimals = Math.min(20, Math.max(2, (revenue.amount.split('.')[1] ?? '').length));
  const key = `${locale ?? ''}\u0000${revenue.currency}\u0000${decimals}`;
  let formatter = currencyFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: revenue.currency, minimumFractionDigits: 2, maximumFractionDigits: decimals });
    currencyFormatters.set(key, formatter);
  }
  // format() takes a decimal string exactly (Intl.NumberFormat v3); older engines round through a double.
  return formatter.format(revenue.amount as unknown as number);
}

/** A rate per stream: "€0.0031". */
export function formatRate(rate: number | null, currency: string, locale?: string): string {
  if (rate === null) return '—';
  const key = `rate\u0000${locale ?? ''}\u0000${currency}`;
  let formatter = currencyFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumSignificantDigits: 2 });
    currencyFormatters.set(key, formatter);
  }
  return formatter.format(rate);
}

/** The flag's sentence for the artist, with the entry's figures in the locale's form. */
export function moneyFlagText(flag: MoneyFlag, row: MoneyMonth, locale?: string): string {
  const month = formatMonth(row.month, locale);
  const amount = row.revenue ? formatMoney(row.revenue, locale) : '';
  const threshold = formatCount(ELIGIBILITY_THRESHOLD, locale);
  switch (flag.code) {
    case 'STATEMENT_PENDING':
      return `${month} is recent: sales reports arrive about 4 months after the streams, US sales often later still, so this statement may still change.`;
    case 'BELOW_THRESHOLD':
      return `${formatCount(row.s4aStreams ?? 0, locale)} Spotify streams in ${month} earned no recording royalty: the recording had ${formatCount(row.trailing12m ?? 0, locale)} of ${threshold} streams in the 12 months.`;
    case 'REVENUE_WITHOUT_STREAMS':
      return `${amount} paid for 0 streams in ${month}. Worth asking your distributor about.`;
    case 'REVENUE_BEFORE_RELEASE':
      return `${amount} paid for ${month}, but Spotify for Artists shows no stream of this recording in that month or before it. Worth asking your distributor about.`;
    case 'INELIGIBLE_WITH_REVENUE':
      return `${amount} from Spotify for ${month}, though the recording had ${formatCount(row.trailing12m ?? 0, locale)} of ${threshold} streams in the 12 months. The count may lack days, or Spotify may group the recording differently.`;
    case 'ELIGIBLE_WITHOUT_REVENUE':
      return `Nothing paid by Spotify for ${month}, though the recording was over ${threshold} streams in the 12 months. Spotify's unpublished listener minimum may not have been met.`;
    case 'RATE_OUTLIER':
      return `${formatRate(row.perStream, row.revenue?.currency ?? 'EUR', locale)} per stream in ${month}, against a usual ${formatRate(row.usualPerStream, row.revenue?.currency ?? 'EUR', locale)} for this store. Rates vary, but not usually this much.`;
  }
}

export const MONEY_WORDS = {
  tab: 'Money',
  intro: 'Did you get paid for what you streamed? Each month and store of your sales reports, next to Spotify for Artists.',
  currenciesApart: (currencies: readonly string[]) =>
    currencies.length > 1 ? `Amounts stay in each report's own currency (${currencies.join(', ')}); they are never added together.` : '',
  unpaid: (streams: number, locale?: string) => `${formatCount(streams, locale)} Spotify streams earned nothing: the recording was under ${formatCount(ELIGIBILITY_THRESHOLD, locale)} in those months.`,
  unpaidContext: 'Spotify says tracks under the threshold earned about $0.03 a month on average.',
  noReport: 'No sales report for this recording yet: import your distributor’s sales report (header: Import files) to check what each month paid.',
  columns: { month: 'Month', source: 'Report from', store: 'Store', streams: 'Streams', revenue: 'Revenue', rate: 'Per stream', s4a: 'Spotify for Artists', eligible: 'Eligible', flags: 'Flags' },
  eligibleYes: 'Yes',
  eligibleNo: 'No',
  addToEvidence: 'Add to evidence report',
  chartTitle: (currency: string) => `Revenue and rate per store (${currency})`,
  chartRevenue: 'Revenue per month',
  chartRate: 'Rate per stream',
  chartLabel: (currency: string) => `Chart of revenue and rate per store in ${currency}; the table below has the same figures.`,
  popupLine: (amounts: readonly string[], unpaid: number, locale?: string) =>
    [`${amounts.join(' + ')} in the last statement`, unpaid > 0 ? `${formatCount(unpaid, locale)} streams unpaid under the threshold` : ''].filter(Boolean).join(' · '),
  evidenceMonths: (count: number, locale?: string) => `Statement months to include (${formatCount(count, locale)} chosen)`,
  evidenceMonthsHint: 'Months with a flag worth a look are chosen: the report lists their revenue, streams and rate beside Spotify for Artists.',
} as const;
