/**
 * The money view (docs/contracts.md §3, `money --json`): per recording and month, what the
 * sales reports say next to what Spotify for Artists says, with flags in the same three levels
 * as the day reasons. The CLI prints exactly the contract's fields; the extra fields here
 * (marked) are for the screens.
 */
import type { ReasonLevel } from '../compare/types';
import type { Message } from '../i18n/message';
import type { Day, Month } from '../model/day';

export const MONEY_FLAG_CODES = [
  'STATEMENT_PENDING',
  'BELOW_THRESHOLD',
  'REVENUE_WITHOUT_STREAMS',
  'REVENUE_BEFORE_RELEASE',
  'INELIGIBLE_WITH_REVENUE',
  'ELIGIBLE_WITHOUT_REVENUE',
  'RATE_OUTLIER',
] as const;
export type MoneyFlagCode = (typeof MONEY_FLAG_CODES)[number];

/** Each code has exactly one level (docs/contracts.md §3). */
export const MONEY_FLAG_LEVELS: Readonly<Record<MoneyFlagCode, ReasonLevel>> = {
  STATEMENT_PENDING: 'expected',
  BELOW_THRESHOLD: 'expected',
  REVENUE_WITHOUT_STREAMS: 'unexplained',
  REVENUE_BEFORE_RELEASE: 'unexplained',
  INELIGIBLE_WITH_REVENUE: 'possible',
  ELIGIBLE_WITHOUT_REVENUE: 'possible',
  RATE_OUTLIER: 'possible',
};

export interface MoneyFlag {
  code: MoneyFlagCode;
  level: ReasonLevel;
  /** English, with the figures (the CLI, `money --json`). */
  message: string;
  /** The screens' sentence: a catalog key and its parameters (docs/i18n.md). */
  text: Message;
}

export interface Revenue {
  /** Exact canonical decimal ("4.12"); the CLI prints it as a JSON number with these digits. */
  amount: string;
  /** ISO 4217. */
  currency: string;
}

export interface MoneyMonth {
  month: Month;
  source: string;
  store: string;
  streams: number;
  revenue: Revenue | null;
  perStream: number | null;
  s4aStreams: number | null;
  eligible: boolean | null;
  flags: MoneyFlag[];
  /** Extra: Spotify for Artists' 12-month total at this month (spotify entries), else null. */
  trailing12m: number | null;
  /** Extra: the artist's usual rate for this source, store and currency, when known. */
  usualPerStream: number | null;
  /** Extra: the statement may still change (the STATEMENT_PENDING rule). */
  pending: boolean;
}

export interface MoneyTrack {
  isrc: string | null;
  title: string;
  /** Extra: the tracks counted as this recording. */
  trackIds: string[];
  unpaidSpotifyStreams: number;
  /** Extra: the latest statement's money (the sales month where a report names no statement), per currency. */
  lastStatement: { statement: Month; amounts: Revenue[] } | null;
  months: MoneyMonth[];
}

export interface MoneyResult {
  asOf: Day;
  tracks: MoneyTrack[];
}
