/**
 * The money view (docs/contracts.md §3): per recording (ISRC) and month, the reports' streams
 * and revenue per source and store, the rate per stream, Spotify for Artists' streams and
 * eligibility for the month (from the eligibility computation), and the flags.
 */
import { eligibility, type EligibilityResult } from '../eligibility';
import { addMonths, firstDayOfMonth, lastDayOfMonth, monthOf, type Day, type Month } from '../model/day';
import { addDecimals, decimalOf, decimalSign, decimalToNumber, decimalToString, ZERO, type Decimal } from '../model/decimal';
import type { History } from '../model/history';
import { moneyAsOf, type MoneyRecord } from '../model/money';
import { normaliseIsrc, type Observation } from '../model/schema';
import { reportCells, type ReportCell } from './collect';
import { flagsFor, usualRates, type RateKey } from './flags';
import { STATEMENT_SETTLE_MONTHS } from '../model/settle';
import type { MoneyMonth, MoneyResult, MoneyTrack, Revenue } from './types';
import { SPOTIFY_SOURCE, SPOTIFY_STORE } from '../model/ids';

export * from './types';


interface MoneyOptions {
  /** Flags are evaluated as of this day (pending statements, eligibility month by month). */
  asOfDay: Day;
  /** Only this recording. */
  isrc?: string;
  /** `eligibility(history, { asOfDay })` when the caller has it already (it is the costly part). */
  eligibility?: EligibilityResult;
}

/** Each track's observations and money, in one pass over the history. */
function byTrack<T extends { track: string }>(items: readonly T[], wanted: ReadonlySet<string>): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) {
    if (!wanted.has(item.track)) continue;
    const list = grouped.get(item.track);
    if (list) list.push(item);
    else grouped.set(item.track, [item]);
  }
  return grouped;
}

/** Spotify for Artists' daily streams of a recording: the first day read and the first day with a stream. */
interface S4aSpan {
  firstDay: Day | null;
  firstStreamDay: Day | null;
}

function s4aSpan(observations: readonly Observation[], asOfDay: Day): S4aSpan {
  const latest = new Map<string, { value: number; observedAt: string }>();
  for (const obs of observations) {
    if (obs.source !== SPOTIFY_SOURCE || obs.metric !== 'streams' || obs.day > asOfDay) continue;
    const key = `${obs.track}\u0000${obs.day}`;
    const held = latest.get(key);
    if (!held || held.observedAt < obs.observedAt) latest.set(key, obs);
  }
  let firstDay: Day | null = null;
  let firstStreamDay: Day | null = null;
  for (const [key, { value }] of latest) {
    const day = key.slice(key.indexOf('\u0000') + 1);
    if (firstDay === null || day < firstDay) firstDay = day;
    if (value > 0 && (firstStreamDay === null || day < firstStreamDay)) firstStreamDay = day;
  }
  return { firstDay, firstStreamDay };
}

function isStatementPending(month: Month, asOfDay: Day): boolean {
  return monthOf(asOfDay) < addMonths(month, STATEMENT_SETTLE_MONTHS);
}

