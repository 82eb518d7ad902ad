/**
 * The money view (docs/contracts.md §3): per recording (ISRC) and month, the reports' streams
 * and revenue per source and store, the rate per stream, Spotify for Artists' streams and
 * eligibility for the month (from the eligibility computation), and the flags.
 */
import { eligibility } from '../eligibility';
import { addMonths, firstDayOfMonth, lastDayOfMonth, monthOf, type Day, type Month } from '../model/day';
import { decimalOf, decimalSign, decimalToNumber, decimalToString } from '../model/decimal';
import type { History } from '../model/history';
import { moneyAsOf } from '../model/money';
import { normaliseIsrc } from '../model/schema';
import { reportCells, type ReportCell } from './collect';
import { flagsFor, usualRates, type RateKey } from './flags';
import { STATEMENT_SETTLE_MONTHS } from './rules';
import type { MoneyMonth, MoneyResult, MoneyTrack } from './types';

export * from './types';
export { STATEMENT_SETTLE_MONTHS, RATE_OUTLIER_FACTOR, RATE_MIN_STREAMS } from './rules';

export interface MoneyOptions {
  /** Flags are evaluated as of this day (pending statements, eligibility month by month). */
  asOfDay: Day;
  /** Only this recording. */
  isrc?: string;
}

/** Spotify for Artists' daily streams of a recording: the first day read and the first day with a stream. */
interface S4aSpan {
  firstDay: Day | null;
  firstStreamDay: Day | null;
}

function s4aSpan(history: History, trackIds: ReadonlySet<string>, asOfDay: Day): S4aSpan {
  const latest = new Map<string, { value: number; observedAt: string }>();
  for (const obs of history.observations) {
    if (obs.source !== 'spotify' || obs.metric !== 'streams' || !trackIds.has(obs.track) || obs.day > asOfDay) continue;
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

export function isStatementPending(month: Month, asOfDay: Day): boolean {
  return monthOf(asOfDay) < addMonths(month, STATEMENT_SETTLE_MONTHS);
}

export function money(history: History, options: MoneyOptions): MoneyResult {
  const { asOfDay } = options;
  const isrc = options.isrc === undefined ? undefined : normaliseIsrc(options.isrc);
  const latestMoney = moneyAsOf(history.money ?? [], '\uffff');
  const recordings = eligibility(history, { asOfDay }).tracks.filter((entry) => isrc === undefined || entry.isrc === isrc);

  interface Draft {
    track: MoneyTrack;
    cells: ReportCell[];
    span: S4aSpan;
    byMonth: Map<Month, { streams: number; trailing12m: number; eligible: boolean }>;
  }
  const drafts: Draft[] = recordings.map((entry) => {
    const ids = new Set(entry.trackIds);
    const cells = reportCells(
      history.observations.filter((obs) => ids.has(obs.track)),
      latestMoney.filter((record) => ids.has(record.track)),
    );
    const span = s4aSpan(history, ids, asOfDay);
    const firstS4aMonth = span.firstDay === null ? null : monthOf(span.firstDay);
    // Only months Spotify for Artists' days reach: before them the count says nothing.
    const byMonth = new Map(
      firstS4aMonth === null ? [] : entry.months.filter((row) => row.month >= firstS4aMonth).map((row) => [row.month, { streams: row.streams, trailing12m: row.trailing12m, eligible: row.eligible }] as const),
    );
    const asOfMonth = monthOf(asOfDay);
    // Finished months only: the current month's eligibility is still open.
    let unpaid = 0;
    for (const [month, row] of byMonth) if (month < asOfMonth && !row.eligible) unpaid += row.streams;
    return { track: { isrc: entry.isrc, title: entry.title, trackIds: entry.trackIds, unpaidSpotifyStreams: unpaid, months: [] }, cells, span, byMonth };
  });

  const months = new Map<Draft, MoneyMonth[]>();
  for (const draft of drafts) {
    months.set(
      draft,
      draft.cells.map((cell) => {
        const spotify = cell.store === 'spotify' ? draft.byMonth.get(cell.month) : undefined;
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
  return { asOf: asOfDay, tracks: drafts.map((draft) => draft.track) };
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
