/**
 * The Money tab's chart data: per currency (never two on one axis), each store's revenue per
 * month (stacked bars) and rate per stream (lines). Pure, so the figures are tested alone.
 */
import { decimalOf, decimalToNumber, addDecimals, ZERO, type Decimal } from '../../core/model/decimal';
import { monthRange, type Month } from '../../core/model/day';
import type { MoneyMonth } from '../../core/money';

export interface StoreSeries {
  store: string;
  /** Per month of `months`: revenue (summed over sources of that store and currency), null where none. */
  revenue: (number | null)[];
  /** Per month: the rate per stream, null where none. */
  rate: (number | null)[];
}

export interface CurrencyChart {
  currency: string;
  months: Month[];
  stores: StoreSeries[];
  /** Largest stacked revenue of a month (≥ 0), and the largest rate, for the axes. */
  maxRevenue: number;
  maxRate: number;
}

export function moneyCharts(rows: readonly MoneyMonth[]): CurrencyChart[] {
  const byCurrency = new Map<string, MoneyMonth[]>();
  for (const row of rows) {
    if (!row.revenue) continue;
    const list = byCurrency.get(row.revenue.currency) ?? [];
    list.push(row);
    byCurrency.set(row.revenue.currency, list);
  }
  const charts: CurrencyChart[] = [];
  for (const [currency, list] of [...byCurrency].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const sorted = list.map((row) => row.month).sort();
    const months = monthRange(sorted[0]!, sorted[sorted.length - 1]!);
    const stores = [...new Set(list.map((row) => row.store))].sort();
    const series: StoreSeries[] = stores.map((store) => {
      const amounts = new Map<Month, Decimal>();
      const streams = new Map<Month, number>();
      for (const row of list) {
        if (row.store !== store) continue;
        amounts.set(row.month, addDecimals(amounts.get(row.month) ?? ZERO, decimalOf(row.revenue!.amount)));
        streams.set(row.month, (streams.get(row.month) ?? 0) + row.streams);
      }
      return {
        store,
        revenue: months.map((month) => (amounts.has(month) ? decimalToNumber(amounts.get(month)!) : null)),
        rate: months.map((month) => {
          const count = streams.get(month) ?? 0;
          return amounts.has(month) && count > 0 ? decimalToNumber(amounts.get(month)!) / count : null;
        }),
      };
    });
    const maxRevenue = Math.max(0, ...months.map((_, index) => series.reduce((sum, each) => sum + Math.max(0, each.revenue[index] ?? 0), 0)));
    const maxRate = Math.max(0, ...series.flatMap((each) => each.rate.map((value) => value ?? 0)));
    charts.push({ currency, months, stores: series, maxRevenue, maxRate });
  }
  return charts;
}
