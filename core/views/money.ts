/**
 * The money view for the screens (docs/contracts.md §3 computed once over the whole history,
 * so the usual rate per store is the artist's, not one recording's): by track id for the
 * history page, the popup's statement line, the overlay's flags.
 */
import { money, type MoneyFlag, type MoneyTrack, type Revenue } from '../money';
import type { Month } from '../model/day';
import type { History } from '../model/history';
import type { EligibilityResult } from '../eligibility';

/** What the popup says once a statement is in: its total per currency, and the unpaid streams. */
export interface StatementLine {
  /** The latest statement month (or sales month, where the report names no statement). */
  statement: Month;
  /** One per currency, never added across. */
  amounts: Revenue[];
  unpaidSpotifyStreams: number;
}

/** A flag of one month and store, for the overlay's month line. */
export interface MonthFlag {
  month: Month;
  source: string;
  store: string;
  flag: MoneyFlag;
}

export function moneyByTrack(history: History, asOfDay: string, eligibility?: EligibilityResult): Map<string, MoneyTrack> {
  const byTrack = new Map<string, MoneyTrack>();
  for (const track of money(history, { asOfDay, eligibility }).tracks) for (const id of track.trackIds) byTrack.set(id, track);
  return byTrack;
}

export function statementLine(track: MoneyTrack | undefined): StatementLine | null {
  if (!track?.lastStatement) return null;
  return { statement: track.lastStatement.statement, amounts: track.lastStatement.amounts, unpaidSpotifyStreams: track.unpaidSpotifyStreams };
}

/** The flags worth a look (possible, unexplained), newest month first, at most `limit`. */
export function notableMonthFlags(track: MoneyTrack | null | undefined, limit = 3): MonthFlag[] {
  if (!track) return [];
  const flags: MonthFlag[] = [];
  for (const row of track.months) {
    for (const flag of row.flags) if (flag.level !== 'expected') flags.push({ month: row.month, source: row.source, store: row.store, flag });
  }
  const rank = { unexplained: 0, possible: 1, expected: 2 } as const;
  return flags.sort((a, b) => rank[a.flag.level] - rank[b.flag.level] || (a.month < b.month ? 1 : a.month > b.month ? -1 : 0)).slice(0, limit);
}
