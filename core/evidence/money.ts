/**
 * The money part of an evidence report: for the chosen months, what the sales reports say (the
 * report's streams, revenue in its own currency, rate per stream) beside Spotify for
 * Artists' streams and eligibility, and each flag with its sentence, so a statement question
 * can go to support with the numbers (docs/contracts.md §3). In the report's language (`say`);
 * amounts stay exactly as the report states them, with their currency code, for support teams.
 */
import { sourceName, storeName } from '../compare/format';
import { ELIGIBILITY_THRESHOLD } from '../eligibility/rules';
import type { Message } from '../i18n/message';
import { message } from '../i18n/typed';
import type { MoneyFlagCode, MoneyTrack } from '../money';

/** The chip label of each money flag: the screens (components/money-words.ts) and the report use the same keys. */
export const MONEY_FLAG_LABEL_KEYS = {
  STATEMENT_PENDING: 'moneyChipPending',
  BELOW_THRESHOLD: 'moneyChipBelowThreshold',
  REVENUE_WITHOUT_STREAMS: 'moneyChipRevenueWithoutStreams',
  REVENUE_BEFORE_RELEASE: 'moneyChipRevenueBeforeRelease',
  INELIGIBLE_WITH_REVENUE: 'moneyChipIneligibleWithRevenue',
  ELIGIBLE_WITHOUT_REVENUE: 'moneyChipEligibleWithoutRevenue',
  RATE_OUTLIER: 'moneyChipRateOutlier',
} as const satisfies Record<MoneyFlagCode, string>;

const LEVEL_KEYS = { expected: 'levelExpected', possible: 'levelPossible', unexplained: 'levelUnexplained' } as const;

const rate = (value: number | null) => (value === null ? '—' : value.toPrecision(3));

export function moneySection(track: MoneyTrack, months: readonly string[], say: (text: Message) => string): string[] {
  const chosen = new Set(months);
  const rows = track.months.filter((row) => chosen.has(row.month));
  const count = (value: number) => say(message('evidenceCount', { value }));
  const lines = [`## ${say(message('evidenceMoneyTitle'))}`, ''];
  lines.push(say(message('evidenceMoneyAmounts')));
  if (track.unpaidSpotifyStreams > 0) lines.push(say(message('evidenceMoneyUnpaid', { count: track.unpaidSpotifyStreams, threshold: ELIGIBILITY_THRESHOLD })));
  lines.push('');
  if (rows.length === 0) {
    lines.push(say(message('evidenceMoneyNoLine', { months: [...chosen].sort().join(', ') })), '');
    return lines;
  }
  lines.push(say(message('evidenceMoneyTableHeader')), '| --- | --- | --- | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    const revenue = row.revenue ? `${row.revenue.amount} ${row.revenue.currency}` : say(message('evidenceMoneyNoColumn'));
    const eligible = row.eligible === null ? '—' : say(message(row.eligible ? 'moneyYes' : 'moneyNo'));
    lines.push(`| ${row.month} | ${sourceName(row.source)} | ${storeName(row.store)} | ${count(row.streams)} | ${revenue} | ${rate(row.perStream)} | ${row.s4aStreams === null ? '—' : count(row.s4aStreams)} | ${eligible} |`);
  }
  lines.push('');
  for (const row of rows) {
    if (row.flags.length === 0) continue;
    lines.push(say(message('evidenceMoneyFlagHeading', { month: row.month, source: sourceName(row.source), store: storeName(row.store) })), '');
    for (const flag of row.flags) {
      lines.push(say(message('evidenceReason', { label: { text: message(MONEY_FLAG_LABEL_KEYS[flag.code]) }, level: { text: message(LEVEL_KEYS[flag.level]) }, message: say(flag.text) })));
    }
    lines.push('');
  }
  return lines;
}