export function money(history: History, options: MoneyOptions): MoneyResult {
  const { asOfDay } = options;
  const isrc = options.isrc === undefined ? undefined : normaliseIsrc(options.isrc);
  // Amounts are the latest imported (docs/contracts.md §3): every revision's time is before this.
  const latestMoney = moneyAsOf(history.money ?? [], '\uffff');
  // Every recording, even with --isrc: the usual rate per store is the artist's, over all of them.
  const recordings = (options.eligibility ?? eligibility(history, { asOfDay })).tracks;
  const wanted = new Set(recordings.flatMap((entry) => entry.trackIds));
  const observationsOf = byTrack(history.observations, wanted);
  const moneyOf = byTrack(latestMoney, wanted);

  interface Draft {
    track: MoneyTrack;
    cells: ReportCell[];
    span: S4aSpan;
    byMonth: Map<Month, { streams: number; trailing12m: number; eligible: boolean }>;
  }
  const drafts: Draft[] = recordings.map((entry) => {
    const observations = entry.trackIds.flatMap((id) => observationsOf.get(id) ?? []);
    const recordingMoney = entry.trackIds.flatMap((id) => moneyOf.get(id) ?? []);
    const cells = reportCells(observations, recordingMoney);
    const span = s4aSpan(observations, asOfDay);
    const firstS4aMonth = span.firstDay === null ? null : monthOf(span.firstDay);
    // Only months Spotify for Artists' days reach: before them the count says nothing.
    const byMonth = new Map(
      firstS4aMonth === null ? [] : entry.months.filter((row) => row.month >= firstS4aMonth).map((row) => [row.month, { streams: row.streams, trailing12m: row.trailing12m, eligible: row.eligible }] as const),
    );
    const asOfMonth = monthOf(asOfDay);
    // Finished months only: the current month's eligibility is still open.
    let unpaid = 0;
    for (const [month, row] of byMonth) if (month < asOfMonth && !row.eligible) unpaid += row.streams;
    return { track: { isrc: entry.isrc, title: entry.title, trackIds: entry.trackIds, unpaidSpotifyStreams: unpaid, lastStatement: lastStatementOf(recordingMoney), months: [] }, cells, span, byMonth };
  });

  const months = new Map<Draft, MoneyMonth[]>();
  for (const draft of drafts) {
    months.set(
      draft,
      draft.cells.map((cell) => {
        const spotify = cell.store === SPOTIFY_STORE ? draft.byMonth.get(cell.month) : undefined;
        const perStream = cell.revenue === null || cell.streams <= 0 ? null : decimalToNumber(cell.revenue.amount) / cell.streams;
        return {
          month: cell.month,
          source: cell.source,
          store: cell.store,
          streams: cell.streams,
          revenue: cell.revenue === null ? null : { amount: decimalToString(cell.revenue.amount), currency: cell.revenue.currency },
          perStream,
          s4aStreams: spotify?.streams ?? null,
          eligible: spotify?.eligible ?? null,
          flags: [],
          trailing12m: spotify?.trailing12m ?? null,
          usualPerStream: null,
          pending: isStatementPending(cell.month, asOfDay),
        };
      }),
    );
  }

  const rates = usualRates([...months.values()].flat());
  for (const draft of drafts) {
    const rows = months.get(draft)!;
    for (const row of rows) {
      const key: RateKey = `${row.source}\u0000${row.store}\u0000${row.revenue?.currency ?? ''}`;
      row.usualPerStream = rates.usualFor(key, row);
      row.flags = flagsFor(row, {
        releasedBefore: (month) => releasedBy(draft.span, month),
        amountSign: row.revenue === null ? null : decimalSign(decimalOf(row.revenue.amount)),
      });
    }
    rows.sort((a, b) => (a.month !== b.month ? (a.month < b.month ? 1 : -1) : a.source !== b.source ? (a.source < b.source ? -1 : 1) : a.store !== b.store ? (a.store < b.store ? -1 : 1) : (a.revenue?.currency ?? '') < (b.revenue?.currency ?? '') ? -1 : 1));
    draft.track.months = rows;
  }
  return { asOf: asOfDay, tracks: drafts.map((draft) => draft.track).filter((track) => isrc === undefined || track.isrc === isrc) };
}

/**
 * Whether Spotify for Artists shows the recording streaming by the end of `month`: false only
 * when its days reach back to the month's first day and none of them up to the month's last
 * day has a stream; null when its days do not reach back that far (nothing can be said).
 */
function releasedBy(span: S4aSpan, month: Month): boolean | null {
  if (span.firstDay === null || span.firstDay > firstDayOfMonth(month)) return null;
  return span.firstStreamDay !== null && span.firstStreamDay <= lastDayOfMonth(month);
}

/** The latest statement's amounts per currency (a record without a statement counts under its sales month). */
function lastStatementOf(records: readonly MoneyRecord[]): { statement: Month; amounts: Revenue[] } | null {
  let latest: Month | null = null;
  for (const record of records) {
    const statement = record.statement ?? record.month;
    if (latest === null || statement > latest) latest = statement;
  }
  if (latest === null) return null;
  const sums = new Map<string, Decimal>();
  for (const record of records) {
    if ((record.statement ?? record.month) !== latest) continue;
    sums.set(record.currency, addDecimals(sums.get(record.currency) ?? ZERO, decimalOf(record.amount)));
  }
  const amounts = [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, amount]) => ({ amount: decimalToString(amount), currency }));
  return { statement: latest, amounts };
}
