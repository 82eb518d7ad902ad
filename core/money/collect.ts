/**
 * What the reports say per (calendar month, source, store, currency) for one recording: the
 * latest revision of each money series summed over statements, and the month's report
 * streams (the money's own rows when there is money, else the `streams_month` count).
 */
import { addDecimals, decimalOf, ZERO, type Decimal } from '../model/decimal';
import { monthOf, type Month } from '../model/day';
import type { MoneyRecord } from '../model/money';
import type { Observation } from '../model/schema';
import { SPOTIFY_SOURCE } from '../model/ids';

export interface ReportCell {
  month: Month;
  source: string;
  store: string;
  streams: number;
  /** null: the report has no money for it. */
  revenue: { amount: Decimal; currency: string } | null;
  /** How many currencies the reports use for this month, source and store. */
  currencies: number;
}

const cellKey = (month: string, source: string, store: string) => `${month}\u0000${source}\u0000${store}`;

/** `money` holds one revision per series already (moneyAsOf); `observations` any revisions. */
export function reportCells(observations: readonly Observation[], money: readonly MoneyRecord[]): ReportCell[] {
  // streams_month: latest revision per (track, source, store, month), summed over tracks.
  const latest = new Map<string, Observation>();
  for (const obs of observations) {
    if (obs.metric !== 'streams_month' || obs.source === SPOTIFY_SOURCE) continue;
    const key = `${obs.track}\u0000${obs.source}\u0000${obs.store}\u0000${obs.day}`;
    const held = latest.get(key);
    if (!held || held.observedAt < obs.observedAt) latest.set(key, obs);
  }
  const streamsByCell = new Map<string, { month: Month; source: string; store: string; streams: number }>();
  for (const obs of latest.values()) {
    const month = monthOf(obs.day);
    const key = cellKey(month, obs.source, obs.store);
    const cell = streamsByCell.get(key) ?? { month, source: obs.source, store: obs.store, streams: 0 };
    cell.streams += obs.value;
    streamsByCell.set(key, cell);
  }

  const moneyByCell = new Map<string, Map<string, { amount: Decimal; streams: number }>>();
  for (const record of money) {
    const key = cellKey(record.month, record.source, record.store);
    const byCurrency = moneyByCell.get(key) ?? new Map<string, { amount: Decimal; streams: number }>();
    const sum = byCurrency.get(record.currency) ?? { amount: ZERO, streams: 0 };
    sum.amount = addDecimals(sum.amount, decimalOf(record.amount));
    sum.streams += record.streams;
    byCurrency.set(record.currency, sum);
    moneyByCell.set(key, byCurrency);
    if (!streamsByCell.has(key)) streamsByCell.set(key, { month: record.month, source: record.source, store: record.store, streams: 0 });
  }

  const cells: ReportCell[] = [];
  for (const [key, base] of streamsByCell) {
    const byCurrency = moneyByCell.get(key);
    if (!byCurrency) {
      cells.push({ ...base, revenue: null, currencies: 0 });
      continue;
    }
    for (const [currency, sum] of [...byCurrency].sort(([a], [b]) => (a < b ? -1 : 1))) {
      cells.push({ ...base, streams: sum.streams, revenue: { amount: sum.amount, currency }, currencies: byCurrency.size });
    }
  }
  return cells;
}


