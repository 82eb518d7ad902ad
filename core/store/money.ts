/**
 * Money as the store keeps it (layout version 4): one record per money series (model/money.ts)
 * with its revisions as parallel arrays, in the normal form of normaliseMoney (sorted by
 * observedAt, no revision repeating the one before it). Pure conversions and the merge rule,
 * then the IndexedDB work over them (money merged inside a transaction, a track's money read).
 */
import { unwrap } from 'idb';
import { normaliseMoney, type MoneyRecord } from '../model/money';
import { prefixRange } from './key-range';
import { MONEY } from './schema';
import type { Store } from './store';
import type { Transact, WriteTx } from './transactions';

export interface MoneySeries {
  track: string;
  source: string;
  store: string;
  month: string;
  /** '' when the report does not say (keys cannot hold null). */
  statement: string;
  currency: string;
  observedAt: string[];
  amounts: string[];
  streams: number[];
}

export type MoneyKey = [string, string, string, string, string, string];

export function moneyKey(record: Pick<MoneyRecord, 'track' | 'source' | 'store' | 'month' | 'statement' | 'currency'>): MoneyKey {
  return [record.track, record.source, record.store, record.month, record.statement ?? '', record.currency];
}

export function recordsOf(series: MoneySeries, track = series.track): MoneyRecord[] {
  return series.observedAt.map((observedAt, index) => ({
    track,
    source: series.source,
    store: series.store,
    month: series.month,
    statement: series.statement === '' ? null : series.statement,
    currency: series.currency,
    amount: series.amounts[index]!,
    streams: series.streams[index]!,
    observedAt,
  }));
}

/** Records of one series (same key), in normal form → the stored record. */
function seriesOf(records: readonly MoneyRecord[]): MoneySeries {
  const first = records[0]!;
  return {
    track: first.track,
    source: first.source,
    store: first.store,
    month: first.month,
    statement: first.statement ?? '',
    currency: first.currency,
    observedAt: records.map((record) => record.observedAt),
    amounts: records.map((record) => record.amount),
    streams: records.map((record) => record.streams),
  };
}

/**
 * The stored series with `incoming` (same key) added; `added` counts incoming revisions that
 * are new, `series` is null when nothing changed.
 */
export function mergeMoneySeries(stored: MoneySeries | undefined, incoming: readonly MoneyRecord[]): { series: MoneySeries | null; added: number; unchanged: number } {
  const before = stored ? recordsOf(stored) : [];
  const merged = normaliseMoney([...before, ...incoming]);
  const kept = new Set(before.map((record) => `${record.observedAt}\u0000${record.amount}\u0000${record.streams}`));
  let added = 0;
  for (const record of merged) if (!kept.has(`${record.observedAt}\u0000${record.amount}\u0000${record.streams}`)) added++;
  const changed = added > 0 || merged.length !== before.length;
  return { series: changed ? seriesOf(merged) : null, added, unchanged: incoming.length - added };
}

/** Groups records by series key (track already mapped to the stored id). */
export function groupBySeries(records: readonly MoneyRecord[]): Map<string, { key: MoneyKey; records: MoneyRecord[] }> {
  const groups = new Map<string, { key: MoneyKey; records: MoneyRecord[] }>();
  for (const record of records) {
    const key = moneyKey(record);
    const text = key.join('\u0000');
    const group = groups.get(text) ?? { key, records: [] };
    group.records.push(record);
    groups.set(text, group);
  }
  return groups;
}

/**
 * Adds money records (their `track` an incoming id, mapped with `idFor`) to the stored money
 * series, in normal form, inside `tx`.
 */
export async function mergeMoneyInto(tx: WriteTx, money: readonly MoneyRecord[], idFor: (track: string, index: number) => string): Promise<{ added: number; unchanged: number }> {
  const mapped = money.map((record, index) => {
    const track = idFor(record.track, index);
    return track === record.track ? record : { ...record, track };
  });
  const groups = [...groupBySeries(mapped).values()];
  const moneyStore = tx.objectStore(MONEY);
  const stored = await Promise.all(groups.map((group) => moneyStore.get(group.key)));
  const raw = unwrap(moneyStore);
  let added = 0;
  let unchanged = 0;
  groups.forEach((group, index) => {
    const merged = mergeMoneySeries(stored[index], group.records);
    added += merged.added;
    unchanged += merged.unchanged;
    if (merged.series) raw.put(merged.series);
  });
  return { added, unchanged };
}

export function moneyMethods(transact: Transact): Pick<Store, 'getTrackMoney'> {
  return {
    async getTrackMoney(trackId) {
      return transact('Reading a track', [MONEY], 'readonly', 'default', async (tx) => (await tx.objectStore(MONEY).getAll(prefixRange(trackId))).flatMap((series) => recordsOf(series)));
    },
  };
}
