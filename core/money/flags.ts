/**
 * The money flags (docs/contracts.md §3; rules in docs/domain.md "Money in the sales
 * reports"). Each flag carries its English `message` for the CLI and `money --json`, and `text`,
 * the screens' sentence as a message key and parameters (docs/i18n.md), phrased in the
 * artist's language with the locale's money, number and month forms.
 */
import { formatCount, sourceName, storeName } from '../compare/format';
import { ELIGIBILITY_THRESHOLD } from '../eligibility';
import type { Month } from '../model/day';
import { RATE_MIN_BASELINE, RATE_MIN_STREAMS, RATE_OUTLIER_FACTOR } from './rules';
import { STATEMENT_SETTLE_MONTHS } from '../model/settle';
import { MONEY_FLAG_LEVELS, type MoneyFlag, type MoneyFlagCode, type MoneyMonth } from './types';
import type { Message } from '../i18n/message';
import { message } from '../i18n/typed';
import { SPOTIFY_STORE } from '../model/ids';

/** `${source}\0${store}\0${currency}`. */
export type RateKey = string;

function flag(code: MoneyFlagCode, english: string, text: Message): MoneyFlag {
  return { code, level: MONEY_FLAG_LEVELS[code], message: english, text };
}

/** A rate for messages: "0.0031 EUR per stream". */
function formatRate(rate: number, currency: string): string {
  return `${rate.toPrecision(2).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')} ${currency} per stream`;
}

/** Months that can set the usual rate: enough streams, paid, and not an ineligible Spotify month. */
function countsForRate(row: MoneyMonth): boolean {
  return row.perStream !== null && row.streams >= RATE_MIN_STREAMS && row.revenue !== null && Number(row.revenue.amount) > 0 && row.eligible !== false;
}

