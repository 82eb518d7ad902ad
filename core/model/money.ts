/**
 * Money from the distributors' sales reports (docs/contracts.md §3), as the history file and
 * the store keep it: one record per (track, source, store, sales month, statement, currency)
 * and revision. `amount` is the exact sum of the report's money column over the rows of that
 * key (countries, reporting days, negative corrections included), `streams` the sum of the same
 * rows' quantities, so the rate per stream is always over the rows that earned the money.
 *
 * The statement (the month the report booked the rows in) is part of the key: a later
 * statement that adds late sales for a month adds to it, while a newer export of the same
 * statement revises it (the latest `observedAt` wins), so re-importing never double counts.
 */
import { z } from '../zod';
import { isMonth, type Month } from './day';
import { isCanonicalDecimal, parseDecimal, decimalToString } from './decimal';
import { instantSchema, sourceIdSchema } from './schema';

export interface MoneyRecord {
  track: string;
  /** The distributor id ("imusician", "distrokid", …). */
  source: string;
  /** The store id, as on observations ("spotify", "apple", …). */
  store: string;
  /** The calendar month of the sales. */
  month: Month;
  /** The report's statement / reporting month, or null when the file does not say. */
  statement: Month | null;
  /** ISO 4217 code, upper case. */
  currency: string;
  /** Canonical exact decimal ("4.12", "-0.031"). */
  amount: string;
  /** Whole number; negative when corrections outweigh the month's streams in this statement. */
  streams: number;
  observedAt: string;
}

export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

const monthSchema = z.string().refine(isMonth, { error: (issue) => `${JSON.stringify(issue.input)} is not a calendar month (YYYY-MM)` });

/** Accepts any plain decimal string and normalises it; numbers are refused (they are not exact). */
const amountSchema = z
  .string({ error: (issue) => `${JSON.stringify(issue.input)} is not an amount written as a decimal string (e.g. "4.12")` })
  .refine((value) => parseDecimal(value) !== null && /^-?\d+(\.\d+)?$/.test(value), {
    error: (issue) => `${JSON.stringify(issue.input)} is not an amount written as a decimal string (e.g. "4.12")`,
  })
  .transform((value) => (isCanonicalDecimal(value) ? value : decimalToString(parseDecimal(value)!)));

export const moneyRecordSchema = z.object({
  track: z.string().min(1).max(100),
  source: sourceIdSchema,
  store: sourceIdSchema,
  month: monthSchema,
  statement: monthSchema.nullable(),
  currency: z.string().regex(CURRENCY_PATTERN, { error: (issue) => `${JSON.stringify(issue.input)} is not a currency code (ISO 4217, e.g. EUR)` }),
  amount: amountSchema,
  streams: z
    .number({ error: (issue) => `${JSON.stringify(issue.input)} is not a number` })
    .refine(Number.isSafeInteger, { error: (issue) => `${JSON.stringify(issue.input)} is not a whole number` }),
  observedAt: instantSchema,
});

/** Everything but the revision's value and time: one series of revisions. */
function moneySeriesKey(record: Pick<MoneyRecord, 'track' | 'source' | 'store' | 'month' | 'statement' | 'currency'>): string {
  return `${record.track}\u0000${record.source}\u0000${record.store}\u0000${record.month}\u0000${record.statement ?? ''}\u0000${record.currency}`;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The canonical order: by series key fields, then observedAt, then value. */
export function compareMoneyRecords(a: MoneyRecord, b: MoneyRecord): number {
  return (
    byCodeUnits(a.track, b.track) ||
    byCodeUnits(a.source, b.source) ||
    byCodeUnits(a.store, b.store) ||
    byCodeUnits(a.month, b.month) ||
    byCodeUnits(a.statement ?? '', b.statement ?? '') ||
    byCodeUnits(a.currency, b.currency) ||
    byCodeUnits(a.observedAt, b.observedAt) ||
    byCodeUnits(a.amount, b.amount) ||
    a.streams - b.streams
  );
}

/**
 * Sorts and compacts: within a series, a revision that repeats the one before it (same amount
 * and streams) adds nothing, as for observations (revisions.ts).
 */
export function normaliseMoney(records: readonly MoneyRecord[]): MoneyRecord[] {
  const sorted = [...records].sort(compareMoneyRecords);
  const kept: MoneyRecord[] = [];
  let previousKey = '';
  for (const record of sorted) {
    const key = moneySeriesKey(record);
    const last = kept[kept.length - 1];
    if (last && key === previousKey && last.amount === record.amount && last.streams === record.streams) continue;
    kept.push(record);
    previousKey = key;
  }
  return kept;
}

/** The revision of each series that holds at `asOf` (canonical instant): latest observedAt ≤ asOf. */
export function moneyAsOf(records: readonly MoneyRecord[], asOf: string): MoneyRecord[] {
  const latest = new Map<string, MoneyRecord>();
  for (const record of records) {
    if (record.observedAt > asOf) continue;
    const key = moneySeriesKey(record);
    const held = latest.get(key);
    if (!held || held.observedAt < record.observedAt || (held.observedAt === record.observedAt && compareMoneyRecords(held, record) < 0)) latest.set(key, record);
  }
  return [...latest.values()];
}