/** The median of `sorted` (ascending) without its element at `skip`, in O(1). */
function medianWithout(sorted: readonly number[], skip: number): number {
  const at = (k: number) => sorted[k < skip ? k : k + 1]!;
  const length = sorted.length - 1;
  const middle = length >> 1;
  return length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/**
 * The artist's usual rate per source, store and currency: the median over every recording's
 * months that count for it, leaving out the month being judged (so one wild month cannot set
 * its own standard); null with fewer than RATE_MIN_BASELINE other months.
 */
export function usualRates(rows: readonly MoneyMonth[]) {
  const byKey = new Map<RateKey, { sorted: number[]; index: Map<MoneyMonth, number> }>();
  const members = new Map<RateKey, MoneyMonth[]>();
  for (const row of rows) {
    if (!countsForRate(row)) continue;
    const key = `${row.source}\u0000${row.store}\u0000${row.revenue!.currency}`;
    const list = members.get(key) ?? [];
    list.push(row);
    members.set(key, list);
  }
  for (const [key, list] of members) {
    const ordered = [...list].sort((a, b) => a.perStream! - b.perStream!);
    byKey.set(key, { sorted: ordered.map((row) => row.perStream!), index: new Map(ordered.map((row, position) => [row, position])) });
  }
  return {
    usualFor(key: RateKey, row: MoneyMonth): number | null {
      const entry = byKey.get(key);
      if (!entry) return null;
      const position = entry.index.get(row);
      const others = entry.sorted.length - (position === undefined ? 0 : 1);
      if (others < RATE_MIN_BASELINE) return null;
      // A month that does not count for the rate is judged against all of them.
      return position === undefined ? medianWithout([...entry.sorted, Infinity], entry.sorted.length) : medianWithout(entry.sorted, position);
    },
  };
}

interface FlagContext {
  /** See index.ts releasedBy: false = provably no stream yet by the end of that month. */
  releasedBefore(month: Month): boolean | null;
  /** The sign of the revenue amount; null without revenue. */
  amountSign: -1 | 0 | 1 | null;
}

export function flagsFor(row: MoneyMonth, context: FlagContext): MoneyFlag[] {
  const flags: MoneyFlag[] = [];
  const where = `${sourceName(row.source)}'s ${storeName(row.store)} line for ${row.month}`;
  const paid = context.amountSign === 1;
  const amount = row.revenue ? `${row.revenue.amount} ${row.revenue.currency}` : '';
  const money = row.revenue ? { money: row.revenue } : '';
  const month = { month: row.month };
  const trailing = row.trailing12m ?? 0;

  if (row.pending) {
    flags.push(flag('STATEMENT_PENDING', `${row.month} is recent: sales reports arrive about 4 months after the streams (US sales often 1–2 months later still), so its statement may still change until ${STATEMENT_SETTLE_MONTHS} months have passed.`, message('moneyFlagPending', { month })));
  }
  if (row.store === SPOTIFY_STORE && row.eligible === false && row.s4aStreams !== null && row.s4aStreams > 0) {
    flags.push(
      flag(
        'BELOW_THRESHOLD',
        `${formatCount(row.s4aStreams)} Spotify streams in ${row.month}, when the recording had ${formatCount(row.trailing12m ?? 0)} of ${formatCount(ELIGIBILITY_THRESHOLD)} streams in the 12 months: Spotify pays no recording royalty for them (tracks under the threshold earned about $0.03 a month on average).`,
        message('moneyFlagBelowThreshold', { streams: row.s4aStreams, month, trailing, threshold: ELIGIBILITY_THRESHOLD }),
      ),
    );
  }
  if (paid && row.streams <= 0) {
    flags.push(flag('REVENUE_WITHOUT_STREAMS', `${where} pays ${amount} for 0 streams: revenue from a streaming store without streams is worth asking the distributor about.`, message('moneyFlagRevenueWithoutStreams', { amount: money, month })));
  }
  if (paid && context.releasedBefore(row.month) === false) {
    flags.push(flag('REVENUE_BEFORE_RELEASE', `${where} pays ${amount}, but Spotify for Artists shows no stream of the recording in ${row.month} or before it: revenue before the recording's first streams is worth asking the distributor about.`, message('moneyFlagRevenueBeforeRelease', { amount: money, month })));
  }
  if (row.store === SPOTIFY_STORE && row.eligible === false && paid) {
    flags.push(
      flag(
        'INELIGIBLE_WITH_REVENUE',
        `${where} pays ${amount}, though the recording had ${formatCount(row.trailing12m ?? 0)} of ${formatCount(ELIGIBILITY_THRESHOLD)} streams in the 12 months by Spotify for Artists' count: the count may lack days, or Spotify's grouping may differ from the ISRC.`,
        message('moneyFlagIneligibleWithRevenue', { amount: money, month, trailing, threshold: ELIGIBILITY_THRESHOLD }),
      ),
    );
  }
  const spotifyStreams = Math.max(row.streams, row.s4aStreams ?? 0);
  if (row.store === SPOTIFY_STORE && row.eligible === true && !row.pending && context.amountSign !== null && context.amountSign <= 0 && spotifyStreams > 0) {
    flags.push(
      flag(
        'ELIGIBLE_WITHOUT_REVENUE',
        `${where} pays ${amount} for ${formatCount(spotifyStreams)} streams, though the recording was eligible by the count (${formatCount(row.trailing12m ?? 0)} streams in the 12 months): Spotify's unpublished listener minimum may not have been met.`,
        message('moneyFlagEligibleWithoutRevenue', { month, threshold: ELIGIBILITY_THRESHOLD }),
      ),
    );
  }
  const saidByOther = flags.some((each) => each.code === 'ELIGIBLE_WITHOUT_REVENUE');
  const judgeable = row.revenue !== null && context.amountSign !== null && context.amountSign >= 0 && !(row.store === SPOTIFY_STORE && row.eligible === false);
  if (judgeable && !saidByOther && row.usualPerStream !== null && row.perStream !== null && row.streams >= RATE_MIN_STREAMS && row.revenue !== null) {
    const ratio = row.perStream / row.usualPerStream;
    if (ratio > RATE_OUTLIER_FACTOR || ratio < 1 / RATE_OUTLIER_FACTOR) {
      flags.push(
        flag(
          'RATE_OUTLIER',
          `${where} pays ${formatRate(row.perStream, row.revenue.currency)} over ${formatCount(row.streams)} streams, against a usual ${formatRate(row.usualPerStream, row.revenue.currency)} for this store: rates vary by country and month, but not usually this much.`,
          message('moneyFlagRateOutlier', { rate: { rate: { value: row.perStream, currency: row.revenue.currency } }, month, usual: { rate: { value: row.usualPerStream, currency: row.revenue.currency } } }),
        ),
      );
    }
  }
  return flags;
}
